// "Check the signature" fetches keys on its own only from the issuers of the user's environments
// (issue 15, item 3): any other issuer is named and asked about; a token's jku / x5u are never followed.
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey, type JWK } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import type { VerifyResult } from '../../../preload/contract';
import { FetchedKeys } from '../../../main/core/inspect/issuer-keys';
import { SignatureVerifier } from '../../../main/core/inspect/verify';
import { startCore } from '../../../main/core/service';
import { valueOf } from '../connections/sim-harness';
import { FakeClock, fakeHttp, fakePorts, testConfig } from '../core/fakes';

const KNOWN = 'https://identity.example.com';
const STRANGER = 'https://keys.attacker.example';
const ATTACKER_KEYS = 'https://evil.example/jwks.json';
const ATTACKER_CERT = 'https://evil.example/cert.pem';

let key: { jwk: JWK; privateKey: CryptoKey };
let attacker: { jwk: JWK; privateKey: CryptoKey };
beforeAll(async () => {
  const make = async (kid: string) => {
    const pair = await generateKeyPair('PS256', { extractable: true });
    return {
      jwk: { ...(await exportJWK(pair.publicKey)), kid, alg: 'PS256', use: 'sig' },
      privateKey: pair.privateKey,
    };
  };
  [key, attacker] = await Promise.all([make('key-1'), make('attacker')]);
});

const sign = (iss: string, header: Record<string, unknown> = {}, by = key) =>
  new SignJWT({ sub: 'someone', exp: 1_900_000_000 })
    .setIssuer(iss)
    .setProtectedHeader({ alg: 'PS256', kid: by.jwk.kid, ...header })
    .sign(by.privateKey);

/** Every issuer (and the attacker's hosts) serving discovery and keys: only what is asked for is recorded. */
function anyIssuer() {
  return fakeHttp((url) => {
    const { origin, pathname } = new URL(url);
    if (pathname === '/.well-known/openid-configuration')
      return Response.json({ issuer: origin, jwks_uri: `${origin}/jwks` });
    if (pathname === '/jwks') return Response.json({ keys: [key.jwk] });
    if (url === ATTACKER_KEYS) return Response.json({ keys: [attacker.jwk] });
    return new Response('no', { status: 404 });
  });
}

const verifier = (http: ReturnType<typeof anyIssuer>['http'], known: string[] = [KNOWN]) =>
  new SignatureVerifier({ http, clock: new FakeClock(), knownIssuers: () => known, shared: new FetchedKeys() });

