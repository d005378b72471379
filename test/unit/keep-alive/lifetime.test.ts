import { describe, expect, it } from 'vitest';
import {
  lapsedReason,
  lifetimePhase,
  lifetimeWords,
  refreshTokenLifetimeMs,
  renewalDecision,
  RETRY_FAILED_RENEWAL_MS,
} from '../../../main/core/keep-alive/lifetime';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2026, 11, 4, 12, 0, 0); // 4 Dec 2026, noon UTC
const THIRTY = 30 * DAY;

describe('refresh-token lifetime by environment', () => {
  it('is 30 days on ApprovalMax servers, unknown elsewhere, and whatever an environment sets', () => {
    expect(refreshTokenLifetimeMs({ issuer: 'https://identity.approvalmax.com' })).toBe(THIRTY);
    expect(refreshTokenLifetimeMs({ issuer: 'https://identity.staging.approvalmax.com' })).toBe(THIRTY);
    expect(refreshTokenLifetimeMs({ issuer: 'https://login.example.com' })).toBeNull();
    expect(refreshTokenLifetimeMs({ issuer: 'http://127.0.0.1:4010', refreshTokenLifetimeDays: 14 })).toBe(14 * DAY);
    expect(refreshTokenLifetimeMs({ issuer: 'https://identity.approvalmax.com', refreshTokenLifetimeDays: 60 })).toBe(
      60 * DAY,
    );
  });
});

describe('renewal schedule: at least every 7 days, never more often than needed', () => {
  // [what, last renewed, lifetime, now, last failed, expected]
  const table: [string, number, number | null, number, number | null, ReturnType<typeof renewalDecision>][] = [
    ['just renewed', T0, THIRTY, T0, null, { renew: false, at: T0 + 7 * DAY }],
    ['six days later', T0, THIRTY, T0 + 6 * DAY, null, { renew: false, at: T0 + 7 * DAY }],
    ['a minute before a week', T0, THIRTY, T0 + 7 * DAY - 60_000, null, { renew: false, at: T0 + 7 * DAY }],
    ['exactly a week', T0, THIRTY, T0 + 7 * DAY, null, { renew: true, why: 'due' }],
    ['29 days (app closed for weeks)', T0, THIRTY, T0 + 29 * DAY, null, { renew: true, why: 'due' }],
    ['after the lapse (try anyway)', T0, THIRTY, T0 + 31 * DAY, null, { renew: true, why: 'due' }],
    ['unknown lifetime: weekly too', T0, null, T0 + 7 * DAY, null, { renew: true, why: 'due' }],
    ['unknown lifetime, 3 days', T0, null, T0 + 3 * DAY, null, { renew: false, at: T0 + 7 * DAY }],
    ['a 10-day lifetime: every 2.5 days', T0, 10 * DAY, T0 + 2 * DAY, null, { renew: false, at: T0 + 2.5 * DAY }],
    ['a 10-day lifetime, 2.5 days on', T0, 10 * DAY, T0 + 2.5 * DAY, null, { renew: true, why: 'due' }],
    ['a 2-minute lifetime: every 30 s', T0, 120_000, T0 + 29_000, null, { renew: false, at: T0 + 30_000 }],
    ['clock back 10 minutes (drift)', T0, THIRTY, T0 - 10 * 60_000, null, { renew: false, at: T0 + 7 * DAY }],
    ['clock back 2 hours', T0, THIRTY, T0 - 2 * HOUR, null, { renew: true, why: 'clock-went-back' }],
    ['clock back 3 years', T0, THIRTY, T0 - 3 * 365 * DAY, null, { renew: true, why: 'clock-went-back' }],
    ['clock back, 2-minute lifetime', T0, 120_000, T0 - 60_000, null, { renew: true, why: 'clock-went-back' }],
    [
      'due, but failed 5 minutes ago',
      T0,
      THIRTY,
      T0 + 8 * DAY,
      T0 + 8 * DAY - 5 * 60_000,
      { renew: false, at: T0 + 8 * DAY - 5 * 60_000 + RETRY_FAILED_RENEWAL_MS },
    ],
    [
      'due, failed 15 minutes ago',
      T0,
      THIRTY,
      T0 + 8 * DAY,
      T0 + 8 * DAY - RETRY_FAILED_RENEWAL_MS,
      { renew: true, why: 'due' },
    ],
    [
      'due, the failure is in the future (clock back)',
      T0,
      THIRTY,
      T0 + 8 * DAY,
      T0 + 9 * DAY,
      { renew: true, why: 'due' },
    ],
  ];
  it.each(table)('%s', (_what, renewedAt, lifetime, now, failedAt, expected) => {
    expect(renewalDecision(renewedAt, lifetime, now, failedAt)).toEqual(expected);
  });

  it('a clock moved forward across the renewal point renews exactly once', () => {
    let renewedAt = T0;
    let renewals = 0;
    // Minute ticks for an hour after the clock jumped 7 days and a minute forward.
    for (let minute = 0; minute < 60; minute++) {
      const now = T0 + 7 * DAY + 60_000 + minute * 60_000;
      if (renewalDecision(renewedAt, THIRTY, now).renew) {
        renewals++;
        renewedAt = now;
      }
    }
    expect(renewals).toBe(1);
  });

  it('a clock jumping backwards renews once, then waits a full interval again', () => {
    let renewedAt = T0;
    const renewedAtTimes: number[] = [];
    const back = T0 - 5 * DAY;
    for (let minute = 0; minute < 120; minute++) {
      const now = back + minute * 60_000;
      if (renewalDecision(renewedAt, THIRTY, now).renew) {
        renewedAtTimes.push(now);
        renewedAt = now;
      }
    }
    expect(renewedAtTimes).toEqual([back]);
  });
});

