import { afterEach, describe, expect, it, vi } from 'vitest';
import { REFRESH_AHEAD_MS } from '../../../main/core/tokens/token-set';
import { RETRY_LATER_MS } from '../../../main/core/tokens/token-refresher';
import { formOf, harness, json, stored, tokenBody } from './helpers';

const ID = 'conn-1';
const HOUR = 3_600_000;

describe('TokenRefresher.accessToken', () => {
  it('returns the stored token without a request while it is fresh', async () => {
    const h = harness(() => json(tokenBody(2)));
    h.vault.entries.set(ID, stored(h.clock, 1, HOUR - REFRESH_AHEAD_MS - 1000));
    expect(await h.coordinator.accessToken(ID)).toEqual({ ok: true, accessToken: 'ACCESS-1' });
    expect(h.requests).toHaveLength(0);
  });

  it('refreshes first within 5 minutes of expiry', async () => {
    const h = harness(() => json(tokenBody(2)));
    h.vault.entries.set(ID, stored(h.clock, 1, HOUR - REFRESH_AHEAD_MS));
    expect(await h.coordinator.accessToken(ID)).toEqual({ ok: true, accessToken: 'ACCESS-2' });
    expect(h.requests).toHaveLength(1);
  });

  it('refreshes when the clock jumped backwards', async () => {
    const h = harness(() => json(tokenBody(2)));
    h.vault.entries.set(ID, stored(h.clock, 1));
    h.clock.nowMs -= 10 * 60_000;
    expect(await h.coordinator.accessToken(ID)).toEqual({ ok: true, accessToken: 'ACCESS-2' });
    expect(h.requests).toHaveLength(1);
  });

  it('keeps using a still-valid token when the refresh fails for a passing reason', async () => {
    const h = harness(() => new Response('', { status: 503 }), { maxAttempts: 1 });
    h.vault.entries.set(ID, stored(h.clock, 1, HOUR - 120_000));
    expect(await h.coordinator.accessToken(ID)).toEqual({ ok: true, accessToken: 'ACCESS-1' });
  });

  it('reports the outcome when the token has expired and the refresh fails', async () => {
    const h = harness(() => new Response('', { status: 503 }), { maxAttempts: 1 });
    h.vault.entries.set(ID, stored(h.clock, 1, HOUR + 1000));
    expect(await h.coordinator.accessToken(ID)).toMatchObject({
      ok: false,
      outcome: { kind: 'failed', retryable: true },
    });
  });

  it('reports needs-reconnect instead of a revoked token', async () => {
    const h = harness(() => json({ error: 'invalid_grant' }, 400));
    h.vault.entries.set(ID, stored(h.clock, 1, HOUR - 120_000));
    expect(await h.coordinator.accessToken(ID)).toMatchObject({ ok: false, outcome: { kind: 'needs-reconnect' } });
  });

  it('reports needs-reconnect for a connection with nothing stored', async () => {
    const h = harness(() => json(tokenBody(2)));
    expect(await h.coordinator.accessToken(ID)).toMatchObject({ ok: false, outcome: { kind: 'needs-reconnect' } });
    expect(h.requests).toHaveLength(0);
  });
});

describe('TokenRefresher.withAccessToken: the 401 path', () => {
  it('passes a non-401 response straight through', async () => {
    const h = harness(() => json(tokenBody(2)));
    h.vault.entries.set(ID, stored(h.clock, 1));
    const seen: string[] = [];
    const result = await h.coordinator.withAccessToken(
      ID,
      async (t) => (seen.push(t), new Response('pong', { status: 200 })),
    );
    expect(result.ok && result.response.status).toBe(200);
    expect(seen).toEqual(['ACCESS-1']);
    expect(h.requests).toHaveLength(0);
  });

  it('on a 401 refreshes once and retries once with the new token', async () => {
    const h = harness(() => json(tokenBody(2)));
    h.vault.entries.set(ID, stored(h.clock, 1));
    const seen: string[] = [];
    const result = await h.coordinator.withAccessToken(
      ID,
      async (t) => (seen.push(t), new Response('', { status: t === 'ACCESS-1' ? 401 : 200 })),
    );
    expect(result.ok && result.response.status).toBe(200);
    expect(seen).toEqual(['ACCESS-1', 'ACCESS-2']);
    expect(h.requests).toHaveLength(1);
  });

  it('stops after one refresh and one retry when the retry is 401 again', async () => {
    let n = 1;
    const h = harness(() => json(tokenBody(++n)));
    h.vault.entries.set(ID, stored(h.clock, 1));
    const seen: string[] = [];
    const result = await h.coordinator.withAccessToken(
      ID,
      async (t) => (seen.push(t), new Response('', { status: 401 })),
    );
    expect(result.ok && result.response.status).toBe(401);
    expect(seen).toEqual(['ACCESS-1', 'ACCESS-2']);
    expect(h.requests).toHaveLength(1);
  });

  it('does not retry the call when the forced refresh needs a reconnect', async () => {
    const h = harness(() => json({ error: 'invalid_grant' }, 400));
    h.vault.entries.set(ID, stored(h.clock, 1));
    let calls = 0;
    const result = await h.coordinator.withAccessToken(ID, async () => (calls++, new Response('', { status: 401 })));
    expect(result).toMatchObject({ ok: false, outcome: { kind: 'needs-reconnect' } });
    expect(calls).toBe(1);
  });

  it('uses a token another caller refreshed meanwhile instead of refreshing again', async () => {
    const h = harness(() => json(tokenBody(3)));
    h.vault.entries.set(ID, stored(h.clock, 1));
    const seen: string[] = [];
    const result = await h.coordinator.withAccessToken(ID, async (t) => {
      seen.push(t);
      if (t !== 'ACCESS-1') return new Response('', { status: 200 });
      h.vault.entries.set(ID, stored(h.clock, 2));
      return new Response('', { status: 401 });
    });
    expect(result.ok && result.response.status).toBe(200);
    expect(seen).toEqual(['ACCESS-1', 'ACCESS-2']);
    expect(h.requests).toHaveLength(0);
  });
});

