import { mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionView, Result } from '../../../preload/contract';
import { startCore, type CoreService } from '../../../main/core/service';
import { systemClock } from '../../../main/core/system-clock';
import { ChunkedSecretStore } from '../../../main/secrets/chunked-secret-store';
import { MemoryClipboard } from '../../shell/memory-clipboard';
import { startSimulator, type Simulator } from '../../sim/index';
import { signInOverHttp, simEnvironment } from '../connections/sim-harness';
import { FakeAuthWindow, FakeBrowser, MemoryLogger, testConfig } from '../core/fakes';
import { FakeKeychain } from '../secrets/fake-keychain';
import {
  expectCleanEnd,
  killableFetch,
  killableKeychain,
  longSecrets,
  ProcessLife,
  SERVICE,
  tokenKeys,
  type Step,
} from './harness';

// "The process is killed at each step of a refresh, then restarted": the whole core over the real
// simulator, its keychain the chunked store over a fake keychain. A dry run lists every step a
// refresh takes from the token request on (send, response, each keychain read and each write, before
// and after it lands); then, for each step, a fresh connection is refreshed in process 1, which dies
// there (from then on its keychain and network calls never return), and process 2 starts over the
// same data folder and keychain and refreshes. It must end connected or cleanly "needs reconnect",
// with one token request, an undamaged keychain, and no lost refresh token the server still accepts.

type Proc = { core: CoreService; http: ReturnType<typeof killableFetch> };

async function startProcess(
  sim: Simulator,
  keychain: FakeKeychain,
  dataDir: string,
  life: ProcessLife,
  long: boolean,
): Promise<Proc> {
  const chunked = new ChunkedSecretStore(SERVICE, killableKeychain(keychain, life));
  const http = killableFetch(life);
  const config = testConfig({
    dataDir,
    keychainService: SERVICE,
    environments: [simEnvironment(sim)],
    adminSecrets: new Map([['sim', sim.clientSecret]]),
  });
  const ports = {
    secrets: long ? longSecrets(chunked) : chunked,
    authWindow: new FakeAuthWindow(async (url) => ({ kind: 'redirect' as const, url: await signInOverHttp(sim, url) })),
    browser: new FakeBrowser(),
    clipboard: new MemoryClipboard(),
    http,
    clock: systemClock,
    logger: new MemoryLogger(),
  };
  const core = await startCore(ports, config);
  await core.ready;
  return { core, http };
}

function viewOf(result: Result<unknown>): ConnectionView {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as ConnectionView;
}

const describeStep = (s: Step) =>
  s.kind === 'keychain' ? `keychain ${s.op} ${s.account.replace(/[0-9a-f-]{36}/, '<id>')} (${s.phase})` : s.kind;

/** One run: connect, refresh with a kill at step `killAt` (none: the dry run), restart, refresh again. */
async function run(sim: Simulator, killAt: number | null, long: boolean) {
  const keychain = new FakeKeychain();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'amc-crash-'));
  const issuedFrom = sim.issuedTokens().length;
  const first = new ProcessLife();
  const p1 = await startProcess(sim, keychain, dataDir, first, long);
  const { id } = viewOf(await p1.core.dispatch('connections:connect', { environmentId: 'sim' }));
  const from = first.steps.length;
  const requestsBefore = p1.http.tokenRequests();
  // Steps are counted from the token request on: before it, a kill is the same as no refresh at all.
  let index = -1;
  first.arm((step) => (index >= 0 || step.kind === 'token-request') && ++index === killAt);
  const refreshed = p1.core.dispatch('connections:refresh', { id });
  await Promise.race([refreshed, first.killed]);
  p1.core.stop();
  const all = first.steps.slice(from);
  const steps = all.slice(all.findIndex((s) => s.kind === 'token-request'));
  if (killAt === null) return { steps, id };

  const p2 = await startProcess(sim, keychain, dataDir, new ProcessLife(), long);
  const view = viewOf(await p2.core.dispatch('connections:refresh', { id }));
  const requests = p2.http.tokenRequests();
  p2.core.stop();
  const { stored } = await expectCleanEnd(sim, keychain, id, view.status, issuedFrom, long);
  expect(readdirSync(dataDir).filter((f) => f.includes('.corrupt'))).toEqual([]);
  return {
    steps,
    id,
    killedAt: first.killedAt,
    status: view.status,
    requests,
    stored,
    p1Requests: p1.http.tokenRequests() - requestsBefore,
  };
}

describe.each([
  ['refresh tokens kept (ApprovalMax today)', false, false],
  ['refresh tokens rotated', true, false],
  ['refresh tokens rotated, secrets over 2,000 bytes (written in chunks)', true, true],
])('killed at each step of a refresh, then restarted: %s', (_, rotating, long) => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ quiet: true, rotateRefreshTokens: rotating });
  });
  afterAll(() => sim.stop());

  it('ends connected or cleanly "needs reconnect" wherever the kill lands', async () => {
    const dry = await run(sim, null, long);
    expect(dry.steps[0]).toEqual({ kind: 'token-request' });
    expect(dry.steps.map((s) => s.kind)).toContain('token-response');
    // The refresh token's pointer is switched before anything of the access token is written.
    const writes = dry.steps.flatMap((s) => (s.kind === 'keychain' && s.op === 'set' ? [s.account] : []));
    expect(writes.lastIndexOf(tokenKeys(dry.id).refresh)).toBeLessThan(
      writes.findIndex((a) => a.endsWith(tokenKeys(dry.id).access)),
    );
    if (long) expect(writes.filter((a) => a.startsWith('amc-internal:chunk:')).length).toBeGreaterThanOrEqual(12);
    const outcomes: string[] = [];
    for (let k = 0; k < dry.steps.length; k++) {
      const label = `killed at step ${k}: ${describeStep(dry.steps[k]!)}`;
      const result = await run(sim, k, long);
      expect(result.killedAt && describeStep(result.killedAt), label).toBe(describeStep(dry.steps[k]!));
      expect(result.p1Requests, label).toBeLessThanOrEqual(1);
      expect(result.requests, `${label}: token requests after the restart`).toBe(1);
      // Once the new refresh token is in the keychain (or when tokens are not rotated), nothing is lost.
      const refreshStored = dry.steps
        .slice(0, k)
        .some(
          (s) =>
            s.kind === 'keychain' && s.op === 'set' && s.phase === 'after' && s.account === tokenKeys(dry.id).refresh,
        );
      if (!rotating || refreshStored) expect(result.status, label).toBe('connected');
      outcomes.push(`${label} → ${result.status}`);
    }
    expect(outcomes.length).toBe(dry.steps.length);
  }, 120_000);
});
