import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuthWindowOutcome } from '../../../main/core/ports';
import { AUTH_TIMEOUT_MS, oneOutcome } from '../../../main/core/oauth/sign-in-window';

describe('oneOutcome (both shells’ sign-in windows)', () => {
  afterEach(() => void vi.useRealTimers());

  function start(controller = new AbortController()) {
    const outcomes: AuthWindowOutcome[] = [];
    let cleanups = 0;
    const finish = oneOutcome(
      controller.signal,
      (o) => outcomes.push(o),
      () => cleanups++,
    );
    return { finish, outcomes, cleanups: () => cleanups, controller };
  }

  it('the first outcome wins and clean-up runs once', () => {
    const w = start();
    w.finish({ kind: 'redirect', url: 'https://app.invalid/cb?code=1' });
    w.finish({ kind: 'cancelled' });
    w.controller.abort();
    expect(w.outcomes).toEqual([{ kind: 'redirect', url: 'https://app.invalid/cb?code=1' }]);
    expect(w.cleanups()).toBe(1);
  });

  it('gives up after exactly five minutes', () => {
    vi.useFakeTimers();
    const w = start();
    vi.advanceTimersByTime(AUTH_TIMEOUT_MS - 1);
    expect(w.outcomes).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(w.outcomes).toEqual([{ kind: 'timeout' }]);
    expect(AUTH_TIMEOUT_MS).toBe(300_000);
  });

  it('a cancel (the user chose the browser instead) ends it, even one that came before', () => {
    const w = start();
    w.controller.abort();
    expect(w.outcomes).toEqual([{ kind: 'cancelled' }]);
    const aborted = new AbortController();
    aborted.abort();
    expect(start(aborted).outcomes).toEqual([{ kind: 'cancelled' }]);
  });
});
