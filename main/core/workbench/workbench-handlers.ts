import type { FeatureHandlers } from '../../../preload/contract';
import type { Runs } from './runs';
import type { WorkbenchService } from './workbench-service';

/** The API workbench's calls: the endpoint list, the request as built, runs of pages, copies and exports. */
export function workbenchHandlers(workbench: WorkbenchService, runs: Runs): FeatureHandlers<'workbench'> {
  return {
    catalogue: ({ connectionId, refresh }) => workbench.catalogue(connectionId, refresh ?? false),
    preview: (request) => workbench.preview(request),
    start: (request) => workbench.start(request),
    next: ({ runId }) => runs.next(runId),
    loadAll: ({ runId, maxPages }) => runs.loadAll(runId, maxPages),
    cancel: async ({ runId }) => runs.cancel(runId),
    copyCurl: ({ withToken, ...request }) => workbench.copyCurl(request, withToken),
    openLink: ({ runId, item }) => workbench.openLink(runId, item),
    export: ({ runId, format, columns, rows }) => workbench.export(runId, format, columns, rows),
  };
}
