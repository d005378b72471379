// A sliding window of reads per key (the simulator keys it by application and organisation); 60 s unless a test shortens it.

/** Counts reads per key over the last minute. */
export class SlidingWindowLimiter {
  readonly #reads = new Map<string, number[]>();

  /**
   * Records a read if the key has fewer than `limit` in the last `windowMs` and returns null; otherwise
   * records nothing and returns the whole seconds until the oldest read leaves the window (at least 1).
   */
  take(key: string, limit: number, now = Date.now(), windowMs = 60_000): number | null {
    const recent = (this.#reads.get(key) ?? []).filter((at) => at > now - windowMs);
    if (recent.length >= limit) {
      this.#reads.set(key, recent);
      const frees = recent[recent.length - limit]! + windowMs;
      return Math.max(1, Math.ceil((frees - now) / 1000));
    }
    recent.push(now);
    this.#reads.set(key, recent);
    return null;
  }

  /** Forgets every read (a simulator reset). */
  clear(): void {
    this.#reads.clear();
  }
}
