import { describe, expect, it } from 'vitest';
import { CONFIG, expectNoSecrets, formOf, harness, json, messageOf, networkError, stored, tokenBody } from './helpers';

const ID = 'conn-1';

describe('TokenRefresher.refresh: single flight', () => {
  it('20 simultaneous callers share exactly one token request', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const h = harness(async () => (await gate, json(tokenBody(2))));
    h.vault.entries.set(ID, stored(h.clock, 1));
    const calls = Array.from({ length: 20 }, () => h.coordinator.refresh(ID));
    await new Promise((resolve) => setTimeout(resolve, 5));
    release();
    const outcomes = await Promise.all(calls);
    expect(h.requests).toHaveLength(1);
    expect(new Set(outcomes).size).toBe(1);
    expect(outcomes[0]).toMatchObject({
      kind: 'refreshed',
      tokens: { accessToken: 'ACCESS-2', refreshToken: 'REFRESH-2' },
    });
    expect(h.events.filter((e) => e.startsWith('refreshing'))).toHaveLength(1);
  });

  it('starts a new request once the previous flight has finished', async () => {
    let n = 1;
    const h = harness(() => json(tokenBody(++n)));
    h.vault.entries.set(ID, stored(h.clock, 1));
    await h.coordinator.refresh(ID);
    const second = await h.coordinator.refresh(ID);
    expect(h.requests).toHaveLength(2);
    expect(formOf(h.requests[1]!.init).get('refresh_token')).toBe('REFRESH-2');
    expect(second).toMatchObject({ kind: 'refreshed', tokens: { accessToken: 'ACCESS-3' } });
  });

  it('keeps flights of different connections apart', async () => {
    const h = harness(() => json(tokenBody(9)));
    h.vault.entries.set('a', stored(h.clock, 1));
    h.vault.entries.set('b', stored(h.clock, 2));
    await Promise.all([h.coordinator.refresh('a'), h.coordinator.refresh('b')]);
    expect(h.requests.map((r) => formOf(r.init).get('refresh_token')).sort()).toEqual(['REFRESH-1', 'REFRESH-2']);
  });
});

