import { describe, expect, it } from 'vitest';
import { notificationDue, topicNotifies } from '../../../main/core/keep-alive/notification-policy';

const HOUR = 3600_000;
const T0 = Date.UTC(2026, 11, 30, 9, 0, 0);

describe('a notice about the same connection at most once a day', () => {
  const table: [string, number | null, number, boolean][] = [
    ['never shown', null, T0, true],
    ['shown a minute ago', T0, T0 + 60_000, false],
    ['shown 23 hours ago', T0, T0 + 23 * HOUR, false],
    ['shown 24 hours ago', T0, T0 + 24 * HOUR, true],
    ['shown a week ago', T0, T0 + 7 * 24 * HOUR, true],
    ['clock back an hour since', T0, T0 - HOUR, false],
    ['clock back 23 hours since', T0, T0 - 23 * HOUR, false],
    ['clock back two days since (the record says nothing now)', T0, T0 - 48 * HOUR, true],
  ];
  it.each(table)('%s', (_what, last, now, due) => expect(notificationDue(last, now)).toBe(due));

  it('a day of minute-by-minute ticks shows one notice, the next day one more', () => {
    let last: number | null = null;
    const shown: number[] = [];
    for (let minute = 0; minute < 2 * 24 * 60; minute++) {
      const now = T0 + minute * 60_000;
      if (notificationDue(last, now)) {
        shown.push(now);
        last = now;
      }
    }
    expect(shown).toEqual([T0, T0 + 24 * HOUR]);
  });

  it('a lapse always notifies; a failed renewal only in the background', () => {
    expect(topicNotifies('lapsing', false)).toBe(true);
    expect(topicNotifies('lapsing', true)).toBe(true);
    expect(topicNotifies('failure', false)).toBe(false);
    expect(topicNotifies('failure', true)).toBe(true);
  });
});
