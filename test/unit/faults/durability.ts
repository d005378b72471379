// A refresh storm through the whole core, timed and killable at a moment in time, for the refresh-token
// durability test (test/unit/faults/refresh-kill-times.test.ts) and `npm run bench`
// (scripts/bench/refresh-durability.ts). No vitest import here: the bench runs it under plain Node.
//
// The keychain is the real ChunkedSecretStore over an in-memory keychain (FakeKeychain) whose every
// call takes `latencyMs`, as a real keychain's call to its daemon does. A kill stops the process at a
// moment: from then on nothing new leaves it (keychain calls and requests hang forever, answers are
// never read), while a keychain call it had already issued still lands, as the daemon completes it.
// Kills land between two turns of the event loop, the finest moment a test can stop a Node process at.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { HttpTransport } from '../../../main/core/ports';
import { startCore, type CoreService } from '../../../main/core/service';
import { systemClock } from '../../../main/core/system-clock';
import { ChunkedSecretStore } from '../../../main/secrets/chunked-secret-store';
import type { KeychainBackend } from '../../../main/secrets/keychain-backend';
import { seedConnections, type IssuerSettings, type SeedTokens } from '../../../scripts/bench/common';
import { fakePorts } from '../core/fakes';
import { FakeKeychain } from '../secrets/fake-keychain';

/** The keychain service of every storm. */
export const DURABILITY_SERVICE = 'ApprovalMax Connect (durability)';

const TOKEN_PATH = '/connect/token';
const never = <T>() => new Promise<T>(() => undefined);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const connectionOf = (account: string): string | null =>
  /connection\/([^/]+)\/(refresh|access)-token$/.exec(account)?.[1] ?? null;
const isRefreshPointer = (account: string) => /^connection\/[^/]+\/refresh-token$/.test(account);

/** What one process did, per connection id, in performance.now() milliseconds. */
export class StormRecord {
  /** Token requests sent. */
  readonly requested = new Set<string>();
  /** When the token answer had been read in full by the process. */
  readonly arrived = new Map<string, number>();
  /** When the write of the new refresh token landed in the keychain (after the answer arrived). */
  readonly durable = new Map<string, number>();
  /** When the process handed the new refresh token's write to the keychain. */
  readonly issued = new Map<string, number>();
  /** Keychain calls of the connection issued between its answer and its refresh token's write. */
  readonly callsBefore = new Map<string, number>();
  private readonly writeIssued = new Set<string>();
  firstRequestAt: number | null = null;

  /** The answer → durable window of each connection whose refresh token landed. */
  windows(): number[] {
    return [...this.durable].map(([id, at]) => at - this.arrived.get(id)!);
  }

  /** The app's own part of it: answer → the write handed to the keychain. */
  issueDelays(): number[] {
    return [...this.issued].map(([id, at]) => at - this.arrived.get(id)!);
  }

  noteKeychainCall(op: 'get' | 'set' | 'delete', account: string): void {
    const id = connectionOf(account);
    if (id === null || !this.arrived.has(id) || this.writeIssued.has(id)) return;
    if (op === 'set' && isRefreshPointer(account)) {
      this.writeIssued.add(id);
      this.issued.set(id, performance.now());
    } else {
      this.callsBefore.set(id, (this.callsBefore.get(id) ?? 0) + 1);
    }
  }

  noteLanded(op: 'get' | 'set' | 'delete', account: string): void {
    const id = connectionOf(account);
    if (op === 'set' && id !== null && isRefreshPointer(account) && this.arrived.has(id) && !this.durable.has(id))
      this.durable.set(id, performance.now());
  }
}

/** One process's life: alive until `kill()`. */
export class Life {
  dead = false;
  private readonly listeners: (() => void)[] = [];
  kill(): void {
    this.dead = true;
    for (const listener of this.listeners.splice(0)) listener();
  }
  onKill(listener: () => void): void {
    this.listeners.push(listener);
  }
}

/** The in-memory keychain as one process sees it: each call takes `latencyMs`; none is issued after a kill. */
export function slowKeychain(
  keychain: FakeKeychain,
  latencyMs: number,
  life: Life,
  record?: StormRecord,
): KeychainBackend {
  const call =
    <T>(op: 'get' | 'set' | 'delete', run: (service: string, account: string, password?: string) => Promise<T>) =>
    async (service: string, account: string, password?: string): Promise<T> => {
      if (life.dead) return never();
      record?.noteKeychainCall(op, account);
      if (latencyMs > 0) await sleep(latencyMs);
      const result = await run(service, account, password);
      record?.noteLanded(op, account);
      return life.dead ? never() : result;
    };
  return {
    getPassword: call('get', (s, a) => keychain.getPassword(s, a)),
    setPassword: call('set', (s, a, p) => keychain.setPassword(s, a, p!)),
    deletePassword: call('delete', (s, a) => keychain.deletePassword(s, a)),
  };
}

