import { describe, expect, it } from 'vitest';
import { backoffDelay, BACKOFF_CAP_MS } from '../../../main/core/tokens/refresh-backoff';
import {
  needsRefresh,
  REFRESH_AHEAD_MS,
  refreshDueAt,
  tokenSetFrom,
  type TokenSet,
} from '../../../main/core/tokens/token-set';

const T0 = Date.UTC(2026, 5, 1, 9, 0, 0);
const response = { accessToken: 'A2', refreshToken: 'R2', expiresIn: 3600, scope: ['openid'], tokenType: 'Bearer' };

describe('tokenSetFrom', () => {
  it('dates expiry from local receipt time plus expires_in', () => {
    expect(tokenSetFrom(response, T0, 'R1')).toEqual({
      accessToken: 'A2',
      refreshToken: 'R2',
      receivedAt: T0,
      expiresAt: T0 + 3_600_000,
      scope: ['openid'],
    });
  });

  it('keeps the previous refresh token when none is returned', () => {
    expect(tokenSetFrom({ ...response, refreshToken: null }, T0, 'R1').refreshToken).toBe('R1');
    expect(tokenSetFrom({ ...response, refreshToken: null }, T0, null).refreshToken).toBeNull();
  });
});

describe('needsRefresh', () => {
  const tokens: TokenSet = tokenSetFrom(response, T0, null);
  it.each([
    ['just received', 0, false],
    ['one second before the 5-minute window', 3_600_000 - REFRESH_AHEAD_MS - 1000, false],
    ['at the start of the 5-minute window', 3_600_000 - REFRESH_AHEAD_MS, true],
    ['one minute before expiry', 3_540_000, true],
    ['expired', 3_700_000, true],
    ['clock jumped backwards by a second', -1000, true],
    ['clock jumped backwards by a day', -86_400_000, true],
  ])('%s → %s', (_n, offset, expected) => {
    expect(needsRefresh(tokens, T0 + offset)).toBe(expected);
  });

  it('honours a custom window', () => {
    expect(needsRefresh(tokens, T0 + 3_000_000, 60_000)).toBe(false);
    expect(needsRefresh(tokens, T0 + 3_000_000, 700_000)).toBe(true);
  });

  it('refreshes a short-lived token half-way through, not on every use', () => {
    const short = tokenSetFrom({ ...response, expiresIn: 120 }, T0, null);
    expect(refreshDueAt(short)).toBe(T0 + 60_000);
    expect(needsRefresh(short, T0 + 59_000)).toBe(false);
    expect(needsRefresh(short, T0 + 60_000)).toBe(true);
  });
});

describe('backoffDelay (full jitter)', () => {
  it.each([
    [1, 1, 1000],
    [2, 1, 2000],
    [3, 0.5, 2000],
    [4, 0, 0],
    [10, 1, BACKOFF_CAP_MS],
    [30, 0.999, Math.floor(0.999 * BACKOFF_CAP_MS)],
  ])('attempt %i with random %f → %i ms', (attempt, random, expected) => {
    expect(backoffDelay(attempt, () => random)).toBe(expected);
  });

  it('waits at least as long as Retry-After asks', () => {
    expect(backoffDelay(1, () => 0.5, 30_000)).toBe(30_000);
    expect(backoffDelay(3, () => 1, 100)).toBe(4000);
  });
});
