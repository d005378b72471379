import { useEffect, useMemo, useRef, useState } from 'react';
import type {
  ExportFormat,
  Result,
  RunProgress,
  RunResult,
  WorkbenchPage,
  WorkbenchRequest,
} from '../../../preload/contract';
import { bridge } from '../../bridge';
import { failed, useAction } from '../../shared/use-action';
import { itemsOf, withPages } from './run-model';

interface RunState {
  readonly runId: string | null;
  readonly pages: readonly WorkbenchPage[];
  readonly progress: RunProgress | null;
  /** What the user last asked for, so "Retry" carries on the same way. */
  readonly lastAsked: 'next' | 'load-all' | null;
  readonly maxPages: number | null;
}
const NO_RUN: RunState = { runId: null, pages: [], progress: null, lastAsked: null, maxPages: null };
/** While a run starts its id is not known yet: the first events of a run not seen before are its own. */
const STARTING = 'starting';

/** One run of an endpoint: its pages as they arrive (events and results), its progress, and the calls that move it on. */
export function useRun() {
  const [run, setRun] = useState<RunState>(NO_RUN);
  const runId = useRef<string | null>(null);
  const earlierRuns = useRef(new Set<string>());

  useEffect(() => {
    const ours = (id: string) => {
      if (runId.current === STARTING && !earlierRuns.current.has(id)) runId.current = id;
      return id === runId.current;
    };
    const stopPages = bridge.workbench.on('page', (page) => {
      if (ours(page.runId)) setRun((r) => ({ ...r, runId: page.runId, pages: withPages(r.pages, [page]) }));
    });
    const stopProgress = bridge.workbench.on('progress', (progress) => {
      if (ours(progress.runId)) setRun((r) => ({ ...r, runId: progress.runId, progress }));
    });
    return () => (stopPages(), stopProgress());
  }, []);

  const settle = (result: Result<RunResult>) => {
    if (result.ok && result.value.progress.runId === runId.current)
      setRun((r) => ({ ...r, pages: withPages(r.pages, result.value.pages), progress: result.value.progress }));
    return result;
  };

  const start = useAction(async (request: WorkbenchRequest) => {
    const before = runId.current;
    if (before && before !== STARTING) {
      earlierRuns.current.add(before);
      void bridge.workbench.cancel({ runId: before });
    }
    runId.current = STARTING;
    setRun({ ...NO_RUN, lastAsked: 'next' });
    const result = await bridge.workbench.start(request);
    if (result.ok) runId.current = result.value.progress.runId;
    else if (runId.current === STARTING) runId.current = null;
    return settle(result);
  });
  const next = useAction(async () => {
    if (!runId.current || runId.current === STARTING) return failed('Get the first page first.');
    setRun((r) => ({ ...r, lastAsked: 'next' }));
    return settle(await bridge.workbench.next({ runId: runId.current }));
  });
  const loadAll = useAction(async (maxPages: number) => {
    if (!runId.current || runId.current === STARTING) return failed('Get the first page first.');
    setRun((r) => ({ ...r, lastAsked: 'load-all', maxPages }));
    return settle(await bridge.workbench.loadAll({ runId: runId.current, maxPages }));
  });
  const cancel = useAction(async () =>
    run.runId ? bridge.workbench.cancel({ runId: run.runId }) : failed('Nothing is loading.'),
  );
  const exportItems = useAction(async (format: ExportFormat, cells?: { columns: string[]; rows: string[][] }) =>
    run.runId
      ? bridge.workbench.export({ runId: run.runId, format, ...cells })
      : failed('Load a page first, then export it.'),
  );

  const items = useMemo(() => itemsOf(run.pages), [run.pages]);
  const asking = [start, next, loadAll];
  return {
    ...run,
    items,
    busy: asking.some((a) => a.busy),
    error: start.error ?? next.error ?? loadAll.error ?? cancel.error,
    start: start.run,
    next: next.run,
    loadAll: loadAll.run,
    cancel: cancel.run,
    exportItems,
  };
}

export type Run = ReturnType<typeof useRun>;
