import { decodeJwt } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../sim/index';
import { callApi, refresh } from './helpers';

const READ = 'https://www.approvalmax.com/scopes/public_api/read';

describe('simulator fault switches', () => {
  let sim: Simulator;
  let token: string;

  beforeAll(async () => {
    sim = await startSimulator({ quiet: true });
    token = (await sim.issueTokens()).access_token;
  });
  afterEach(() => sim.resetFaults());
  afterAll(() => sim.stop());

  describe('token endpoint', () => {
    it('server-error answers 503 for code and refresh requests', async () => {
      const tokens = await sim.issueTokens();
      sim.setFaults({ token: 'server-error' });
      await expect(sim.issueTokens()).rejects.toThrow(/token request failed: 503/);
      const res = await refresh(sim, tokens);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ error: 'server_error' });
      sim.resetFaults();
      expect((await refresh(sim, tokens)).status).toBe(200);
    });

    it('slow delays the response by tokenDelayMs, then answers normally', async () => {
      const tokens = await sim.issueTokens();
      sim.setFaults({ token: 'slow', tokenDelayMs: 600 });
      const started = Date.now();
      const res = await refresh(sim, tokens);
      expect(Date.now() - started).toBeGreaterThanOrEqual(590);
      expect(res.status).toBe(200);
      expect(await res.json()).toHaveProperty('access_token');
    });

    it('invalid-grant answers 400 invalid_grant', async () => {
      const tokens = await sim.issueTokens();
      sim.setFaults({ token: 'invalid-grant' });
      const res = await refresh(sim, tokens);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: 'invalid_grant' });
    });

    it('no-refresh-token succeeds without a refresh_token', async () => {
      sim.setFaults({ token: 'no-refresh-token' });
      const tokens = await sim.issueTokens();
      expect(tokens.access_token).toEqual(expect.any(String));
      expect(tokens).not.toHaveProperty('refresh_token');
    });

    it('accessTokenTtl changes the lifetime of tokens issued from then on', async () => {
      sim.setFaults({ accessTokenTtl: 5 });
      const tokens = await sim.issueTokens({ scopes: [READ] });
      expect(tokens.expires_in).toBe(5);
      const claims = decodeJwt(tokens.access_token);
      expect(claims.exp! - claims.nbf!).toBe(5);
      sim.resetFaults();
      expect((await sim.issueTokens({ scopes: [READ] })).expires_in).toBe(3600);
    });

    it('rejects unknown switches and values', () => {
      expect(() => sim.setFaults({ token: 'explode' as never })).toThrow(/token must be one of/);
      expect(() => sim.setFaults({ nonsense: true } as never)).toThrow(/unknown fault switch/);
    });
  });

  describe('Public API', () => {
    it('unauthorized answers 401 even for a valid token', async () => {
      expect((await callApi(sim, '/ping', token)).status).toBe(200);
      sim.setFaults({ ping: 'unauthorized' });
      const res = await callApi(sim, '/ping', token);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/);
    });

    it('rate-limited answers 429 with Retry-After on every endpoint', async () => {
      sim.setFaults({ ping: 'rate-limited', retryAfterSeconds: 7 });
      for (const path of ['/ping', '/api/v1/companies']) {
        const res = await callApi(sim, path, token);
        expect(res.status).toBe(429);
        expect(res.headers.get('retry-after')).toBe('7');
        expect(await res.json()).toMatchObject({ status: 429, title: 'Too Many Requests' });
      }
    });

    it('unavailable answers 503 ProblemDetails', async () => {
      sim.setFaults({ ping: 'unavailable' });
      const res = await callApi(sim, '/ping', token);
      expect(res.status).toBe(503);
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(await res.json()).toMatchObject({ status: 503, traceId: expect.any(String) });
    });

    it('dateSkewSeconds moves the Date header', async () => {
      const before = Date.parse((await callApi(sim, '/ping', token)).headers.get('date')!);
      expect(Math.abs(before - Date.now())).toBeLessThan(5_000);
      sim.setFaults({ dateSkewSeconds: 3600 });
      const skewed = Date.parse((await callApi(sim, '/ping', token)).headers.get('date')!);
      expect(skewed - Date.now()).toBeGreaterThan(3_590_000);
      expect(skewed - Date.now()).toBeLessThan(3_605_000);
    });

    it('denyConsent makes the scripted flow end in access_denied', async () => {
      sim.setFaults({ denyConsent: true });
      await expect(sim.issueTokens()).rejects.toThrow(/access_denied/);
    });
  });

  describe('over HTTP at /__sim/faults', () => {
    const faultsUrl = () => `${sim.issuer}/__sim/faults`;
    const post = (body: string) =>
      fetch(faultsUrl(), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });

    it('POST sets switches, GET shows them, DELETE resets them', async () => {
      const set = await post(JSON.stringify({ ping: 'unavailable', dateSkewSeconds: -120 }));
      expect(set.status).toBe(200);
      expect(await set.json()).toMatchObject({ ping: 'unavailable', dateSkewSeconds: -120, token: 'none' });
      expect((await callApi(sim, '/ping', token)).status).toBe(503);
      expect(await (await fetch(faultsUrl())).json()).toMatchObject({ ping: 'unavailable' });

      const reset = await fetch(faultsUrl(), { method: 'DELETE' });
      expect(reset.status).toBe(200);
      expect(await reset.json()).toMatchObject({ ping: 'none', dateSkewSeconds: 0 });
      expect((await callApi(sim, '/ping', token)).status).toBe(200);
    });

    it('POST can switch token faults for another process', async () => {
      expect((await post('{"token":"server-error"}')).status).toBe(200);
      await expect(sim.issueTokens()).rejects.toThrow(/503/);
    });

    it('rejects bad JSON and unknown switches with 400 and changes nothing', async () => {
      expect((await post('{not json')).status).toBe(400);
      const unknown = await post('{"ping":"sometimes"}');
      expect(unknown.status).toBe(400);
      expect(await unknown.json()).toMatchObject({ error: expect.stringContaining('ping must be one of') });
      expect(await (await fetch(faultsUrl())).json()).toMatchObject({ ping: 'none' });
    });
  });
});
