import { PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { HttpTransport } from '../ports';
import { phasesFromResourceTiming, type ResourceTimingLike } from '../ping/timings';

/** How many URLs' latest entries are kept, and Node's own resource-timing buffer is emptied beyond this many entries. */
const KEEP = 100;
/**
 * undici files a request's entry a few process.nextTick turns after the body has been read (in the
 * same turn of the event loop: two ticks in Node 20), so that many are tried before waiting a turn.
 */
const TICKS = 4;
/** An entry may start this much before the request was handed to fetch (a coarsened clock) and still be that request's. */
const CLOCK_SLACK_MS = 1;

type Entry = ResourceTimingLike & PerformanceEntry;

/**
 * The latest resource-timing entry of each URL, taken from one observer for the whole process as
 * undici files them: looking one up is a map read, where `performance.getEntriesByName` filters and
 * sorts Node's whole buffer (every fetch in the process) on each call.
 */
const latestByUrl = new Map<string, Entry>();
let observer: PerformanceObserver | undefined;

function keep(entries: readonly PerformanceEntry[]): void {
  for (const entry of entries) {
    latestByUrl.delete(entry.name); // re-inserted last, so the first key is the URL fetched longest ago
    latestByUrl.set(entry.name, entry as Entry);
  }
  while (latestByUrl.size > KEEP) latestByUrl.delete(latestByUrl.keys().next().value!);
}

function onNextTick(resolve: () => void): void {
  process.nextTick(resolve);
}

function latestEntry(url: string): Entry | undefined {
  if (observer) keep(observer.takeRecords()); // entries filed this turn, before the observer's own callback runs
  return latestByUrl.get(url);
}

/** Node's own fetch (undici) with its resource timings, for the Chromium shell and tests; Electron uses net.fetch instead. */
export function nodeFetchTransport(fetchImpl: typeof fetch = fetch): HttpTransport {
  if (!observer) {
    observer = new PerformanceObserver((list) => keep(list.getEntries()));
    observer.observe({ type: 'resource' });
  }
  /** URL → when this transport last sent a request to it: a look-up takes that request's entry, never an older one. */
  const sentAt = new Map<string, number>();
  let tidying = false;

  const transport = (url: string, init: RequestInit) => {
    sentAt.delete(url);
    sentAt.set(url, performance.now());
    if (sentAt.size > KEEP) sentAt.delete(sentAt.keys().next().value!);
    return fetchImpl(url, init);
  };

  /** The entry of the latest request to `url` sent through this transport, once undici has filed it. */
  const entryFor = (url: string): Entry | undefined => {
    const entry = latestEntry(url);
    const since = sentAt.get(url);
    return entry && (since === undefined || entry.startTime >= since - CLOCK_SLACK_MS) ? entry : undefined;
  };

  /** Empties Node's buffer (which stops taking entries when full) after the answer has gone: nothing a reply waits on. */
  const tidy = () => {
    if (tidying) return;
    tidying = true;
    setImmediate(() => {
      tidying = false;
      if (performance.getEntriesByType('resource').length > KEEP) performance.clearResourceTimings();
    }).unref();
  };

  return Object.assign(transport, {
    label: "Node's fetch (undici)",
    timings: async (url: string) => {
      let entry = entryFor(url);
      for (let tick = 0; !entry && tick < TICKS; tick++) {
        await new Promise<void>(onNextTick);
        entry = entryFor(url);
      }
      if (!entry) {
        // Not filed within the turn (another Node or undici): one more turn of the event loop.
        await nextTurn();
        entry = entryFor(url);
      }
      tidy();
      return entry ? phasesFromResourceTiming(entry) : null;
    },
  });
}