/** Node's fetch as one process sees it: token requests and answers recorded per connection; nothing read after a kill. */
export function recordingFetch(
  life: Life,
  record: StormRecord,
  connectionOfRefreshToken: (token: string) => string | undefined,
): HttpTransport {
  return async (url, init) => {
    if (life.dead) return never();
    const isToken = init.method === 'POST' && new URL(url).pathname === TOKEN_PATH;
    const id = isToken
      ? connectionOfRefreshToken(new URLSearchParams(String(init.body)).get('refresh_token') ?? '')
      : undefined;
    if (id !== undefined) {
      record.firstRequestAt ??= performance.now();
      record.requested.add(id);
    }
    const response = await fetch(url, init);
    if (!isToken) return life.dead ? never() : response;
    const body = await response.arrayBuffer(); // the server has answered in full (and rotated, if it rotates)
    if (life.dead) return never();
    if (id !== undefined) record.arrived.set(id, performance.now());
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}

/** Kills `life` `afterMs` after the first token request, checked at every turn of the event loop. */
function killAfterFirstRequest(life: Life, record: StormRecord, afterMs: number): void {
  const tick = () => {
    if (life.dead) return;
    if (record.firstRequestAt !== null && performance.now() >= record.firstRequestAt + afterMs) life.kill();
    else setImmediate(tick);
  };
  setImmediate(tick);
}

/** Everything a storm leaves behind: the keychain and data folder survive the process. */
export interface StormResult {
  readonly record: StormRecord;
  readonly keychain: FakeKeychain;
  readonly config: Awaited<ReturnType<typeof seedConnections>>['config'];
  readonly ids: readonly string[];
  readonly killed: boolean;
  /** First token request → last refresh settled (or the kill). */
  readonly stormMs: number;
}

export interface StormOptions {
  /** How long each keychain call takes. */
  readonly latencyMs: number;
  /** Kill the process this long after its first token request; null: let the storm finish. */
  readonly killAfterMs: number | null;
}

/**
 * Seeds one connection per token set (all due at once), starts a core over the slow keychain and lets
 * the scheduled refreshes run, 8 at a time, until each has settled or the process is killed.
 */
export async function runStorm(
  sim: IssuerSettings,
  tokens: readonly SeedTokens[],
  options: StormOptions,
): Promise<StormResult> {
  const seeded = await seedConnections(sim, tokens);
  const keychain = new FakeKeychain();
  const seedStore = new ChunkedSecretStore(DURABILITY_SERVICE, keychain);
  const byRefreshToken = new Map<string, string>();
  const ids = (
    JSON.parse(readFileSync(path.join(seeded.config.dataDir, 'connections.json'), 'utf8')) as {
      connections: { id: string }[];
    }
  ).connections.map((c) => c.id);
  for (const id of ids) {
    for (const key of [`connection/${id}/refresh-token`, `connection/${id}/access-token`])
      await seedStore.set(key, (await seeded.secrets.get(key))!);
    byRefreshToken.set((await seeded.secrets.get(`connection/${id}/refresh-token`))!, id);
  }

  const life = new Life();
  const record = new StormRecord();
  const secrets = new ChunkedSecretStore(DURABILITY_SERVICE, slowKeychain(keychain, options.latencyMs, life, record));
  const http = recordingFetch(life, record, (token) => byRefreshToken.get(token));
  const core = await startCore(fakePorts({ secrets, http, clock: systemClock }), seeded.config);
  let settled = 0;
  const done = new Promise<void>((resolve) => {
    core.events.subscribe((channel, payload) => {
      if (
        channel === 'activity:added' &&
        ['refresh', 'reconnect-needed'].includes((payload as { kind: string }).kind) &&
        ++settled >= ids.length
      )
        resolve();
    });
    life.onKill(resolve);
  });
  if (options.killAfterMs !== null) killAfterFirstRequest(life, record, options.killAfterMs);
  // Refreshes fall due while the start is still reading the keychain: a kill may come before `ready`.
  await Promise.race([core.ready, new Promise<void>((resolve) => life.onKill(resolve))]);
  await done;
  const stormMs = performance.now() - (record.firstRequestAt ?? performance.now());
  if (life.dead) {
    void core.stop().catch(() => undefined); // a killed process flushes nothing; its pending calls hang
    await sleep(options.latencyMs * 3 + 5); // keychain calls issued before the kill land meanwhile
  } else {
    await core.stop();
  }
  return { record, keychain, config: seeded.config, ids, killed: life.dead, stormMs };
}

/** Restarts over what a storm left and refreshes every connection: where each one ends. */
export async function restartAndRefresh(
  storm: StormResult,
): Promise<{ core: CoreService; status: Map<string, string> }> {
  const secrets = new ChunkedSecretStore(DURABILITY_SERVICE, storm.keychain);
  const core = await startCore(fakePorts({ secrets, http: fetch, clock: systemClock }), storm.config);
  await core.ready;
  const status = new Map<string, string>();
  await Promise.all(
    storm.ids.map(async (id) => {
      const result = await core.dispatch('connections:refresh', { id });
      status.set(id, result.ok ? (result.value as { status: string }).status : `error: ${result.error.code}`);
    }),
  );
  return { core, status };
}

/** The tokens each connection holds after a restart, due at once again: the next storm's seed (rotated tokens cannot be reused). */
export async function tokensAfter(
  storm: StormResult,
  status: ReadonlyMap<string, string>,
): Promise<{ held: SeedTokens[]; lost: number }> {
  const secrets = new ChunkedSecretStore(DURABILITY_SERVICE, storm.keychain);
  const held: SeedTokens[] = [];
  for (const id of storm.ids) {
    if (status.get(id) !== 'connected') continue;
    const refreshToken = await secrets.get(`connection/${id}/refresh-token`);
    const access = await secrets.get(`connection/${id}/access-token`);
    if (refreshToken && access)
      held.push({
        refreshToken,
        accessToken: (JSON.parse(access) as { accessToken: string }).accessToken,
        ageMs: 3_600_001,
      });
  }
  return { held, lost: storm.ids.length - held.length };
}

/** p-th percentile (nearest rank) of a list of numbers. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
