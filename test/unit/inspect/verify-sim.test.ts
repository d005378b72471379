import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, decodeJwt, decodeProtectedHeader, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignatureVerifier } from '../../../main/core/inspect/verify';
import type { Clock, HttpTransport } from '../../../main/core/ports';
import { startSimulator, type Simulator } from '../../sim/index';
import { b64u } from './helpers';

const realClock: Clock = { now: () => Date.now(), monotonic: () => performance.now() };

/** Node's fetch as the transport, counting each URL asked for. */
function countingFetch() {
  const calls: string[] = [];
  const http: HttpTransport = (url, init) => {
    calls.push(url);
    return fetch(url, init);
  };
  return { http, calls };
}

/** A token for `iss` signed with a key nobody publishes. */
async function strangerToken(iss: string, kid = 'not-published-anywhere'): Promise<string> {
  const { privateKey } = await generateKeyPair('PS256');
  return new SignJWT({ client_id: 'X', scope: ['offline_access'] })
    .setProtectedHeader({ alg: 'PS256', kid, typ: 'at+jwt' })
    .setIssuer(iss)
    .setSubject('someone')
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(privateKey);
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );
}

describe('SignatureVerifier against the real simulator', () => {
  let sim: Simulator;
  let token: string;

  beforeAll(async () => {
    sim = await startSimulator({ quiet: true });
    token = (await sim.issueTokens()).access_token;
  });
  afterAll(() => sim.stop());

  it('calls a genuine simulator token valid, naming its key and PS256', async () => {
    const result = await new SignatureVerifier({
      knownIssuers: () => [sim.issuer],
      http: fetch,
      clock: realClock,
    }).verify(token);
    expect(result).toMatchObject({
      kind: 'valid',
      keyId: decodeProtectedHeader(token).kid,
      algorithm: 'PS256',
      issuer: sim.issuer,
      keysUrl: `${sim.issuer}/.well-known/openid-configuration/jwks`,
      timeValidity: {
        state: 'valid',
        message: expect.stringMatching(/^Valid for another (about )?(1 hour|60 minutes|59 minutes)/),
      },
    });
    expect(result.message).toMatch(/^The signature is genuine/);
  });

  it('keeps the signature verdict apart from the clock: an expired genuine token is still genuine', async () => {
    const later: Clock = { now: () => Date.now() + 3 * 3600_000, monotonic: () => performance.now() };
    const result = await new SignatureVerifier({ knownIssuers: () => [sim.issuer], http: fetch, clock: later }).verify(
      token,
    );
    expect(result.kind).toBe('valid');
    expect(result.timeValidity).toMatchObject({
      state: 'expired',
      message: expect.stringMatching(/^Expired about 2 hours ago/),
    });
  });

  it('calls a token with a changed payload an invalid signature', async () => {
    const [header, , signature] = token.split('.');
    const tampered = `${header}.${b64u(JSON.stringify({ ...decodeJwt(token), sub: 'someone-else' }))}.${signature}`;
    const result = await new SignatureVerifier({
      knownIssuers: () => [sim.issuer],
      http: fetch,
      clock: realClock,
    }).verify(tampered);
    expect(result.kind).toBe('invalid-signature');
    expect(result.message).toMatch(/changed after it was signed/);
  });

  it('calls a token with a changed signature an invalid signature', async () => {
    const flipped = token.slice(0, -10) + (token.at(-10) === 'A' ? 'B' : 'A') + token.slice(-9);
    expect(
      (await new SignatureVerifier({ knownIssuers: () => [sim.issuer], http: fetch, clock: realClock }).verify(flipped))
        .kind,
    ).toBe('invalid-signature');
  });

  it('reports key-not-found for a token signed with a key the issuer does not publish', async () => {
    const result = await new SignatureVerifier({
      knownIssuers: () => [sim.issuer],
      http: fetch,
      clock: realClock,
    }).verify(await strangerToken(sim.issuer));
    expect(result).toMatchObject({ kind: 'key-not-found', keyId: 'not-published-anywhere', algorithm: 'PS256' });
    expect(result.message).toMatch(/none with the id “not-published-anywhere”/);
  });

  it('fetches discovery and keys once for two checks (cached per issuer)', async () => {
    const { http, calls } = countingFetch();
    const verifier = new SignatureVerifier({ knownIssuers: () => [sim.issuer], http, clock: realClock });
    expect((await verifier.verify(token)).kind).toBe('valid');
    expect((await verifier.verify(token)).kind).toBe('valid');
    expect(calls).toEqual([
      `${sim.issuer}/.well-known/openid-configuration`,
      `${sim.issuer}/.well-known/openid-configuration/jwks`,
    ]);
  });
});

describe('SignatureVerifier when keys cannot be had', () => {
  it('says no keys are published when the issuer has no discovery document (404), and that this is not proof of a fake', async () => {
    const server = createServer((_req, res) => res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not Found'));
    const issuer = await listen(server);
    try {
      const { http, calls } = countingFetch();
      const result = await new SignatureVerifier({ knownIssuers: () => [issuer], http, clock: realClock }).verify(
        await strangerToken(issuer),
      );
      expect(result.kind).toBe('no-keys-published');
      expect(result.message).toMatch(
        /has not published its signing keys for this server \(no discovery document \(HTTP 404\)\)/,
      );
      expect(result.message).toMatch(/That does not mean the token is fake\.$/);
      expect(calls).toEqual([`${issuer}/.well-known/openid-configuration`]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('says the issuer is unreachable once the simulator has stopped', async () => {
    const stopped = await startSimulator({ quiet: true });
    const token = (await stopped.issueTokens()).access_token;
    await stopped.stop();
    const result = await new SignatureVerifier({
      knownIssuers: () => [stopped.issuer],
      http: fetch,
      clock: realClock,
    }).verify(token);
    expect(result.kind).toBe('issuer-unreachable');
    expect(result.message).toMatch(
      /^Could not fetch the signing keys: 127\.0\.0\.1:\d+ (refused the connection|could not be reached)\./,
    );
    expect(result.timeValidity?.state).toBe('valid');
  });
});
