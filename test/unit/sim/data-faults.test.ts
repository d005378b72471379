import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../sim/index';
import { callApi } from './helpers';

const NORTHWIND = '3f1c2b7e-8a41-4d6f-9b2e-5c7d8e9f0a11';
const KIWI = '7a9d4e21-3b5c-4f80-a1d2-6e7f8091a2b3';
const bills = (companyId: string, query = '') => `/api/v1/companies/${companyId}/xero/bills${query}`;

describe('simulator fault switches for the data endpoints', () => {
  let sim: Simulator;
  let token: string;

  beforeAll(async () => {
    sim = await startSimulator({ quiet: true });
    token = (await sim.issueTokens()).access_token;
  });
  afterEach(() => sim.resetFaults());
  afterAll(() => sim.stop());

  it('limits reads per application and organisation in a sliding minute: 429 with Retry-After', async () => {
    sim.setFaults({ readsPerMinute: 3 });
    const started = Date.now();
    for (let i = 0; i < 3; i++) expect((await callApi(sim, bills(NORTHWIND, '?limit=1'), token)).status).toBe(200);
    const res = await callApi(sim, bills(NORTHWIND, '/00000000-0000-4000-8000-000000000000'), token);
    expect(res.status).toBe(429);
    const retryAfter = Number(res.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThanOrEqual(59 - Math.ceil((Date.now() - started) / 1000));
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await res.json()).toMatchObject({
      status: 429,
      title: 'Too Many Requests',
      detail: expect.stringContaining('3 reads'),
    });
    // Another organisation has its own window; /ping and /companies are not data reads.
    expect((await callApi(sim, bills(KIWI), token)).status).toBe(200);
    expect((await callApi(sim, '/ping', token)).status).toBe(200);
    expect((await callApi(sim, '/api/v1/companies', token)).status).toBe(200);
    // The limit is read live: one more slot, then full again.
    sim.setFaults({ readsPerMinute: 4 });
    expect((await callApi(sim, bills(NORTHWIND), token)).status).toBe(200);
    expect((await callApi(sim, bills(NORTHWIND), token)).status).toBe(429);
  });

  it('a reset forgets past reads', async () => {
    sim.setFaults({ readsPerMinute: 1 });
    expect((await callApi(sim, bills(NORTHWIND), token)).status).toBe(200);
    expect((await callApi(sim, bills(NORTHWIND), token)).status).toBe(429);
    sim.resetFaults();
    sim.setFaults({ readsPerMinute: 1 });
    expect((await callApi(sim, bills(NORTHWIND), token)).status).toBe(200);
  });

  it('failPage makes that page of any list answer 500 while set', async () => {
    sim.setFaults({ failPage: 2 });
    const first = await callApi(sim, bills(NORTHWIND, '?limit=50'), token);
    expect(first.status).toBe(200);
    const { continuationToken } = (await first.json()) as { continuationToken: string };
    const second = bills(NORTHWIND, `?limit=50&continuationToken=${continuationToken}`);
    const failed = await callApi(sim, second, token);
    expect(failed.status).toBe(500);
    expect(await failed.json()).toMatchObject({
      status: 500,
      title: 'Internal Server Error',
      traceId: expect.any(String),
    });
    sim.setFaults({ failPage: null });
    expect((await callApi(sim, second, token)).status).toBe(200);
    sim.setFaults({ failPage: 1 });
    expect((await callApi(sim, `/api/v1/companies/${KIWI}/userProfiles`, token)).status).toBe(500);
  });

  it('pageDelayMs delays list answers', async () => {
    sim.setFaults({ pageDelayMs: 400 });
    const started = Date.now();
    expect((await callApi(sim, bills(NORTHWIND, '?limit=1'), token)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
  });

  it('the document needs no token, so of the ping faults only an outage reaches it', async () => {
    for (const ping of ['unauthorized', 'rate-limited'] as const) {
      sim.setFaults({ ping });
      expect((await fetch(sim.openApiUrl)).status, ping).toBe(200);
    }
    sim.setFaults({ ping: 'unavailable' });
    expect((await fetch(sim.openApiUrl)).status).toBe(503);
  });

  it('openApi false makes the document answer 404', async () => {
    expect((await fetch(sim.openApiUrl)).status).toBe(200);
    sim.setFaults({ openApi: false });
    const res = await fetch(sim.openApiUrl);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ status: 404, title: 'Not Found' });
  });

  it('takes the new switches over HTTP and refuses bad values', async () => {
    const faultsUrl = `${sim.issuer}/__sim/faults`;
    const post = (body: unknown) =>
      fetch(faultsUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const set = await post({ roleRevoked: true, failPage: 3, planDisabled: [], removedFromConnections: [KIWI] });
    expect(set.status).toBe(200);
    expect(await set.json()).toMatchObject({ roleRevoked: true, failPage: 3, planDisabled: [], readsPerMinute: 100 });
    expect((await callApi(sim, '/ping', token)).status).toBe(403);
    for (const bad of [
      { failPage: 0 },
      { readsPerMinute: 0 },
      { planDisabled: 'x' },
      { openApi: 'no' },
      { refreshTokenTtl: 1.5 },
    ]) {
      const res = await post(bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
    }
    const reset = await fetch(faultsUrl, { method: 'DELETE' });
    expect(await reset.json()).toMatchObject({
      openApi: true,
      pageDelayMs: 0,
      failPage: null,
      readsPerMinute: 100,
      planDisabled: ['c2e8f4a6-1d3b-4c5e-8f70-9a1b2c3d4e5f'],
      roleRevoked: false,
      removedFromConnections: [],
      refreshTokenTtl: 30 * 24 * 60 * 60,
    });
  });
});
