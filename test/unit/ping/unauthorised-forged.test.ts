// A 401 for a forged token must not be explained as a disabled connection (issue 15, item 2).
import { SignJWT, createLocalJWKSet, exportJWK, generateKeyPair, type CryptoKey, type JWK } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PingReport } from '../../../preload/contract';
import { FetchedKeys } from '../../../main/core/inspect/issuer-keys';
import { diagnoseUnauthorised, unauthorisedVerdict } from '../../../main/core/ping/unauthorised';
import { verdictForStatus } from '../../../main/core/ping/verdicts';
import { startCore } from '../../../main/core/service';
import { valueOf } from '../connections/sim-harness';
import { fakeHttp, fakePorts, testConfig } from '../core/fakes';

const ISSUER = 'https://identity.example.com';
const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);
const KEYS_URL = `${ISSUER}/jwks`;
const FORGED = 'This token was altered or not signed by this environment (HTTP 401).';
const REVOKED = 'ApprovalMax no longer accepts this token (HTTP 401).';
const EXPIRED = 'The access token has expired (HTTP 401).';
const OTHER_ENVIRONMENT = 'This token belongs to a different ApprovalMax environment (HTTP 401).';

const b64u = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const claims = (overrides: Record<string, unknown> = {}) => ({
  iss: ISSUER,
  sub: 'someone',
  client_id: 'X',
  iat: NOW / 1000 - 60,
  nbf: NOW / 1000 - 60,
  exp: NOW / 1000 + 3540,
  ...overrides,
});

let jwk: JWK;
let privateKey: CryptoKey;
let genuine: string;
const sign = (payload: Record<string, unknown>) =>
  new SignJWT(payload).setProtectedHeader({ alg: 'PS256', kid: 'key-1', typ: 'at+jwt' }).sign(privateKey);

/** The environment's keys as the signature verifier would have left them. */
const knownKeys = () => {
  const keys = new FetchedKeys();
  keys.remember(ISSUER, { resolver: createLocalJWKSet({ keys: [jwk] }), keysUrl: KEYS_URL });
  return keys;
};

beforeAll(async () => {
  const pair = await generateKeyPair('PS256', { extractable: true });
  privateKey = pair.privateKey;
  jwk = { ...(await exportJWK(pair.publicKey)), kid: 'key-1', alg: 'PS256', use: 'sig' };
  genuine = await sign(claims());
});

/** The three parts of the genuine token, to tamper with. */
const parts = () => genuine.split('.') as [string, string, string];

const cases: [string, () => string | Promise<string>, string][] = [
  ['alg none (no signature)', () => `${b64u({ alg: 'none', typ: 'at+jwt' })}.${b64u(claims())}.`, FORGED],
  [
    'alg none with a signature part kept',
    () => `${b64u({ alg: 'none', typ: 'at+jwt' })}.${parts()[1]}.${parts()[2]}`,
    FORGED,
  ],
  ['alg "NONE"', () => `${b64u({ alg: 'NONE' })}.${b64u(claims())}.`, FORGED],
  ['PS256 but the signature cut off', () => `${parts()[0]}.${parts()[1]}.`, FORGED],
  [
    'tampered payload (sub changed)',
    () => `${parts()[0]}.${b64u(claims({ sub: 'someone-else' }))}.${parts()[2]}`,
    FORGED,
  ],
  [
    'tampered payload (expiry pushed out)',
    () => `${parts()[0]}.${b64u(claims({ exp: NOW / 1000 + 86_400 }))}.${parts()[2]}`,
    FORGED,
  ],
  [
    'tampered payload that is also expired',
    () => `${parts()[0]}.${b64u(claims({ exp: NOW / 1000 - 10, sub: 'x' }))}.${parts()[2]}`,
    FORGED,
  ],
  [
    'tampered signature (one character)',
    () => {
      const [h, p, s] = parts();
      return `${h}.${p}.${s.slice(0, 10)}${s[10] === 'A' ? 'B' : 'A'}${s.slice(11)}`;
    },
    FORGED,
  ],
  [
    'signed by another key with the same key id',
    async () => {
      const other = await generateKeyPair('PS256');
      return new SignJWT(claims()).setProtectedHeader({ alg: 'PS256', kid: 'key-1' }).sign(other.privateKey);
    },
    FORGED,
  ],
  ['valid but refused (HTTP 401)', () => genuine, REVOKED],
  ['valid, expired', () => sign(claims({ exp: NOW / 1000 - 120 })), EXPIRED],
  [
    'another environment, signed by a key this app does not hold',
    async () => {
      const other = await generateKeyPair('PS256');
      return new SignJWT(claims({ iss: 'https://identity.other.example.com' }))
        .setProtectedHeader({ alg: 'PS256', kid: 'other' })
        .sign(other.privateKey);
    },
    OTHER_ENVIRONMENT,
  ],
];