describe('TokenRefresher.refresh: newest refresh token stored before use', () => {
  it('saves the rotated set, dated by local receipt time, and reads it back', async () => {
    const h = harness(() => json(tokenBody(2)));
    h.vault.entries.set(ID, stored(h.clock, 1, 3_400_000));
    const outcome = await h.coordinator.refresh(ID);
    const expected = {
      accessToken: 'ACCESS-2',
      refreshToken: 'REFRESH-2',
      receivedAt: h.clock.now(),
      expiresAt: h.clock.now() + 3_600_000,
    };
    expect(outcome).toMatchObject({ kind: 'refreshed', tokens: expected });
    expect(h.vault.saves).toEqual([expect.objectContaining(expected)]);
    expect(h.events).toEqual([`refreshing ${ID}`, `refreshed ${ID}`]);
  });

  it('keeps the old refresh token when the response has none', async () => {
    const h = harness(() => json(tokenBody(2, { refresh_token: undefined })));
    h.vault.entries.set(ID, stored(h.clock, 1));
    const outcome = await h.coordinator.refresh(ID);
    expect(outcome).toMatchObject({
      kind: 'refreshed',
      tokens: { accessToken: 'ACCESS-2', refreshToken: 'REFRESH-1' },
    });
    expect((await h.vault.load(ID))?.refreshToken).toBe('REFRESH-1');
  });

  it('does not hand out the new access token when the keychain write fails, and the old refresh token stays', async () => {
    const h = harness(() => json(tokenBody(2)));
    h.vault.entries.set(ID, stored(h.clock, 1));
    h.vault.saveError = new Error('The keychain is locked');
    const outcome = await h.coordinator.refresh(ID);
    expect(outcome).toMatchObject({ kind: 'failed', retryable: true });
    expect(messageOf(outcome)).toMatch(/could not be saved in this computer's keychain/);
    expect(JSON.stringify(outcome)).not.toContain('ACCESS-2');
    expect(await h.vault.load(ID)).toMatchObject({ accessToken: 'ACCESS-1', refreshToken: 'REFRESH-1' });
    expect(h.events).toEqual([`refreshing ${ID}`, `failed ${ID}`]);
  });

  it.each([
    ['a different refresh token', (s: { refreshToken: string | null }) => ({ ...s, refreshToken: 'SOMETHING-ELSE' })],
    ['a different access token', (s: { accessToken: string }) => ({ ...s, accessToken: 'SOMETHING-ELSE' })],
    ['nothing at all', () => null],
  ])('fails when the keychain reads back %s', async (_n, lie) => {
    const h = harness(() => json(tokenBody(2)));
    h.vault.entries.set(ID, stored(h.clock, 1));
    h.vault.lie = lie as never;
    const outcome = await h.coordinator.refresh(ID);
    expect(outcome).toMatchObject({ kind: 'failed', retryable: true });
    expect(messageOf(outcome)).toMatch(/keychain/);
    expect(JSON.stringify(outcome)).not.toContain('ACCESS-2');
  });

  it('fails in plain words when the keychain cannot be read at all', async () => {
    const h = harness(() => json(tokenBody(2)));
    h.vault.load = async () => {
      throw new Error('locked');
    };
    const outcome = await h.coordinator.refresh(ID);
    expect(outcome).toMatchObject({ kind: 'failed' });
    expect(messageOf(outcome)).toMatch(/could not be read from this computer's keychain/);
    expect(h.requests).toHaveLength(0);
  });
});

describe('TokenRefresher.refresh: needs reconnect', () => {
  it.each(['invalid_grant', 'invalid_client', 'unauthorized_client'])(
    '%s → needs-reconnect after exactly one request',
    async (error) => {
      const h = harness(() => json({ error }, 400));
      h.vault.entries.set(ID, stored(h.clock, 1));
      const outcome = await h.coordinator.refresh(ID);
      expect(outcome.kind).toBe('needs-reconnect');
      expect(h.requests).toHaveLength(1);
      expect(h.sleeps).toEqual([]);
      expect(h.vault.saves).toEqual([]);
      expect(h.events).toEqual([`refreshing ${ID}`, `needs-reconnect ${ID}`]);
    },
  );

  it('invalid_grant says to reconnect', async () => {
    const h = harness(() => json({ error: 'invalid_grant' }, 400));
    h.vault.entries.set(ID, stored(h.clock, 1));
    expect(messageOf(await h.coordinator.refresh(ID))).toMatch(/Reconnect the organisation/);
  });

  it('no stored refresh token → needs-reconnect without a request', async () => {
    const h = harness(() => json(tokenBody(2)));
    h.vault.entries.set(ID, stored(h.clock, 1, 0, { refreshToken: null }));
    const outcome = await h.coordinator.refresh(ID);
    expect(outcome.kind).toBe('needs-reconnect');
    expect(messageOf(outcome)).toMatch(/no refresh token is saved/);
    expect(h.requests).toHaveLength(0);
  });

  it('no client settings → needs-reconnect without a request', async () => {
    const h = harness(() => json(tokenBody(2)), { clientFor: async () => null });
    h.vault.entries.set(ID, stored(h.clock, 1));
    const outcome = await h.coordinator.refresh(ID);
    expect(outcome.kind).toBe('needs-reconnect');
    expect(messageOf(outcome)).toMatch(/environment settings could not be found/);
    expect(h.requests).toHaveLength(0);
  });
});

describe('TokenRefresher.refresh: retries with backoff', () => {
  it('retries a 503 with full-jitter delays, then succeeds', async () => {
    let n = 0;
    const h = harness(() => (++n < 3 ? new Response('down', { status: 503 }) : json(tokenBody(2))));
    h.vault.entries.set(ID, stored(h.clock, 1));
    const outcome = await h.coordinator.refresh(ID);
    expect(outcome.kind).toBe('refreshed');
    expect(h.requests).toHaveLength(3);
    expect(h.sleeps).toEqual([500, 1000]);
  });

  it('honours a Retry-After longer than the backoff', async () => {
    let n = 0;
    const h = harness(() =>
      ++n === 1 ? new Response('', { status: 429, headers: { 'retry-after': '20' } }) : json(tokenBody(2)),
    );
    h.vault.entries.set(ID, stored(h.clock, 1));
    expect((await h.coordinator.refresh(ID)).kind).toBe('refreshed');
    expect(h.sleeps).toEqual([20_000]);
  });

  it('gives up at once when Retry-After asks for more than 5 minutes', async () => {
    const h = harness(() => new Response('', { status: 429, headers: { 'retry-after': '3600' } }));
    h.vault.entries.set(ID, stored(h.clock, 1));
    const outcome = await h.coordinator.refresh(ID);
    expect(outcome).toMatchObject({ kind: 'failed', retryable: true });
    expect(messageOf(outcome)).toMatch(/about 60 minutes/);
    expect(h.requests).toHaveLength(1);
    expect(h.sleeps).toEqual([]);
  });

  it('network failures: maxAttempts requests, then failed and retryable', async () => {
    const h = harness(() => {
      throw networkError('ECONNREFUSED');
    });
    h.vault.entries.set(ID, stored(h.clock, 1));
    const outcome = await h.coordinator.refresh(ID);
    expect(outcome).toMatchObject({ kind: 'failed', retryable: true });
    expect(messageOf(outcome)).toMatch(/Nothing is answering.*Tried 4 times/);
    expect(h.requests).toHaveLength(4);
    expect(h.sleeps).toEqual([500, 1000, 2000]);
    expect(h.vault.saves).toEqual([]);
    expect(h.events.at(-1)).toBe(`failed ${ID}`);
  });

  it('respects a smaller maxAttempts', async () => {
    const h = harness(() => new Response('', { status: 500 }), { maxAttempts: 2 });
    h.vault.entries.set(ID, stored(h.clock, 1));
    expect((await h.coordinator.refresh(ID)).kind).toBe('failed');
    expect(h.requests).toHaveLength(2);
  });

  it('does not retry an unreadable success', async () => {
    const h = harness(() => new Response('<html/>', { status: 200 }));
    h.vault.entries.set(ID, stored(h.clock, 1));
    expect((await h.coordinator.refresh(ID)).kind).toBe('failed');
    expect(h.requests).toHaveLength(1);
  });
});

describe('TokenRefresher: no secrets leak', () => {
  it('keeps tokens and the client secret out of logs, messages and events', async () => {
    let n = 0;
    const h = harness(() =>
      [
        () => {
          throw networkError('ECONNRESET');
        },
        () => json({ error: 'invalid_grant' }, 400),
      ][n++ % 2]!(),
    );
    h.vault.entries.set(ID, stored(h.clock, 1));
    const outcome = await h.coordinator.refresh(ID);
    const good = harness(() => json(tokenBody(2)));
    good.vault.entries.set(ID, stored(good.clock, 1));
    await good.coordinator.refresh(ID);
    good.vault.saveError = new Error('REFRESH-2 could not be written');
    await good.coordinator.refresh(ID);
    expect(h.logger.lines.length + good.logger.lines.length).toBeGreaterThan(4);
    expectNoSecrets(
      [h.logger.lines, good.logger.lines, outcome, h.events, good.events],
      ['ACCESS-1', 'REFRESH-1', 'ACCESS-2', 'REFRESH-2', CONFIG.clientSecret],
    );
  });
});
