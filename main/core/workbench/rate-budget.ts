/** The Public API's reported limit: reads per minute per Client ID and organisation (approvalmax-api.md). */
export const DEFAULT_READS_PER_MINUTE = 100;
const WINDOW_MS = 60_000;

/**
 * A client-side budget of reads per minute per key (Client ID and organisation), over a sliding
 * minute, so "Load all" waits rather than runs into the server's limit; a 429's Retry-After blocks
 * the key until then.
 */
export class RateBudget {
  /** Per key: when each read of the last minute was sent (oldest first), and any block from a 429. */
  private readonly keys = new Map<string, { sent: number[]; blockedUntil: number }>();

  /** How long the budget makes the next read under `key` wait (0: it may go now); a 429's block aside. */
  delay(key: string, perMinute: number, now: number): number {
    const entry = this.keys.get(key);
    if (!entry) return 0;
    while (entry.sent.length > 0 && entry.sent[0]! <= now - WINDOW_MS) entry.sent.shift();
    const over = entry.sent.length - Math.max(1, perMinute) + 1;
    // The read that frees a slot is the `over`-th oldest: once it leaves the minute, one more may go.
    return over > 0 ? entry.sent[over - 1]! + WINDOW_MS - now : 0;
  }

  /** How long a 429's Retry-After still blocks `key` (0: not blocked). */
  blockedFor(key: string, now: number): number {
    return Math.max(0, (this.keys.get(key)?.blockedUntil ?? 0) - now);
  }

  /** Counts a read sent now. */
  take(key: string, now: number): void {
    const entry = this.keys.get(key) ?? { sent: [], blockedUntil: 0 };
    entry.sent.push(now);
    this.keys.set(key, entry);
  }

  /** No read under `key` until `until` (epoch ms), as a 429's Retry-After asked. */
  block(key: string, until: number): void {
    const entry = this.keys.get(key) ?? { sent: [], blockedUntil: 0 };
    entry.blockedUntil = Math.max(entry.blockedUntil, until);
    this.keys.set(key, entry);
  }
}

/** The budget's key: one Client ID's reads of one organisation (`''` for reads of no organisation). */
export const budgetKey = (clientId: string, companyId: string | null) => `${clientId}\n${companyId ?? ''}`;
