import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFaults } from '../../sim/faults';
import { startSimulator, type Simulator } from '../../sim/index';
import { refresh } from './helpers';

// The 'drop-connection' token fault: the grant is carried out, then the connection dies half-way
// through the response body, so the client never learns the new tokens.
describe("token fault 'drop-connection'", () => {
  let plain: Simulator;
  let rotating: Simulator;
  beforeAll(async () => {
    [plain, rotating] = await Promise.all([
      startSimulator({ quiet: true }),
      startSimulator({ quiet: true, rotateRefreshTokens: true }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([plain.stop(), rotating.stop()]);
  });

  /** Sends a refresh and reports how far the response got. */
  async function attempt(sim: Simulator, tokens: Awaited<ReturnType<Simulator['issueTokens']>>): Promise<string> {
    try {
      const res = await refresh(sim, tokens);
      await res.json();
      return `complete ${res.status}`;
    } catch (error) {
      return `cut off: ${String((error as Error).cause ?? error)}`;
    }
  }

  it('is a valid switch for the faults endpoint', () => {
    expect(parseFaults({ token: 'drop-connection' })).toEqual({ token: 'drop-connection' });
  });

  it('cuts the response off after the headers, so the body can never be read', async () => {
    const tokens = await plain.issueTokens();
    plain.setFaults({ token: 'drop-connection' });
    try {
      expect(await attempt(plain, tokens)).toMatch(/^cut off:/);
      const before = plain.issuedTokens().length;
      expect(await attempt(plain, tokens)).toMatch(/^cut off:/);
      // The server did issue tokens the client never received.
      expect(plain.issuedTokens().length).toBeGreaterThan(before);
    } finally {
      plain.resetFaults();
    }
    // Without rotation the refresh token the client still holds keeps working.
    expect(await attempt(plain, tokens)).toBe('complete 200');
  });

  it('with refresh-token rotation, spends the refresh token the client still holds', async () => {
    const tokens = await rotating.issueTokens();
    rotating.setFaults({ token: 'drop-connection' });
    try {
      expect(await attempt(rotating, tokens)).toMatch(/^cut off:/);
    } finally {
      rotating.resetFaults();
    }
    const res = await refresh(rotating, tokens);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_grant' });
  });
});
