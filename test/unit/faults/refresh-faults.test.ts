import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeychainTokenVault } from '../../../main/core/connections/token-vault';
import { RETRY_LATER_MS, TokenRefresher, type RefreshOutcome } from '../../../main/core/tokens/token-refresher';
import { systemClock } from '../../../main/core/system-clock';
import { ChunkedSecretStore } from '../../../main/secrets/chunked-secret-store';
import { ROUTES } from '../../sim/endpoints';
import { startSimulator, type Faults, type Simulator } from '../../sim/index';
import { MemoryLogger } from '../core/fakes';
import { FakeKeychain } from '../secrets/fake-keychain';
import { expectCleanEnd, killableFetch, ProcessLife, SERVICE, tokenKeys } from './harness';

// The refresh path (coordinator → token client → keychain vault → chunked store) against the real
// simulator with each token-endpoint fault on, then off again. Backoff sleeps are recorded instead
// of slept, and the client's 30 s timeout is compressed to 100 ms. Every run must end connected or
// cleanly "needs reconnect" with the invariants of expectCleanEnd, and without a retry storm: at
// most 4 token requests per refresh, and a failed background refresh waits a minute before the next.
// A wide margin between the server's delay and the client's timeout, so a busy machine cannot turn "slow" into "answered".
const SLOW = { tokenDelayMs: 3000, clientTimeoutMs: 100 };

interface Run {
  readonly fault: Faults['token'];
  readonly rotating: boolean;
  /** How the refresh under the fault ends, and how many token requests it may take. */
  readonly during: RefreshOutcome['kind'];
  readonly requests: number;
}

const RUNS: readonly Run[] = [
  { fault: 'server-error', rotating: false, during: 'failed', requests: 4 },
  { fault: 'server-error', rotating: true, during: 'failed', requests: 4 },
  { fault: 'slow', rotating: false, during: 'failed', requests: 4 },
  { fault: 'slow', rotating: true, during: 'failed', requests: 4 },
  { fault: 'invalid-grant', rotating: false, during: 'needs-reconnect', requests: 1 },
  { fault: 'invalid-grant', rotating: true, during: 'needs-reconnect', requests: 1 },
  { fault: 'drop-connection', rotating: false, during: 'failed', requests: 4 },
  // The first dropped response spent the refresh token; the retry presents it again and the server revokes the grant.
  { fault: 'drop-connection', rotating: true, during: 'needs-reconnect', requests: 2 },
];

describe('refresh under token-endpoint faults, against the simulator', () => {
  const sims: Partial<Record<'plain' | 'rotating', Simulator>> = {};
  beforeAll(async () => {
    [sims.plain, sims.rotating] = await Promise.all([
      startSimulator({ quiet: true }),
      startSimulator({ quiet: true, rotateRefreshTokens: true }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([sims.plain?.stop(), sims.rotating?.stop()]);
  });

  it.each(RUNS.map((r) => [`${r.fault}${r.rotating ? ', rotating refresh tokens' : ''}`, r] as const))(
    '%s',
    async (_, run) => {
      const sim = run.rotating ? sims.rotating! : sims.plain!;
      const issuedFrom = sim.issuedTokens().length;
      const issued = await sim.issueTokens();
      const keychain = new FakeKeychain();
      const vault = new KeychainTokenVault(new ChunkedSecretStore(SERVICE, keychain));
      const now = Date.now();
      // Received an hour ago: due now, as after a laptop wakes up.
      await vault.save('c1', {
        accessToken: issued.access_token,
        refreshToken: issued.refresh_token ?? null,
        receivedAt: now - 3_600_000,
        expiresAt: now,
        scope: null,
      });
      const http = killableFetch(new ProcessLife(), run.fault === 'slow' ? SLOW.clientTimeoutMs : undefined);
      const sleeps: number[] = [];
      const timers: { fire: () => void; ms: number }[] = [];
      const coordinator = new TokenRefresher({
        http,
        clock: systemClock,
        logger: new MemoryLogger(),
        vault,
        clientFor: async () => ({
          tokenEndpoint: new URL(ROUTES.token, sim.issuer).href,
          clientId: sim.clientId,
          clientSecret: sim.clientSecret,
          redirectUri: sim.redirectUri,
        }),
        sleep: async (ms) => void sleeps.push(ms),
        random: () => 0.5,
        timers: { set: (fire, ms) => timers.push({ fire, ms }), clear: () => undefined },
      });

      sim.setFaults({ token: run.fault, tokenDelayMs: SLOW.tokenDelayMs });
      let outcome: RefreshOutcome;
      try {
        coordinator.schedule('c1', (await vault.load('c1'))!);
        expect(timers.map((t) => t.ms)).toEqual([0]); // due now
        timers[0]!.fire();
        outcome = await coordinator.refresh('c1'); // joins the flight the timer started
      } finally {
        sim.resetFaults();
      }
      expect(outcome.kind).toBe(run.during);
      expect(http.tokenRequests()).toBe(run.requests);
      // Backoff with jitter (random fixed at 0.5): 0.5 s, 1 s, 2 s between attempts.
      expect(sleeps).toEqual([500, 1000, 2000].slice(0, run.requests - 1));
      // A failed background refresh tries again a minute later, not at once; "needs reconnect" stops.
      expect(timers.slice(1).map((t) => t.ms)).toEqual(run.during === 'failed' ? [RETRY_LATER_MS] : []);

      if (run.fault === 'slow') await new Promise((resolve) => setTimeout(resolve, SLOW.tokenDelayMs + 300)); // the server finishes the abandoned requests
      let status = outcome.kind === 'needs-reconnect' ? 'needs-reconnect' : 'error';
      if (outcome.kind === 'failed') {
        timers.at(-1)!.fire(); // the minute has passed
        const after = await coordinator.refresh('c1');
        expect(after.kind).not.toBe('failed');
        status = after.kind === 'refreshed' ? 'connected' : 'needs-reconnect';
        expect(http.tokenRequests()).toBeLessThanOrEqual(run.requests + 1);
      }
      if (!run.rotating && run.fault !== 'invalid-grant') expect(status).toBe('connected');
      const { stored } = await expectCleanEnd(sim, keychain, 'c1', status, issuedFrom);
      if (status === 'connected')
        expect(
          JSON.parse((await new ChunkedSecretStore(SERVICE, keychain).get(tokenKeys('c1').access))!).accessToken,
        ).not.toBe(issued.access_token);
      expect(stored).not.toBeNull();
      coordinator.stop();
    },
    20_000,
  );
});