describe('SignatureVerifier and the issuer a token names', () => {
  it('fetches keys without asking for an issuer of the user’s environments (however its URL is spelled)', async () => {
    const { http, requests } = anyIssuer();
    const result = await verifier(http, ['HTTPS://Identity.Example.com/']).verify(await sign(KNOWN));
    expect(result.kind).toBe('valid');
    expect(requests.map((r) => r.url)).toEqual([`${KNOWN}/.well-known/openid-configuration`, `${KNOWN}/jwks`]);
  });

  it('asks before fetching anything from an issuer none of the environments names', async () => {
    const { http, requests } = anyIssuer();
    const result = await verifier(http).verify(await sign(STRANGER));
    expect(result).toMatchObject({
      kind: 'unknown-issuer',
      issuer: STRANGER,
      keysUrl: null,
      algorithm: 'PS256',
      keyId: 'key-1',
    });
    expect(result.message).toBe(
      `This token names an issuer this app does not know: ${STRANGER}. Fetch its published keys?`,
    );
    expect(requests).toEqual([]);
  });

  it('fetches from that issuer once the user agrees (allowUnknownIssuer), and from no one else', async () => {
    const { http, requests } = anyIssuer();
    const result = await verifier(http).verify(await sign(STRANGER), { allowUnknownIssuer: true });
    expect(result.kind).toBe('valid');
    expect(requests.map((r) => r.url)).toEqual([`${STRANGER}/.well-known/openid-configuration`, `${STRANGER}/jwks`]);
  });

  it.each([
    ['plain http on the internet', 'http://identity.attacker.example'],
    ['plain http on a private address', 'http://192.168.1.20'],
    ['credentials in the address', 'https://user:pw@identity.attacker.example'],
    ['a file: address', 'file:///etc/passwd'],
  ])('never fetches from a non-https issuer outside loopback, even when allowed: %s', async (_name, iss) => {
    const { http, requests } = anyIssuer();
    for (const allowUnknownIssuer of [false, true]) {
      const result = await verifier(http, [KNOWN, iss]).verify(await sign(iss), { allowUnknownIssuer });
      expect(result.kind).toBe('no-keys-published');
      expect(result.message).toMatch(/is not a secure https address, so this app will not fetch signing keys from it/);
    }
    expect(requests).toEqual([]);
  });

  it('asks about an unknown loopback issuer too, and fetches over http only there once allowed', async () => {
    const local = 'http://127.0.0.1:4999';
    const { http, requests } = anyIssuer();
    const v = verifier(http);
    expect((await v.verify(await sign(local))).kind).toBe('unknown-issuer');
    expect(requests).toEqual([]);
    expect((await v.verify(await sign(local), { allowUnknownIssuer: true })).kind).toBe('valid');
    expect(requests.map((r) => new URL(r.url).origin)).toEqual([local, local]);
  });

  it.each([
    ['jku', { jku: ATTACKER_KEYS }],
    ['x5u', { x5u: ATTACKER_CERT }],
    [
      'jku, x5u and an embedded jwk',
      { jku: ATTACKER_KEYS, x5u: ATTACKER_CERT, jwk: { kty: 'RSA', n: 'AQAB', e: 'AQAB' } },
    ],
  ])('never follows a token’s %s: only the issuer’s own discovery document counts', async (_name, header) => {
    const { http, requests } = anyIssuer();
    const forged = await sign(KNOWN, header, attacker);
    const genuine = await sign(KNOWN, header);
    const v = verifier(http);
    expect((await v.verify(forged)).kind).toBe('key-not-found'); // the attacker's key id is not among the issuer's keys
    expect((await v.verify(genuine)).kind).toBe('valid');
    const sameKid = await sign(KNOWN, { ...header, kid: 'key-1' }, attacker);
    expect((await v.verify(sameKid)).kind).toBe('invalid-signature');
    expect((await v.verify(await sign(STRANGER, header, attacker), { allowUnknownIssuer: true })).kind).toBe(
      'key-not-found',
    );
    const asked = requests.map((r) => r.url);
    expect(asked.every((url) => url.startsWith(`${KNOWN}/`) || url.startsWith(`${STRANGER}/`))).toBe(true);
    expect(asked.some((url) => url.startsWith('https://evil.example'))).toBe(false);
  });

  it('reads the environments at each check: an issuer added later is known from then on', async () => {
    const { http, requests } = anyIssuer();
    const known = [KNOWN];
    const v = verifier(http, known);
    expect((await v.verify(await sign(STRANGER))).kind).toBe('unknown-issuer');
    known.push(STRANGER);
    expect((await v.verify(await sign(STRANGER))).kind).toBe('valid');
    expect(requests).toHaveLength(2);
  });
});

describe('inspect:verify through the bridge', () => {
  async function core() {
    const { http, requests } = anyIssuer();
    const environment = {
      id: 'example',
      name: 'Example',
      kind: 'custom' as const,
      source: 'admin' as const,
      issuer: KNOWN,
      apiBase: 'https://api.example.com',
      clientId: 'X',
      redirectUri: 'http://127.0.0.1/cb',
      scopes: [],
    };
    return { core: await startCore(fakePorts({ http }), testConfig({ environments: [environment] })), requests };
  }

  it('answers unknown-issuer without a request, and checks once called again with allowUnknownIssuer: true', async () => {
    const { core: c, requests } = await core();
    const token = await sign(STRANGER);
    const asked = valueOf<VerifyResult>(await c.dispatch('inspect:verify', { token }));
    expect(asked).toMatchObject({
      kind: 'unknown-issuer',
      message: `This token names an issuer this app does not know: ${STRANGER}. Fetch its published keys?`,
    });
    expect(requests).toEqual([]);
    expect(valueOf<VerifyResult>(await c.dispatch('inspect:verify', { token, allowUnknownIssuer: false })).kind).toBe(
      'unknown-issuer',
    );
    expect(valueOf<VerifyResult>(await c.dispatch('inspect:verify', { token, allowUnknownIssuer: true })).kind).toBe(
      'valid',
    );
    expect(valueOf<VerifyResult>(await c.dispatch('inspect:verify', { token: await sign(KNOWN) })).kind).toBe('valid');
  });

  it('refuses a confirmation that is not true or false', async () => {
    const { core: c, requests } = await core();
    const answer = await c.dispatch('inspect:verify', { token: await sign(STRANGER), allowUnknownIssuer: 'yes' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await c.dispatch('inspect:verifyConnection', { id: 'gone', allowUnknownIssuer: true })).toMatchObject({
      ok: false,
      error: { code: 'unknown-connection' },
    });
    expect(requests).toEqual([]);
  });
});
