import { describe, expect, it } from 'vitest';
import { SlidingWindowLimiter } from '../../sim/rate-limit';

describe("the simulator's sliding-window rate limiter", () => {
  it('allows `limit` reads in any 60 s, then says how many whole seconds until a slot frees', () => {
    const limiter = new SlidingWindowLimiter();
    const t0 = 1_000_000;
    expect(limiter.take('app|org', 2, t0)).toBeNull();
    expect(limiter.take('app|org', 2, t0 + 10_000)).toBeNull();
    expect(limiter.take('app|org', 2, t0 + 20_500)).toBe(40); // the t0 read leaves at t0 + 60 s
    expect(limiter.take('app|org', 2, t0 + 59_999)).toBe(1);
    expect(limiter.take('app|org', 2, t0 + 60_000)).toBeNull(); // slides: t0 has left, t0 + 10 s has not
    expect(limiter.take('app|org', 2, t0 + 61_000)).toBe(9);
  });

  it('keeps a window per key, and refused reads do not count', () => {
    const limiter = new SlidingWindowLimiter();
    expect(limiter.take('a', 1, 0)).toBeNull();
    for (let i = 1; i < 10; i++) expect(limiter.take('a', 1, i * 1000)).toBe(60 - i);
    expect(limiter.take('b', 1, 5_000)).toBeNull();
    expect(limiter.take('a', 1, 60_000)).toBeNull();
  });

  it('waits for enough reads to leave when the limit is lowered', () => {
    const limiter = new SlidingWindowLimiter();
    for (let i = 0; i < 5; i++) expect(limiter.take('k', 10, i * 1000)).toBeNull();
    // Five reads at 0–4 s; with a limit of 2, the read at 3 s must leave first (at 63 s).
    expect(limiter.take('k', 2, 10_000)).toBe(53);
    limiter.clear();
    expect(limiter.take('k', 2, 10_000)).toBeNull();
  });

  it('counts over a shorter window when a test asks for one', () => {
    const limiter = new SlidingWindowLimiter();
    expect(limiter.take('k', 1, 0, 3_000)).toBeNull();
    expect(limiter.take('k', 1, 1_000, 3_000)).toBe(2);
    expect(limiter.take('k', 1, 3_001, 3_000)).toBeNull();
  });
});
