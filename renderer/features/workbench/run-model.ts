// A run's pages and progress as the screen keeps them, without React: pages folded in as they arrive
// (as events and again in the call's result), the items they add up to, and where the run stands in words.
import type { RunProgress, WorkbenchPage } from '../../../preload/contract';

/** "Load all" stops after this many pages in all unless the user raises it. */
export const DEFAULT_PAGE_CAP = 50;
export const MAX_PAGE_CAP = 10_000;

/**
 * The pages so far, in page order; a page that arrives again (e.g. retried after failing) replaces the
 * earlier one. The same answer arriving again (as an event, then in the call's result) keeps the copy
 * already there, so its items stay the objects the table has already made rows of (README "Benchmark").
 */
export function withPages(pages: readonly WorkbenchPage[], arrived: readonly WorkbenchPage[]): WorkbenchPage[] {
  if (arrived.length === 0) return pages as WorkbenchPage[];
  const byNumber = new Map(pages.map((page) => [page.number, page]));
  let changed = false;
  for (const page of arrived) {
    const earlier = byNumber.get(page.number);
    if (earlier !== undefined && sameAnswer(earlier, page)) continue;
    byNumber.set(page.number, page);
    changed = true;
  }
  return changed ? [...byNumber.values()].sort((a, b) => a.number - b.number) : (pages as WorkbenchPage[]);
}

/** One answer seen twice: the same report (each request's report has its own id). */
const sameAnswer = (a: WorkbenchPage, b: WorkbenchPage) => a.report.id === b.report.id;

/** Every item the pages added, in page order. */
export function itemsOf(pages: readonly WorkbenchPage[]): unknown[] {
  return pages.flatMap((page) => page.items);
}

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/** Whether a page is being fetched or waited for. */
export const isRunning = (progress: RunProgress | null) =>
  progress !== null && (progress.state === 'loading' || progress.state === 'waiting');

/** Whether there is a next page to ask for (also after a failure: it retries the failed page). */
export const hasNextPage = (progress: RunProgress | null) =>
  progress !== null && ['more', 'cancelled', 'capped', 'failed'].includes(progress.state);

/** Where the run stands, in one sentence with the counts so far. */
export function progressWords(progress: RunProgress): string {
  const loaded = `${count(progress.pages, 'page')}, ${count(progress.items, 'item')}`;
  switch (progress.state) {
    case 'loading':
      return `Loading page ${progress.pages + 1}… ${loaded} so far.`;
    case 'waiting':
      return `Waiting before page ${progress.pages + 1}. ${loaded} so far.`;
    case 'done':
      return `All loaded: ${loaded}.`;
    case 'more':
      return `${loaded} loaded. There are more pages.`;
    case 'cancelled':
      return `Stopped: ${loaded} loaded. There are more pages.`;
    case 'capped':
      return `Stopped at the cap of ${count(progress.maxPages ?? progress.pages, 'page')}: ${loaded} loaded. Raise the cap to load more.`;
    case 'failed': {
      const failed = progress.failedPage ?? progress.pages + 1;
      return progress.pages === 0
        ? `Page ${failed} failed.`
        : `Page ${failed} failed. The ${loaded} loaded before it are kept.`;
    }
  }
}

/** What a rate-limit wait is for and how long is left: "… — about 12 s left". */
export function waitingWords(progress: RunProgress, now: number): string | null {
  if (progress.state !== 'waiting') return null;
  const what = progress.waitingFor ?? 'Waiting for the API to allow the next request.';
  if (!progress.waitingUntil) return what;
  const seconds = Math.max(0, Math.ceil((Date.parse(progress.waitingUntil) - now) / 1000));
  return `${what} Resumes in ${count(seconds, 'second')}.`;
}

/** How far "Load all" is, for the progress bar: pages so far out of the cap (a finished run is full). */
export function progressBar(progress: RunProgress): { value: number; max: number } {
  const max = Math.max(progress.maxPages ?? progress.pages, progress.pages, 1);
  return { value: progress.state === 'done' ? max : Math.min(progress.pages, max), max };
}

/** The page cap as typed, or the reason it cannot be used. */
export function readPageCap(text: string): { ok: true; value: number } | { ok: false; problem: string } {
  const value = Number(text.trim());
  if (text.trim() === '' || !Number.isInteger(value) || value < 1 || value > MAX_PAGE_CAP)
    return { ok: false, problem: `Enter a whole number of pages from 1 to ${MAX_PAGE_CAP.toLocaleString('en-GB')}.` };
  return { ok: true, value };
}
