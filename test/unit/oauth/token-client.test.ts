import { describe, expect, it } from 'vitest';
import {
  exchangeCode,
  refreshGrant,
  type TokenFailureKind,
  type TokenResult,
} from '../../../main/core/oauth/token-client';
import { parseRetryAfter } from '../../../main/core/oauth/retry-after';
import { fakeHttp } from '../core/fakes';
import { CONFIG, expectNoSecrets, formOf, json, networkError, tokenBody } from './helpers';

const SECRETS = [CONFIG.clientSecret, 'THE-CODE', 'THE-VERIFIER', 'OLD-REFRESH'];

function failureOf(result: TokenResult) {
  if (result.ok) throw new Error('expected a failure');
  return result.failure;
}

describe('exchangeCode request', () => {
  it('posts a form with the code, verifier, redirect URI and client credentials, asking for JSON', async () => {
    const { http, requests } = fakeHttp(() => json(tokenBody(1)));
    const result = await exchangeCode(http, CONFIG, 'THE-CODE', 'THE-VERIFIER');
    expect(result).toEqual({
      ok: true,
      tokens: {
        accessToken: 'ACCESS-1',
        refreshToken: 'REFRESH-1',
        expiresIn: 3600,
        scope: ['openid', 'offline_access'],
        tokenType: 'Bearer',
      },
    });
    expect(requests).toHaveLength(1);
    const { url, init } = requests[0]!;
    expect(url).toBe(CONFIG.tokenEndpoint);
    expect(init.method).toBe('POST');
    expect(init.redirect).toBe('manual');
    expect(init.headers).toEqual({ 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' });
    expect(Object.fromEntries(formOf(init))).toEqual({
      grant_type: 'authorization_code',
      code: 'THE-CODE',
      redirect_uri: CONFIG.redirectUri,
      code_verifier: 'THE-VERIFIER',
      client_id: CONFIG.clientId,
      client_secret: CONFIG.clientSecret,
    });
  });

  it('refreshGrant posts grant_type=refresh_token with the client credentials', async () => {
    const { http, requests } = fakeHttp(() => json(tokenBody(2)));
    await refreshGrant(http, CONFIG, 'OLD-REFRESH');
    expect(Object.fromEntries(formOf(requests[0]!.init))).toEqual({
      grant_type: 'refresh_token',
      refresh_token: 'OLD-REFRESH',
      client_id: CONFIG.clientId,
      client_secret: CONFIG.clientSecret,
    });
  });
});

describe('token responses', () => {
  it.each([
    ['numeric string expires_in', { expires_in: '3600' }, 3600],
    ['fractional expires_in', { expires_in: 59.5 }, 59.5],
  ])('accepts %s', async (_n, extra, expiresIn) => {
    const { http } = fakeHttp(() => json(tokenBody(1, extra)));
    const result = await refreshGrant(http, CONFIG, 'OLD-REFRESH');
    expect(result.ok && result.tokens.expiresIn).toBe(expiresIn);
  });

  it.each([
    ['no refresh_token', { refresh_token: undefined }],
    ['empty refresh_token', { refresh_token: '' }],
    ['null refresh_token', { refresh_token: null }],
  ])('reads %s as null', async (_n, extra) => {
    const { http } = fakeHttp(() => json(tokenBody(1, extra)));
    const result = await refreshGrant(http, CONFIG, 'OLD-REFRESH');
    expect(result.ok && result.tokens.refreshToken).toBeNull();
  });

  it('reads a missing scope as null', async () => {
    const { http } = fakeHttp(() => json(tokenBody(1, { scope: undefined })));
    const result = await refreshGrant(http, CONFIG, 'OLD-REFRESH');
    expect(result.ok && result.tokens.scope).toBeNull();
  });

  it.each<[string, () => Response]>([
    ['not JSON (a proxy page)', () => new Response('<html>Log in to the Wi-Fi</html>', { status: 200 })],
    ['empty body', () => new Response('', { status: 200 })],
    ['no access_token', () => json(tokenBody(1, { access_token: undefined }))],
    ['access_token not a string', () => json(tokenBody(1, { access_token: 42 }))],
    ['zero expires_in', () => json(tokenBody(1, { expires_in: 0 }))],
    ['negative expires_in', () => json(tokenBody(1, { expires_in: -5 }))],
    ['non-numeric expires_in', () => json(tokenBody(1, { expires_in: 'soon' }))],
    ['no token_type', () => json(tokenBody(1, { token_type: undefined }))],
    ['scope not a string', () => json(tokenBody(1, { scope: ['openid'] }))],
    ['a JSON array', () => json([1, 2])],
    ['a redirect', () => new Response(null, { status: 302, headers: { location: 'https://elsewhere.example/' } })],
  ])('reports %s as bad_response', async (_n, answer) => {
    const { http } = fakeHttp(answer);
    const failure = failureOf(await exchangeCode(http, CONFIG, 'THE-CODE', 'THE-VERIFIER'));
    expect(failure.kind).toBe('bad_response');
    expect(failure.retryable).toBe(false);
    expect(failure.message).toMatch(/could not read/);
  });
});

describe('token endpoint errors', () => {
  it.each<[string, number, TokenFailureKind, RegExp]>([
    ['invalid_client', 400, 'invalid_client', /Client ID or secret is wrong/],
    ['invalid_client', 401, 'invalid_client', /Client ID or secret is wrong/],
    ['invalid_grant', 400, 'invalid_grant', /sign-in code.*expired.*redirect URI/],
    ['unauthorized_client', 400, 'unauthorized_client', /does not allow this app to sign in/],
    ['invalid_scope', 400, 'invalid_scope', /scopes in the environment settings/],
    ['access_denied', 400, 'access_denied', /Account Owners/],
  ])('%s (HTTP %i) → %s with plain words', async (error, status, kind, message) => {
    const { http } = fakeHttp(() => json({ error, error_description: 'server text' }, status));
    const failure = failureOf(await exchangeCode(http, CONFIG, 'THE-CODE', 'THE-VERIFIER'));
    expect(failure).toMatchObject({ kind, retryable: false, status });
    expect(failure.message).toMatch(message);
    expectNoSecrets([failure], SECRETS);
  });

  it('explains invalid_grant on refresh as a connection that must be reconnected', async () => {
    const { http } = fakeHttp(() => json({ error: 'invalid_grant' }, 400));
    const failure = failureOf(await refreshGrant(http, CONFIG, 'OLD-REFRESH'));
    expect(failure.kind).toBe('invalid_grant');
    expect(failure.message).toMatch(/Reconnect the organisation/);
  });

  it('treats a bare 401 without an OAuth error as a client credentials problem', async () => {
    const { http } = fakeHttp(() => new Response('Unauthorized', { status: 401 }));
    expect(failureOf(await refreshGrant(http, CONFIG, 'OLD-REFRESH')).kind).toBe('invalid_client');
  });

  it('names an unknown OAuth error code but never echoes odd text', async () => {
    const known = fakeHttp(() => json({ error: 'unsupported_grant_type' }, 400));
    expect(failureOf(await refreshGrant(known.http, CONFIG, 'OLD-REFRESH'))).toMatchObject({
      kind: 'bad_response',
      status: 400,
      message: expect.stringContaining('"unsupported_grant_type"'),
    });
    const odd = fakeHttp(() => json({ error: `<script>${CONFIG.clientSecret}</script>` }, 400));
    const failure = failureOf(await refreshGrant(odd.http, CONFIG, 'OLD-REFRESH'));
    expect(failure.kind).toBe('bad_response');
    expectNoSecrets([failure], SECRETS);
  });

  it('turns a missing refresh token into no_refresh_token when one is required', async () => {
    const { http } = fakeHttp(() => json(tokenBody(1, { refresh_token: undefined })));
    const failure = failureOf(
      await exchangeCode(http, CONFIG, 'THE-CODE', 'THE-VERIFIER', { requireRefreshToken: true }),
    );
    expect(failure).toMatchObject({ kind: 'no_refresh_token', retryable: false });
    expect(failure.message).toMatch(
      /^ApprovalMax issued no refresh token, so this connection could not stay connected for longer than an hour/,
    );
    const relaxed = await exchangeCode(http, CONFIG, 'THE-CODE', 'THE-VERIFIER');
    expect(relaxed.ok).toBe(true);
  });
});

describe('temporary failures are retryable', () => {
  it.each([
    [429, { 'retry-after': '7' }, 'rate_limited', 7000],
    [429, {}, 'rate_limited', undefined],
    [503, { 'retry-after': '120' }, 'server_error', 120_000],
    [500, {}, 'server_error', undefined],
    [502, {}, 'server_error', undefined],
  ])('HTTP %i %j → %s, retryAfterMs %s', async (status, headers, kind, retryAfterMs) => {
    const { http } = fakeHttp(() => new Response('busy', { status, headers }));
    const failure = failureOf(await refreshGrant(http, CONFIG, 'OLD-REFRESH'));
    expect(failure).toMatchObject({ kind, retryable: true, status });
    expect(failure.retryAfterMs).toBe(retryAfterMs);
    expect(failure.message).toContain(status === 429 ? 'HTTP 429' : `HTTP ${status}`);
  });

  it('reads an HTTP-date Retry-After against the response Date header', async () => {
    const headers = { 'retry-after': 'Wed, 25 Nov 2026 12:00:30 GMT', date: 'Wed, 25 Nov 2026 12:00:00 GMT' };
    const { http } = fakeHttp(() => new Response('', { status: 429, headers }));
    // This computer's clock is an hour off; the server's own Date keeps the wait right.
    const failure = failureOf(
      await refreshGrant(http, CONFIG, 'OLD-REFRESH', { now: () => Date.UTC(2026, 10, 25, 13, 0, 0) }),
    );
    expect(failure.retryAfterMs).toBe(30_000);
    expect(failure.message).toMatch(/wait 30 seconds/);
  });

  it.each([
    ['ECONNREFUSED', /Nothing is answering at identity\.example\.test/],
    ['ENOTFOUND', /could not be found/],
    ['CERT_HAS_EXPIRED', /certificate was not trusted/],
    ['ECONNRESET', /connection to identity\.example\.test failed/],
  ])('a network failure (%s) is retryable with plain words', async (code, message) => {
    const { http } = fakeHttp(() => {
      throw networkError(code);
    });
    const failure = failureOf(await refreshGrant(http, CONFIG, 'OLD-REFRESH'));
    expect(failure).toMatchObject({ kind: 'network', retryable: true });
    expect(failure.message).toMatch(message);
    expectNoSecrets([failure], SECRETS);
  });

  it('gives up after the timeout and says so', async () => {
    const http = (_url: string, init: RequestInit) =>
      new Promise<Response>((_resolve, reject) =>
        init.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
      );
    const failure = failureOf(await refreshGrant(http, CONFIG, 'OLD-REFRESH', { timeoutMs: 20 }));
    expect(failure.kind).toBe('network');
    expect(failure.message).toMatch(/No answer from identity\.example\.test/);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.UTC(2026, 0, 1, 0, 0, 0);
  it.each<[string | null, string | null, number | undefined]>([
    ['0', null, 0],
    ['15', null, 15_000],
    [' 3 ', null, 3000],
    ['Thu, 01 Jan 2026 00:01:00 GMT', null, 60_000],
    ['Thu, 01 Jan 2026 00:01:00 GMT', 'Thu, 01 Jan 2026 00:00:50 GMT', 10_000],
    ['Wed, 31 Dec 2025 23:00:00 GMT', null, 0],
    ['-5', null, undefined],
    ['1.5', null, undefined],
    ['soon', null, undefined],
    ['', null, undefined],
    [null, null, undefined],
    ['999999999', null, undefined],
  ])('%j (Date %j) → %s', (value, date, expected) => {
    expect(parseRetryAfter(value, now, date)).toBe(expected);
  });
});