describe('a 401 with the environment’s keys known: forged tokens are named as such', () => {
  it.each(cases.map(([name, make, headline]) => ({ name, make, headline })))(
    '$name → $headline',
    async ({ make, headline }) => {
      const cause = await diagnoseUnauthorised(await make(), ISSUER, NOW, knownKeys());
      const verdict = verdictForStatus(401, new Headers(), { unauthorised: cause });
      expect(verdict.headline).toBe(headline);
      expect(verdict.outcome).toBe('unauthorised');
      if (headline === FORGED) {
        expect(verdict.explanation).not.toMatch(/disabled or deleted/);
        expect(verdict.nextStep).toMatch(/exactly as ApprovalMax issued it/);
      }
    },
  );

  it('says why: alg none, no signature, or a signature the published keys refuse', async () => {
    const reasons = await Promise.all([
      diagnoseUnauthorised(`${b64u({ alg: 'none' })}.${b64u(claims())}.`, ISSUER, NOW, knownKeys()),
      diagnoseUnauthorised(`${parts()[0]}.${parts()[1]}.`, ISSUER, NOW, knownKeys()),
      diagnoseUnauthorised(`${parts()[0]}.${b64u(claims({ sub: 'x' }))}.${parts()[2]}`, ISSUER, NOW, knownKeys()),
    ]);
    expect(reasons).toEqual([
      { kind: 'forged', reason: 'alg-none' },
      { kind: 'forged', reason: 'no-signature' },
      { kind: 'forged', reason: 'bad-signature' },
    ]);
    expect(unauthorisedVerdict(reasons[0]!, false).explanation).toMatch(/"alg": "none": it is not signed at all/);
    expect(unauthorisedVerdict(reasons[2]!, false).explanation).toMatch(
      /does not match the keys this environment publishes/,
    );
    expect(unauthorisedVerdict(reasons[2]!, true).nextStep).toMatch(/Reconnect on the Connections screen/);
  });

  it('a genuine refused token is called genuine, not merely current', async () => {
    const cause = await diagnoseUnauthorised(genuine, ISSUER, NOW, knownKeys());
    expect(cause).toEqual({ kind: 'revoked', genuine: true });
    expect(unauthorisedVerdict(cause, false).explanation).toMatch(
      /current and genuine \(its signature matches the keys this environment publishes\)/,
    );
  });
});

describe('a 401 without the environment’s keys: only what the token itself proves', () => {
  it.each(
    [
      ['alg none', () => `${b64u({ alg: 'none' })}.${b64u(claims())}.`, FORGED],
      ['no signature', () => `${parts()[0]}.${parts()[1]}.`, FORGED],
      // Without keys a changed payload cannot be told from a genuine token: say so, and point at the check.
      ['tampered payload', () => `${parts()[0]}.${b64u(claims({ sub: 'x' }))}.${parts()[2]}`, REVOKED],
      ['valid but refused', () => genuine, REVOKED],
    ].map(([name, make, headline]) => ({
      name: name as string,
      make: make as () => string,
      headline: headline as string,
    })),
  )('$name → $headline', async ({ make, headline }) => {
    const cause = await diagnoseUnauthorised(make(), ISSUER, NOW, new FetchedKeys());
    const verdict = unauthorisedVerdict(cause, false);
    expect(verdict.headline).toBe(headline);
    if (headline === REVOKED)
      expect(verdict.explanation).toMatch(
        /names this environment as its issuer.*"Check the signature" in the token inspector tells/,
      );
  });

  it('keys published under a new id (rotation) prove nothing either way', async () => {
    const rotated = await new SignJWT(claims())
      .setProtectedHeader({ alg: 'PS256', kid: 'key-2' })
      .sign((await generateKeyPair('PS256')).privateKey);
    expect(await diagnoseUnauthorised(rotated, ISSUER, NOW, knownKeys())).toEqual({ kind: 'revoked', genuine: false });
  });
});

describe('through the core: after "Check the signature", a tampered pasted token pinged for a 401', () => {
  it('is explained as altered, with no extra request on the ping path', async () => {
    const { http, requests } = fakeHttp((url) =>
      url === `${ISSUER}/.well-known/openid-configuration`
        ? Response.json({ issuer: ISSUER, jwks_uri: KEYS_URL })
        : url === KEYS_URL
          ? Response.json({ keys: [jwk] })
          : new Response('{"title":"Unauthorized"}', {
              status: 401,
              headers: { 'Content-Type': 'application/problem+json' },
            }),
    );
    const ports = fakePorts({ http });
    ports.clock.nowMs = NOW;
    const environment = {
      id: 'example',
      name: 'Example',
      kind: 'custom' as const,
      source: 'admin' as const,
      issuer: ISSUER,
      apiBase: 'https://api.example.com',
      clientId: 'X',
      redirectUri: 'http://127.0.0.1/cb',
      scopes: [],
    };
    const core = await startCore(ports, testConfig({ environments: [environment] }));
    const tampered = `${parts()[0]}.${b64u(claims({ sub: 'someone-else' }))}.${parts()[2]}`;

    const before = valueOf<PingReport>(
      await core.dispatch('ping:send', { environmentId: 'example', accessToken: tampered, path: '/api/v1/companies' }),
    );
    expect(before.verdict.headline).toBe(REVOKED); // keys not fetched yet: nothing fetched on the ping path
    expect(requests.map((r) => r.url)).toEqual(['https://api.example.com/api/v1/companies']);

    expect(valueOf<{ kind: string }>(await core.dispatch('inspect:verify', { token: tampered })).kind).toBe(
      'invalid-signature',
    );
    const after = valueOf<PingReport>(
      await core.dispatch('ping:send', { environmentId: 'example', accessToken: tampered, path: '/api/v1/companies' }),
    );
    expect(after.verdict.headline).toBe(FORGED);
    expect(after.verdict.explanation).not.toMatch(/disabled or deleted/);
    expect(requests.filter((r) => r.url.startsWith(ISSUER))).toHaveLength(2); // discovery and keys, once, for the inspector
    const genuinePing = valueOf<PingReport>(
      await core.dispatch('ping:send', { environmentId: 'example', accessToken: genuine, path: '/api/v1/companies' }),
    );
    expect(genuinePing.verdict.headline).toBe(REVOKED);
  });
});
