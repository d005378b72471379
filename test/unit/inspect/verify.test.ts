import { SignJWT, exportJWK, generateKeyPair, type CryptoKey, type JWK } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { SignatureVerifier } from '../../../main/core/inspect/verify';
import { FakeClock, fakeHttp } from '../core/fakes';
import { amPayload, fakeJwt } from './helpers';

const ISSUER = 'https://identity.example.com';
const DISCOVERY = `${ISSUER}/.well-known/openid-configuration`;
const JWKS = `${ISSUER}/.well-known/jwks`;
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

interface Signer {
  jwk: JWK;
  sign(claims?: Record<string, unknown>, header?: Record<string, unknown>): Promise<string>;
}

async function signer(alg: 'PS256' | 'ES256', kid: string | undefined): Promise<Signer> {
  const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), alg, use: 'sig', ...(kid ? { kid } : {}) };
  const sign = (claims: Record<string, unknown> = {}, header: Record<string, unknown> = {}) =>
    new SignJWT({ ...amPayload({ iss: ISSUER, exp: 1_900_000_000 }), ...claims })
      .setProtectedHeader({ alg, ...(kid ? { kid } : {}), ...header })
      .sign(privateKey as CryptoKey);
  return { jwk, sign };
}

/** An identity server in a function: discovery plus whatever keys the test publishes now. */
function issuerServing(keys: () => JWK[], discovery: Record<string, unknown> = { issuer: ISSUER, jwks_uri: JWKS }) {
  return fakeHttp((url) =>
    url === DISCOVERY ? json(discovery) : url === JWKS ? json({ keys: keys() }) : new Response('no', { status: 404 }),
  );
}
const count = (requests: { url: string }[], url: string) => requests.filter((r) => r.url === url).length;

describe('SignatureVerifier with a fake issuer', () => {
  let a: Signer;
  let b: Signer;
  let es: Signer;
  beforeAll(async () => {
    [a, b, es] = await Promise.all([signer('PS256', 'key-a'), signer('PS256', 'key-b'), signer('ES256', 'key-es')]);
  });

  it('checks ES256 as well as PS256', async () => {
    const { http } = issuerServing(() => [a.jwk, es.jwk]);
    const verifier = new SignatureVerifier({ knownIssuers: () => [ISSUER], http, clock: new FakeClock() });
    expect(await verifier.verify(await es.sign())).toMatchObject({
      kind: 'valid',
      keyId: 'key-es',
      algorithm: 'ES256',
      keysUrl: JWKS,
    });
    expect(await verifier.verify(await a.sign())).toMatchObject({ kind: 'valid', keyId: 'key-a', algorithm: 'PS256' });
  });

  it('keeps keys for 5 minutes, then fetches them again', async () => {
    const { http, requests } = issuerServing(() => [a.jwk]);
    const clock = new FakeClock();
    const verifier = new SignatureVerifier({ knownIssuers: () => [ISSUER], http, clock });
    const token = await a.sign();
    await verifier.verify(token);
    clock.advance(4 * 60_000);
    await verifier.verify(token);
    expect(count(requests, JWKS)).toBe(1);
    clock.advance(61_000);
    expect((await verifier.verify(token)).kind).toBe('valid');
    expect(count(requests, JWKS)).toBe(2);
  });

  it('refetches on an unknown key id (rotation), but not more than once a minute', async () => {
    let published = [a.jwk];
    const { http, requests } = issuerServing(() => published);
    const clock = new FakeClock();
    const verifier = new SignatureVerifier({ knownIssuers: () => [ISSUER], http, clock });
    expect((await verifier.verify(await a.sign())).kind).toBe('valid');
    published = [a.jwk, b.jwk];
    const rotated = await b.sign();
    expect((await verifier.verify(rotated)).kind).toBe('key-not-found');
    expect(count(requests, JWKS)).toBe(1);
    clock.advance(61_000);
    expect(await verifier.verify(rotated)).toMatchObject({ kind: 'valid', keyId: 'key-b' });
    expect(count(requests, JWKS)).toBe(2);
    const stranger = await (await signer('PS256', 'key-c')).sign();
    expect((await verifier.verify(stranger)).kind).toBe('key-not-found');
    expect((await verifier.verify(stranger)).kind).toBe('key-not-found');
    expect(count(requests, JWKS)).toBe(2);
  });

  it('tries each key when a token names none and several fit', async () => {
    const [x, y] = await Promise.all([signer('PS256', undefined), signer('PS256', undefined)]);
    const { http } = issuerServing(() => [x.jwk, y.jwk]);
    expect(
      (
        await new SignatureVerifier({ knownIssuers: () => [ISSUER], http, clock: new FakeClock() }).verify(
          await y.sign(),
        )
      ).kind,
    ).toBe('valid');
  });

  it('does not let a token choose a different algorithm for a published key', async () => {
    const { http } = issuerServing(() => [a.jwk]);
    const relabelled = await a.sign({}, { alg: 'PS256', kid: 'key-a' });
    const [, payload, signature] = relabelled.split('.');
    const asRs256 = `${Buffer.from(JSON.stringify({ alg: 'RS256', kid: 'key-a' })).toString('base64url')}.${payload}.${signature}`;
    expect(
      (await new SignatureVerifier({ knownIssuers: () => [ISSUER], http, clock: new FakeClock() }).verify(asRs256))
        .kind,
    ).toBe('key-not-found');
  });

  it.each([
    [
      'no discovery document',
      () => fakeHttp(() => new Response('', { status: 404 })),
      'no-keys-published',
      /no discovery document \(HTTP 404\)/,
    ],
    [
      'discovery without jwks_uri',
      () => issuerServing(() => [], { issuer: ISSUER }),
      'no-keys-published',
      /no jwks_uri/,
    ],
    [
      'discovery for another issuer',
      () => issuerServing(() => [], { issuer: 'https://elsewhere.example.com', jwks_uri: JWKS }),
      'no-keys-published',
      /names a different issuer/,
    ],
    [
      'keys on plain http',
      () => issuerServing(() => [], { issuer: ISSUER, jwks_uri: 'http://keys.example.com/jwks' }),
      'no-keys-published',
      /not secure/,
    ],
    [
      'keys not readable',
      () => issuerServing(() => [{ kty: 'nonsense' } as JWK]),
      'key-not-found',
      /none with the id “key-a”/,
    ],
    [
      'server error',
      () => fakeHttp(() => new Response('', { status: 503 })),
      'issuer-unreachable',
      /answered with an error \(HTTP 503\)/,
    ],
    [
      'offline',
      () => fakeHttp(() => Promise.reject(new TypeError('fetch failed', { cause: { code: 'ENOTFOUND' } }))),
      'issuer-unreachable',
      /could not be found/,
    ],
  ] as const)('%s', async (_name, make, kind, message) => {
    const result = await new SignatureVerifier({
      knownIssuers: () => [ISSUER],
      http: make().http,
      clock: new FakeClock(),
    }).verify(await a.sign());
    expect(result.kind).toBe(kind);
    expect(result.message).toMatch(message);
  });

  it('gives up on a silent issuer after the timeout', async () => {
    const { http } = fakeHttp(
      (_url, init) =>
        new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(init.signal?.reason))),
    );
    const result = await new SignatureVerifier({
      knownIssuers: () => [ISSUER],
      http,
      clock: new FakeClock(),
      timeoutMs: 50,
    }).verify(await a.sign());
    expect(result).toMatchObject({
      kind: 'issuer-unreachable',
      message: expect.stringMatching(/did not answer in time/),
    });
  });
});

