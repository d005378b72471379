import { setImmediate as nextTurn } from 'node:timers/promises';
import type { HttpTransport } from '../ports';
import { phasesFromResourceTiming, type ResourceTimingLike } from '../ping/timings';

/** Resource-timing entries are kept in a bounded buffer; it is emptied once it holds this many. */
const BUFFER_LIMIT = 200;

/** Node's own fetch (undici) with its resource timings, for the Chromium shell and tests; Electron uses net.fetch instead. */
export function nodeFetchTransport(fetchImpl: typeof fetch = fetch): HttpTransport {
  const transport = (url: string, init: RequestInit) => fetchImpl(url, init);
  return Object.assign(transport, {
    label: "Node's fetch (undici)",
    timings: async (url: string) => {
      // undici files the entry one turn after the body has been read.
      await nextTurn();
      const entries = performance.getEntriesByName(url, 'resource') as unknown as ResourceTimingLike[];
      const latest = entries.at(-1);
      if (performance.getEntriesByType('resource').length > BUFFER_LIMIT) performance.clearResourceTimings();
      return latest ? phasesFromResourceTiming(latest) : null;
    },
  });
}
