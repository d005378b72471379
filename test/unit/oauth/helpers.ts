import { expect } from 'vitest';
import type { TokenClientConfig } from '../../../main/core/oauth/token-client';
import type { TokenRefresherDeps, RefreshOutcome, TokenVault } from '../../../main/core/tokens/token-refresher';
import { TokenRefresher } from '../../../main/core/tokens/token-refresher';
import type { TokenSet } from '../../../main/core/tokens/token-set';
import { FakeClock, fakeHttp, MemoryLogger } from '../core/fakes';

/** A client registration whose secret is easy to look for in logs and messages. */
export const CONFIG: TokenClientConfig = {
  tokenEndpoint: 'https://identity.example.test/connect/token',
  clientId: '0123456789ABCDEF0123456789ABCDEF',
  clientSecret: 'CLIENT-SECRET-do-not-leak',
  redirectUri: 'https://approvalmax-connect.invalid/callback',
};

/** A JSON response as the token endpoint sends it. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

/** A successful token body, numbered so tests can tell generations apart. */
export function tokenBody(n: number, extra: Record<string, unknown> = {}) {
  return {
    access_token: `ACCESS-${n}`,
    refresh_token: `REFRESH-${n}`,
    expires_in: 3600,
    token_type: 'Bearer',
    scope: 'openid offline_access',
    ...extra,
  };
}

/** What Node's fetch throws when the network fails. */
export function networkError(code: string): Error {
  return Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(code), { code }) });
}

/** An in-memory vault that records saves; its behaviour can be made to fail or lie. */
export class MemoryVault implements TokenVault {
  readonly entries = new Map<string, TokenSet>();
  readonly saves: TokenSet[] = [];
  saveError: Error | null = null;
  /** When set, load returns this instead of what was saved (a keychain that lost the write). */
  lie: ((saved: TokenSet) => TokenSet | null) | null = null;
  load = async (id: string) => {
    const value = this.entries.get(id) ?? null;
    return value && this.lie && this.saves.includes(value) ? this.lie(value) : value;
  };
  save = async (id: string, tokens: TokenSet) => {
    if (this.saveError) throw this.saveError;
    this.saves.push(tokens);
    this.entries.set(id, tokens);
  };
}

/** Tokens received `ageMs` ago, valid for an hour from then. */
export function stored(clock: FakeClock, n: number, ageMs = 0, overrides: Partial<TokenSet> = {}): TokenSet {
  const receivedAt = clock.now() - ageMs;
  return {
    accessToken: `ACCESS-${n}`,
    refreshToken: `REFRESH-${n}`,
    receivedAt,
    expiresAt: receivedAt + 3_600_000,
    scope: ['openid'],
    ...overrides,
  };
}

/** A coordinator over fakes, answering token requests from `answer` and recording every sleep and event. */
export function harness(
  answer: (url: string, init: RequestInit) => Response | Promise<Response>,
  deps: Partial<TokenRefresherDeps> = {},
) {
  const clock = new FakeClock();
  const logger = new MemoryLogger();
  const vault = new MemoryVault();
  const { http, requests } = fakeHttp(answer);
  const sleeps: number[] = [];
  const events: string[] = [];
  const coordinator = new TokenRefresher({
    http,
    clock,
    logger,
    vault,
    clientFor: async () => CONFIG,
    sleep: async (ms) => void sleeps.push(ms),
    random: () => 0.5,
    events: {
      refreshing: (id) => void events.push(`refreshing ${id}`),
      refreshed: (id) => void events.push(`refreshed ${id}`),
      needsReconnect: (id) => void events.push(`needs-reconnect ${id}`),
      failed: (id) => void events.push(`failed ${id}`),
    },
    ...deps,
  });
  return { coordinator, clock, logger, vault, requests, sleeps, events };
}

/** Form fields of a recorded token request. */
export function formOf(init: RequestInit): URLSearchParams {
  return new URLSearchParams(String(init.body));
}

/** Proves that no secret appears in any log line or message. */
export function expectNoSecrets(texts: unknown[], secrets: string[]): void {
  const all = JSON.stringify(texts);
  for (const secret of secrets) expect(all).not.toContain(secret);
}

/** The message of a non-refreshed outcome, or a failure. */
export function messageOf(outcome: RefreshOutcome): string {
  if (outcome.kind === 'refreshed') throw new Error('expected a failure outcome');
  return outcome.message;
}