describe('TokenRefresher.schedule', () => {
  afterEach(() => vi.useRealTimers());

  function scheduled(answer: () => Response) {
    vi.useFakeTimers({ now: Date.UTC(2026, 10, 25, 12) });
    const h = harness(answer);
    h.clock.now = () => Date.now();
    h.vault.entries.set(ID, stored(h.clock, 1));
    return h;
  }

  it('fires 5 minutes before expiry, not earlier, and reschedules from the new tokens', async () => {
    const h = scheduled(() => json(tokenBody(2)));
    h.coordinator.schedule(ID, stored(h.clock, 1));
    await vi.advanceTimersByTimeAsync(HOUR - REFRESH_AHEAD_MS - 1);
    expect(h.requests).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(h.requests).toHaveLength(1);
    expect(h.events).toContain(`refreshed ${ID}`);
    await vi.advanceTimersByTimeAsync(HOUR - REFRESH_AHEAD_MS - 1);
    expect(h.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(h.requests).toHaveLength(2);
    expect(formOf(h.requests[1]!.init).get('refresh_token')).toBe('REFRESH-2');
    h.coordinator.stop();
  });

  it('keeps one timer per connection: scheduling again replaces the old one', async () => {
    const h = scheduled(() => json(tokenBody(2)));
    h.coordinator.schedule(ID, stored(h.clock, 1, HOUR - REFRESH_AHEAD_MS - 10_000));
    h.coordinator.schedule(ID, stored(h.clock, 1));
    await vi.advanceTimersByTimeAsync(20_000);
    expect(h.requests).toHaveLength(0);
    expect(vi.getTimerCount()).toBe(1);
    h.coordinator.stop();
  });

  it('refreshes at once when the clock went backwards', async () => {
    const h = scheduled(() => json(tokenBody(2)));
    h.coordinator.schedule(ID, { ...stored(h.clock, 1), receivedAt: Date.now() + 60_000 });
    await vi.advanceTimersByTimeAsync(0);
    expect(h.requests).toHaveLength(1);
    h.coordinator.stop();
  });

  it('a timer firing during a refresh joins that flight', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    vi.useFakeTimers({ now: Date.UTC(2026, 10, 25, 12) });
    const slow = harness(async () => (await gate, json(tokenBody(2))));
    slow.clock.now = () => Date.now();
    const nearlyDue = stored(slow.clock, 1, HOUR - REFRESH_AHEAD_MS - 1000);
    slow.vault.entries.set(ID, nearlyDue);
    slow.coordinator.schedule(ID, nearlyDue);
    const manual = slow.coordinator.refresh(ID);
    await vi.advanceTimersByTimeAsync(1000);
    release();
    expect(await manual).toMatchObject({ kind: 'refreshed' });
    await vi.advanceTimersByTimeAsync(0);
    expect(slow.requests).toHaveLength(1);
    expect(slow.events.filter((e) => e.startsWith('refreshing'))).toHaveLength(1);
    slow.coordinator.stop();
  });

  it('tries again a minute after a scheduled refresh failed for a passing reason', async () => {
    vi.useFakeTimers({ now: Date.UTC(2026, 10, 25, 12) });
    let n = 0;
    const h = harness(() => (++n === 1 ? new Response('', { status: 503 }) : json(tokenBody(2))), { maxAttempts: 1 });
    h.clock.now = () => Date.now();
    const due = stored(h.clock, 1, HOUR - REFRESH_AHEAD_MS);
    h.vault.entries.set(ID, due);
    h.coordinator.schedule(ID, due);
    await vi.advanceTimersByTimeAsync(0);
    expect(h.requests).toHaveLength(1);
    expect(h.events).toContain(`failed ${ID}`);
    await vi.advanceTimersByTimeAsync(RETRY_LATER_MS - 1);
    expect(h.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(h.requests).toHaveLength(2);
    expect(h.events).toContain(`refreshed ${ID}`);
    h.coordinator.stop();
  });

  it('stops refreshing after unschedule, stop, or a needs-reconnect', async () => {
    const h = scheduled(() => json({ error: 'invalid_grant' }, 400));
    h.coordinator.schedule('a', stored(h.clock, 1));
    h.coordinator.unschedule('a');
    h.coordinator.schedule('b', stored(h.clock, 1));
    h.coordinator.stop();
    h.coordinator.schedule('c', stored(h.clock, 1));
    await vi.advanceTimersByTimeAsync(2 * HOUR);
    expect(h.requests).toHaveLength(0);

    const r = scheduled(() => json({ error: 'invalid_grant' }, 400));
    r.coordinator.schedule(ID, stored(r.clock, 1, HOUR));
    await vi.advanceTimersByTimeAsync(0);
    expect(r.events).toContain(`needs-reconnect ${ID}`);
    await vi.advanceTimersByTimeAsync(2 * HOUR);
    expect(r.requests).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });
});