describe('lifetime phases and warnings', () => {
  const table: [string, number, number, ReturnType<typeof lifetimePhase>][] = [
    ['just renewed', THIRTY, T0, 'alive'],
    ['24 days 23 hours', THIRTY, T0 + 25 * DAY - HOUR, 'alive'],
    ['25 days: 5 days left', THIRTY, T0 + 25 * DAY, 'lapsing-soon'],
    ['29 days', THIRTY, T0 + 29 * DAY, 'lapsing-soon'],
    ['30 days', THIRTY, T0 + 30 * DAY, 'lapsed'],
    ['clock back a year', THIRTY, T0 - 365 * DAY, 'alive'],
    ['a 2-minute lifetime, 90 s', 120_000, T0 + 90_000, 'alive'],
    ['a 2-minute lifetime, 101 s: last sixth', 120_000, T0 + 101_000, 'lapsing-soon'],
    ['60 days, 54 days: warnings stay 5 days', 60 * DAY, T0 + 54 * DAY, 'alive'],
    ['60 days, 55 days', 60 * DAY, T0 + 55 * DAY, 'lapsing-soon'],
  ];
  it.each(table)('%s', (_what, lifetime, now, phase) => {
    expect(lifetimePhase(T0, lifetime, now)).toBe(phase);
  });

  it('says until when a connection stays alive without the app, in words', () => {
    const alive = lifetimeWords(T0, THIRTY, T0 + DAY);
    expect(alive).toEqual({
      phase: 'alive',
      lapsesAt: T0 + THIRTY,
      words: expect.stringMatching(/^Stays connected until about 3 Jan 2027 even if this app is not opened\.$/),
      warning: null,
    });
  });

  it('warns with the day to open the app by', () => {
    const soon = lifetimeWords(T0, THIRTY, T0 + 27 * DAY);
    expect(soon.phase).toBe('lapsing-soon');
    expect(soon.warning).toMatch(
      /^Open this app before 3 Jan or reconnect: the connection has not been renewed since 4 Dec 2026/,
    );
  });

  it('explains a lapse in words', () => {
    expect(lapsedReason(T0, THIRTY, 'ApprovalMax')).toMatch(
      /^It was not renewed for 30 days \(last renewed 4 Dec 2026\), so ApprovalMax let the connection lapse\. .*Reconnect to continue/,
    );
  });
});
