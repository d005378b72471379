import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startSimulator, type Simulator, type SimulatorTokens } from '../../sim/index';
import { refresh } from './helpers';

const DAY = 24 * 60 * 60 * 1000;

/** Moves only Date (what oidc-provider and its storage read the time from) forward; timers stay real. */
function travel(ms: number): void {
  vi.setSystemTime(Date.now() + ms);
}

async function expectRenewed(sim: Simulator, tokens: SimulatorTokens): Promise<SimulatorTokens> {
  const res = await refresh(sim, tokens);
  const body = (await res.json()) as SimulatorTokens;
  expect(res.status, JSON.stringify(body)).toBe(200);
  return body;
}

async function expectLapsed(sim: Simulator, tokens: SimulatorTokens): Promise<void> {
  const res = await refresh(sim, tokens);
  expect(res.status).toBe(400);
  expect(await res.json()).toMatchObject({ error: 'invalid_grant' });
}

describe.each([
  ['reused refresh tokens', false],
  ['rotated refresh tokens', true],
])('simulator refresh-token lifetime (%s)', (_name, rotateRefreshTokens) => {
  let sim: Simulator;

  beforeAll(async () => {
    sim = await startSimulator({ quiet: true, rotateRefreshTokens });
  });
  afterEach(() => {
    vi.useRealTimers();
    sim.resetFaults();
  });
  afterAll(() => sim.stop());

  it('lasts 30 days by default: renewed on day 29, refused after 30 idle days', async () => {
    const kept = await sim.issueTokens();
    const idle = await sim.issueTokens();
    vi.useFakeTimers({ toFake: ['Date'] });
    travel(29 * DAY);
    await expectRenewed(sim, kept);
    travel(DAY + 60_000);
    await expectLapsed(sim, idle);
  });

  it('refreshTokenTtl lapses an idle refresh token into invalid_grant', async () => {
    sim.setFaults({ refreshTokenTtl: 600 });
    const tokens = await sim.issueTokens();
    vi.useFakeTimers({ toFake: ['Date'] });
    travel(601_000);
    await expectLapsed(sim, tokens);
  });

  it('each refresh grants a fresh full window (sliding), well past the first one', async () => {
    sim.setFaults({ refreshTokenTtl: 600 });
    let tokens = await sim.issueTokens();
    vi.useFakeTimers({ toFake: ['Date'] });
    for (let i = 0; i < 3; i++) {
      travel(500_000); // 1,500 s in all: far beyond the first 600 s window
      const renewed = await expectRenewed(sim, tokens);
      expect(renewed.refresh_token !== tokens.refresh_token).toBe(rotateRefreshTokens);
      tokens = renewed;
    }
    travel(601_000);
    await expectLapsed(sim, tokens);
  });

  it('the startSimulator option sets the default window', async () => {
    const short = await startSimulator({ quiet: true, rotateRefreshTokens, refreshTokenTtl: 120 });
    try {
      const tokens = await short.issueTokens();
      expect((await fetch(`${short.issuer}/__sim/faults`).then((r) => r.json())) as object).toMatchObject({
        refreshTokenTtl: 120,
      });
      vi.useFakeTimers({ toFake: ['Date'] });
      travel(121_000);
      await expectLapsed(short, tokens);
    } finally {
      vi.useRealTimers();
      await short.stop();
    }
  });
});
