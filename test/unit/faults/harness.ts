// Shared material for the fault-injection tests: a keychain and an HTTP transport that a "kill" can
// freeze at a chosen step (a killed process does nothing more, so every later call hangs), and the
// end-state checks every run must pass.
import { expect } from 'vitest';
import type { HttpTransport, SecretStore } from '../../../main/core/ports';
import { ChunkedSecretStore } from '../../../main/secrets/chunked-secret-store';
import type { KeychainBackend } from '../../../main/secrets/keychain-backend';
import { ROUTES } from '../../sim/endpoints';
import type { Simulator } from '../../sim/index';
import { FakeKeychain } from '../secrets/fake-keychain';

/** The keychain service the fault tests use. */
export const SERVICE = 'ApprovalMax Connect (faults)';

/** One step a refresh takes that a kill can land on. */
export type Step =
  | { kind: 'token-request' }
  | { kind: 'token-response' }
  | { kind: 'keychain'; op: 'get' | 'set' | 'delete'; account: string; phase: 'before' | 'after' };

/** Decides whether the process dies at this step. */
export type KillPlan = (step: Step) => boolean;

/** The life of one simulated process: what it did, and whether (and where) it was killed. */
export class ProcessLife {
  readonly steps: Step[] = [];
  killedAt: Step | null = null;
  private plan: KillPlan = () => false;
  private onKill: () => void = () => undefined;
  /** Resolves when the kill happens. */
  readonly killed = new Promise<Step>((resolve) => (this.onKill = () => resolve(this.killedAt!)));

  arm(plan: KillPlan): void {
    this.plan = plan;
  }

  /** Records a step; true when the process dies here. */
  step(step: Step): boolean {
    if (this.killedAt) return true;
    this.steps.push(step);
    if (!this.plan(step)) return false;
    this.killedAt = step;
    this.onKill();
    return true;
  }

  get dead(): boolean {
    return this.killedAt !== null;
  }
}

const never = <T>() => new Promise<T>(() => undefined);

/** The fake keychain as one process sees it: dead after a kill, every call hanging from then on. */
export function killableKeychain(keychain: FakeKeychain, life: ProcessLife): KeychainBackend {
  const wrap =
    <A extends unknown[], T>(op: 'get' | 'set' | 'delete', call: (...args: A) => Promise<T>) =>
    async (...args: A): Promise<T> => {
      const account = String(args[1]);
      if (life.dead || life.step({ kind: 'keychain', op, account, phase: 'before' })) return never();
      const result = await call(...args);
      if (op !== 'get' && life.step({ kind: 'keychain', op, account, phase: 'after' })) return never();
      return result;
    };
  return {
    getPassword: wrap('get', (s: string, a: string) => keychain.getPassword(s, a)),
    setPassword: wrap('set', (s: string, a: string, p: string) => keychain.setPassword(s, a, p)),
    deletePassword: wrap('delete', (s: string, a: string) => keychain.deletePassword(s, a)),
  };
}

/** Node's fetch as one process sees it, counting token requests; a kill before sending or after the response freezes it. */
export function killableFetch(
  life: ProcessLife,
  shortTimeoutMs?: number,
): HttpTransport & { tokenRequests: () => number } {
  let tokenRequests = 0;
  const http = async (url: string, init: RequestInit): Promise<Response> => {
    const isToken = init.method === 'POST' && new URL(url).pathname === ROUTES.token;
    if (life.dead || (isToken && life.step({ kind: 'token-request' }))) return never();
    if (isToken) tokenRequests++;
    // A timeout compressed in time: the client's own 30 s timeout, firing after `shortTimeoutMs`.
    const signal =
      shortTimeoutMs && init.signal ? AbortSignal.any([init.signal, AbortSignal.timeout(shortTimeoutMs)]) : init.signal;
    const response = await fetch(url, { ...init, signal });
    if (!isToken) return response;
    const body = await response.arrayBuffer(); // the server has answered in full
    if (life.step({ kind: 'token-response' })) return never();
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
  return Object.assign(http, { tokenRequests: () => tokenRequests });
}

const PAD = '\n#padding#';

/** Makes every secret longer than 2,000 bytes (as long tokens are), so each write goes through chunks of the chunked store. */
export function longSecrets(store: SecretStore): SecretStore {
  return {
    get: async (key) => (await store.get(key))?.split(PAD)[0] ?? null,
    set: (key, value) => store.set(key, `${value}${PAD}${'p'.repeat(4500)}`),
    delete: (key) => store.delete(key),
  };
}

/** Keys of a connection's tokens in the keychain (as main/core/connections/token-vault.ts writes them). */
export const tokenKeys = (id: string) => ({
  refresh: `connection/${id}/refresh-token`,
  access: `connection/${id}/access-token`,
});

/** Posts a refresh grant straight to the simulator: is this refresh token still accepted? */
export async function serverAccepts(sim: Simulator, refreshToken: string): Promise<boolean> {
  const res = await fetch(new URL(ROUTES.token, sim.issuer), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      client_id: sim.clientId,
      client_secret: sim.clientSecret,
    }),
  });
  await res.arrayBuffer();
  return res.status === 200;
}

/** Refresh tokens the simulator handed out since `fromIndex` (its refresh tokens are opaque: no dots). */
export function issuedRefreshTokens(sim: Simulator, fromIndex: number): string[] {
  return [
    ...new Set(
      sim
        .issuedTokens()
        .slice(fromIndex)
        .filter((t) => !t.includes('.')),
    ),
  ];
}

/**
 * The end state every run must reach: the keychain reads back whole (no damaged entry), and no
 * refresh token the server still accepts is lost — any accepted one is the one stored, and a
 * connection that says "connected" holds one that works. Probing spends tokens, so call it last.
 */
export async function expectCleanEnd(
  sim: Simulator,
  keychain: FakeKeychain,
  id: string,
  status: string,
  issuedFrom: number,
  long = false,
): Promise<{ stored: string | null }> {
  expect(['connected', 'needs-reconnect']).toContain(status);
  const chunked = new ChunkedSecretStore(SERVICE, keychain);
  const store = long ? longSecrets(chunked) : chunked;
  const keys = tokenKeys(id);
  const stored = await store.get(keys.refresh); // throws on a damaged (half-written) entry
  const access = await store.get(keys.access);
  if (access !== null) expect(() => JSON.parse(access) as unknown).not.toThrow();
  if (status === 'connected') {
    expect(stored).not.toBeNull();
    expect(access).not.toBeNull();
  }
  const issued = issuedRefreshTokens(sim, issuedFrom);
  // The stored one first: with rotation, presenting a spent token revokes the whole grant.
  if (status === 'connected') expect(await serverAccepts(sim, stored!), 'the stored refresh token works').toBe(true);
  const lost = [];
  for (const token of issued) if (token !== stored && (await serverAccepts(sim, token))) lost.push(token.slice(0, 6));
  expect(lost, 'refresh tokens the server still accepts but the app no longer holds').toEqual([]);
  return { stored };
}
