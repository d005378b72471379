import { randomBytes } from 'node:crypto';
import { decodeJwt, decodeProtectedHeader, generateKeyPair, SignJWT } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../sim/index';
import { callApi, sleep } from './helpers';

const READ = 'https://www.approvalmax.com/scopes/public_api/read';

/** Re-signs a real token's claims with a key the simulator never published. */
async function forge(token: string, kid: string): Promise<string> {
  const { privateKey } = await generateKeyPair('PS256');
  return new SignJWT(decodeJwt(token)).setProtectedHeader({ alg: 'PS256', typ: 'at+jwt', kid }).sign(privateKey);
}

async function expectInvalidToken(res: Response): Promise<void> {
  expect(res.status).toBe(401);
  expect(res.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/);
  expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
  const body = (await res.json()) as Record<string, unknown>;
  expect(body).toMatchObject({ title: 'Unauthorized', status: 401 });
  expect(body.type).toEqual(expect.stringContaining('rfc9110'));
  expect(body.traceId).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-00$/);
}

describe('simulator Public API', () => {
  let sim: Simulator;
  let token: string;

  beforeAll(async () => {
    sim = await startSimulator({ quiet: true });
    token = (await sim.issueTokens()).access_token;
  });
  afterEach(() => sim.resetFaults());
  afterAll(() => sim.stop());

  it('answers /ping with a short JSON message and a Date header', async () => {
    const res = await callApi(sim, '/ping', token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('date')).toBeTruthy();
    expect(await res.json()).toEqual({ message: 'pong' });
  });

  it("lists the organisations of the token's connection as a bare array", async () => {
    const res = await callApi(sim, '/api/v1/companies', token);
    expect(await res.json()).toEqual(sim.organisations.map(({ companyId, name }) => ({ companyId, name })));
    const one = await sim.issueTokens({ organisations: [sim.organisations[1]!.companyId], scopes: [READ] });
    expect(await (await callApi(sim, '/api/v1/companies', one.access_token)).json()).toEqual([sim.organisations[1]]);
  });

  it('rejects a missing token', async () => {
    await expectInvalidToken(await callApi(sim, '/ping'));
  });

  it('rejects a garbage token', async () => {
    await expectInvalidToken(await callApi(sim, '/ping', 'not.a.jwt'));
    await expectInvalidToken(await callApi(sim, '/api/v1/companies', randomBytes(40).toString('base64url')));
  });

  it('rejects a token signed by another key, with or without the published kid', async () => {
    const kid = decodeProtectedHeader(token).kid!;
    await expectInvalidToken(await callApi(sim, '/ping', await forge(token, kid)));
    await expectInvalidToken(await callApi(sim, '/ping', await forge(token, randomBytes(16).toString('hex'))));
  });

  it('rejects an expired token', async () => {
    sim.setFaults({ accessTokenTtl: 1 });
    const short = (await sim.issueTokens({ scopes: [READ] })).access_token;
    sim.resetFaults();
    await sleep(2_100);
    const res = await callApi(sim, '/ping', short);
    await expectInvalidToken(res.clone());
    expect(res.headers.get('www-authenticate')).toContain('expired');
  });

  it('rejects a token from another simulator (other issuer and keys)', async () => {
    const other = await startSimulator({ quiet: true });
    try {
      const foreign = (await other.issueTokens({ scopes: [READ] })).access_token;
      await expectInvalidToken(await callApi(sim, '/ping', foreign));
    } finally {
      await other.stop();
    }
  });

  it('answers an unknown path with 404 ProblemDetails', async () => {
    const res = await callApi(sim, '/api/v1/nothing-here', token);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await res.json()).toMatchObject({ title: 'Not Found', status: 404, traceId: expect.any(String) });
  });
});
