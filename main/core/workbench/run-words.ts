// The plain words of a run: what a wait is for, and the one line its action leaves in the history.

/** 1950 → "1,950". */
export function count(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "1 page", "20 pages". */
export function plural(n: number, noun: string): string {
  return `${count(n)} ${noun}${n === 1 ? '' : 's'}`;
}

/** Seconds as people read a wait, rounded up: "12 s", "1 min 5 s". */
export function seconds(ms: number): string {
  const total = Math.max(1, Math.ceil(ms / 1000));
  return total < 60 ? `${total} s` : `${Math.floor(total / 60)} min${total % 60 ? ` ${total % 60} s` : ''}`;
}

/** "Waiting 12 s: 100 reads a minute is the budget for Northwind Traders Ltd." */
export function budgetWait(ms: number, perMinute: number, organisation: string): string {
  return `Waiting ${seconds(ms)}: ${count(perMinute)} reads a minute is the budget for ${organisation}.`;
}

/** "Waiting 30 s: ApprovalMax answered HTTP 429 (too many requests) and asked to wait; then page 4 is read again." */
export function retryAfterWait(ms: number, page: number): string {
  return `Waiting ${seconds(ms)}: ApprovalMax answered HTTP 429 (too many requests) and asked to wait; then page ${page} is read again.`;
}

/** The headline of one action's history entry: what it read, and how it ended. */
export function actionHeadline(
  state: 'done' | 'more' | 'capped' | 'cancelled' | 'failed',
  pages: number,
  items: number,
  failure: { page: number; headline: string } | null,
): string {
  const read = `Read ${plural(pages, 'page')}, ${plural(items, 'item')}`;
  switch (state) {
    case 'done':
      return `${read}; that was the last page.`;
    case 'more':
      return `${read}; more pages remain.`;
    case 'capped':
      return `${read}; stopped at the page cap, more pages remain.`;
    case 'cancelled':
      return pages > 0
        ? `Cancelled after ${plural(pages, 'page')}, ${plural(items, 'item')}.`
        : 'Cancelled before any page was read.';
    case 'failed':
      return `${pages > 0 ? `${read}, then page` : 'Page'} ${failure?.page ?? pages + 1} failed: ${failure?.headline ?? 'no answer.'}`;
  }
}
