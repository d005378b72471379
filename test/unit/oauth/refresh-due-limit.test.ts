import { describe, expect, it } from 'vitest';
import { MAX_SCHEDULED_AT_ONCE } from '../../../main/core/tokens/token-refresher';
import { harness, json, stored, tokenBody } from './helpers';

describe('scheduled refreshes that fall due together', () => {
  it(`run at most ${MAX_SCHEDULED_AT_ONCE} at a time, and every one runs exactly once`, async () => {
    let inFlight = 0;
    let peak = 0;
    const release: (() => void)[] = [];
    const timers: (() => void)[] = [];
    const h = harness(
      async (_url, init) => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await new Promise<void>((resolve) => release.push(resolve));
        inFlight--;
        return json(tokenBody(Number(new URLSearchParams(String(init.body)).get('refresh_token')?.split('-')[1])));
      },
      { timers: { set: (fire) => (timers.push(fire), timers.length), clear: () => undefined } },
    );
    for (let n = 0; n < 20; n++) {
      await h.vault.save(`c${n}`, stored(h.clock, n, 3_600_000));
      h.coordinator.schedule(`c${n}`, (await h.vault.load(`c${n}`))!);
    }
    timers.splice(0).forEach((fire) => fire());
    await new Promise((r) => setImmediate(r));
    expect(h.requests).toHaveLength(MAX_SCHEDULED_AT_ONCE);
    while (h.requests.length < 20 || release.length > 0) {
      release.splice(0).forEach((go) => go());
      await new Promise((r) => setImmediate(r));
    }
    expect(peak).toBe(MAX_SCHEDULED_AT_ONCE);
    expect(h.requests).toHaveLength(20);
    expect(h.events.filter((e) => e.startsWith('refreshed'))).toHaveLength(20);
  });

  it('a refresh the user asks for never waits behind them', async () => {
    const timers: (() => void)[] = [];
    const pending: (() => void)[] = [];
    const h = harness(
      (_url, init) => {
        const n = Number(new URLSearchParams(String(init.body)).get('refresh_token')?.split('-')[1]);
        return n === 99
          ? json(tokenBody(99))
          : new Promise<Response>((resolve) => pending.push(() => resolve(json(tokenBody(n)))));
      },
      { timers: { set: (fire) => (timers.push(fire), timers.length), clear: () => undefined } },
    );
    for (let n = 0; n < MAX_SCHEDULED_AT_ONCE + 2; n++) {
      await h.vault.save(`c${n}`, stored(h.clock, n, 3_600_000));
      h.coordinator.schedule(`c${n}`, (await h.vault.load(`c${n}`))!);
    }
    timers.splice(0).forEach((fire) => fire());
    await h.vault.save('mine', stored(h.clock, 99, 3_600_000));
    expect((await h.coordinator.refresh('mine')).kind).toBe('refreshed');
    pending.splice(0).forEach((go) => go());
  });
});
