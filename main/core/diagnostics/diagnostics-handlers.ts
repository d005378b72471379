import type { FeatureHandlers } from '../../../preload/contract';
import { ok } from '../result';
import type { DiagnosticsService } from './diagnostics-service';

/** The diagnostics screen's calls: preview, save through the dialog, copy, and open the logs folder. */
export function diagnosticsHandlers(diagnostics: DiagnosticsService): FeatureHandlers<'diagnostics'> {
  return {
    report: async () => ok(await diagnostics.build()),
    save: ({ format }) => diagnostics.save(format),
    copy: ({ format }) => diagnostics.copy(format),
    openLogsFolder: () => diagnostics.openLogsFolder(),
  };
}