describe('SignatureVerifier refuses before fetching anything', () => {
  const payload = amPayload({ iss: ISSUER });
  it.each([
    ['alg none', fakeJwt({ alg: 'none' }, payload, 0), 'unsupported-algorithm', /not signed \(alg “none”\)/],
    ['HS256', fakeJwt({ alg: 'HS256' }, payload, 43), 'unsupported-algorithm', /shared secret \(HS256\)/],
    [
      'an unknown algorithm',
      fakeJwt({ alg: 'XX9' }, payload),
      'unsupported-algorithm',
      /“XX9” is not one this app can check/,
    ],
    ['no alg', fakeJwt({ kid: 'k' }, payload), 'malformed', /no “alg”/],
    ['not a token', 'abc.def', 'malformed', /three parts separated by dots; this one has 2\.$/],
    ['an empty signature', fakeJwt({ alg: 'PS256' }, payload, 0), 'invalid-signature', /has no signature/],
    ['no issuer', fakeJwt({ alg: 'PS256' }, amPayload({ iss: undefined })), 'malformed', /no “iss” claim/],
    [
      'an http issuer on the internet',
      fakeJwt({ alg: 'PS256' }, amPayload({ iss: 'http://attacker.example.com' })),
      'no-keys-published',
      /attacker\.example\.com\) is not a secure https address/,
    ],
    [
      'an issuer with credentials in it',
      fakeJwt({ alg: 'PS256' }, amPayload({ iss: 'https://user:pw@identity.example.com' })),
      'no-keys-published',
      /not a secure https address/,
    ],
    [
      'a file: issuer',
      fakeJwt({ alg: 'PS256' }, amPayload({ iss: 'file:///etc/passwd' })),
      'no-keys-published',
      /not a secure https address/,
    ],
  ])('%s', async (_name, token, kind, message) => {
    const { http, requests } = fakeHttp(() => json({}));
    const result = await new SignatureVerifier({ knownIssuers: () => [ISSUER], http, clock: new FakeClock() }).verify(
      token,
    );
    expect(result.kind).toBe(kind);
    expect(result.message).toMatch(message);
    expect(requests).toEqual([]);
    expect(result.message).not.toContain(token.split('.')[2] || '\u0000');
  });
});
