import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeToken } from '../../../main/core/inspect/decode';
import { extractTokens } from '../../../main/core/inspect/extract';
import { UNSIGNED_WARNING, inspectToken } from '../../../main/core/inspect/inspect';
import type {
  DecodeResult,
  InspectedRow,
  TokenInspection,
  TokenInspectionOk,
  TokenPart,
} from '../../../main/core/inspect/types';
import { PS256_HEADER, SAMPLE, amPayload, b64u, expectSerialisable, fakeJwt, rawToken } from './helpers';

/** RFC 7515 Appendix A.1 (HS256 JWS); RFC 7519 §3.1 prints the very same token as its example JWT. */
const RFC7515_A1 =
  'eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const RFC7519_3_1 = RFC7515_A1;
/** RFC 7515 Appendix A.1's HMAC key (the JWK "k"), to prove the copy above is exact. */
const RFC7515_A1_KEY = 'AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow';
/** RFC 7519 §6.1: the unsecured JWT example (alg "none", empty signature). */
const RFC7519_6_1 =
  'eyJhbGciOiJub25lIn0.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.';

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const NOW_S = NOW / 1000;
const H = JSON.stringify(PS256_HEADER);
const P = JSON.stringify(amPayload());
const [SH, SP, SS] = SAMPLE.split('.') as [string, string, string];

type Check = (decoded: Extract<DecodeResult, { ok: true }>, inspection: TokenInspectionOk) => void;
type Case = { name: string; token: unknown } & ({ error: [TokenPart, RegExp] } | { check: Check });

const claim = (inspection: TokenInspectionOk, name: string): InspectedRow => {
  const row = inspection.claims.find((r) => r.name === name);
  if (!row) throw new Error(`no ${name} row`);
  return row;
};
const withPayload = (overrides: Record<string, unknown>) => fakeJwt(PS256_HEADER, amPayload(overrides));
const withPayloadText = (text: string) => rawToken(H, text);

const CORPUS: Case[] = [
  // Structure
  { name: 'empty', token: '', error: ['structure', /The token is empty/] },
  {
    name: 'one part',
    token: 'eyJhbGciOiJQUzI1NiJ9',
    error: ['structure', /three parts separated by dots; this one has 1$/],
  },
  { name: 'two parts', token: `${SH}.${SP}`, error: ['structure', /this one has 2$/] },
  { name: 'four parts', token: `${SAMPLE}.${SS}`, error: ['structure', /this one has 4$/] },
  {
    name: 'five parts (an encrypted JWE)',
    token: 'eyJhbGciOiJSU0ExXzUiLCJlbmMiOiJBMTI4Q0JDLUhTMjU2In0.QR1O.AxY8.KDlT.fiK5',
    error: ['structure', /encrypted token \(JWE\)/],
  },
  { name: 'only dots', token: '..', error: ['header', /The header part is empty/] },
  { name: 'empty payload', token: `${SH}..${SS}`, error: ['payload', /The payload part is empty/] },
  {
    name: 'whitespace inside',
    token: `${SH}.${SP}.${SS.slice(0, 9)} ${SS.slice(9)}`,
    error: ['structure', /spaces or line breaks/],
  },
  { name: 'not text at all', token: 42, error: ['structure', /not text/] },
  { name: 'null', token: null, error: ['structure', /not text/] },
  {
    name: 'larger than 4 MB',
    token: `${SH}.${'A'.repeat(4 * 1024 * 1024)}.${SS}`,
    error: ['structure', /larger than 4 MB/],
  },
  // base64url
  {
    name: 'invalid characters in the header',
    token: `${SH.slice(0, 5)}!${SH.slice(6)}.${SP}.${SS}`,
    error: ['header', /not valid base64url: it contains characters/],
  },
  {
    name: 'padding on the header',
    token: `${b64u('{"alg":"PS256"}')}==.${SP}.${SS}`,
    error: ['header', /“=” padding/],
  },
  {
    name: 'standard base64 in the payload',
    token: `${SH}.${Buffer.from('{"a":"???>>>"}').toString('base64').replace(/=+$/, '')}.${SS}`,
    error: ['payload', /standard base64 characters \(\+ or \/\)/],
  },
  {
    name: 'invalid character in the signature',
    token: `${SH}.${SP}.${SS.slice(0, 20)}*${SS.slice(21)}`,
    error: ['signature', /The signature is not valid base64url/],
  },
  {
    name: 'impossible header length',
    token: `eyJhbGciOiJQUzI1NiJ9A.${SP}.${SS}`,
    error: ['header', /one character too many or too few/],
  },
  {
    name: 'a unicode letter in the payload',
    token: `${SH}.${SP.slice(0, 10)}é${SP.slice(11)}.${SS}`,
    error: ['payload', /characters that cannot appear/],
  },
  // JSON
  { name: 'header not JSON', token: rawToken('hello there', P), error: ['header', /^The header is not JSON$/] },
  { name: 'header an array', token: rawToken('["PS256"]', P), error: ['header', /not a JSON object: it is a list/] },
  { name: 'header a number', token: rawToken('256', P), error: ['header', /not a JSON object: it is a number/] },
  {
    name: 'header a string',
    token: rawToken('"PS256"', P),
    error: ['header', /not a JSON object: it is a piece of text/],
  },
  { name: 'header null', token: rawToken('null', P), error: ['header', /not a JSON object: it is null/] },
  { name: 'payload not JSON', token: withPayloadText('{"exp": 17'), error: ['payload', /^The payload is not JSON$/] },
  {
    name: 'payload an array',
    token: withPayloadText('[1,2]'),
    error: ['payload', /The payload is not a JSON object: it is a list/],
  },
  {
    name: 'payload a number',
    token: withPayloadText('1682347613'),
    error: ['payload', /not a JSON object: it is a number/],
  },
  {
    name: 'payload a string',
    token: withPayloadText('"hello"'),
    error: ['payload', /not a JSON object: it is a piece of text/],
  },
  { name: 'payload true', token: withPayloadText('true'), error: ['payload', /not a JSON object: it is true/] },
  {
    name: 'payload bytes not UTF-8',
    token: `${SH}.${Buffer.from([0x7b, 0xff, 0xfe, 0x7d]).toString('base64url')}.${SS}`,
    error: ['payload', /not valid UTF-8/],
  },
  // Types: decodable, flagged
  {
    name: 'exp as a string',
    token: withPayload({ exp: '1700003600' }),
    check: (_d, i) =>
      expect(claim(i, 'exp').flags).toEqual(['should be a number of seconds but is the text "1700003600"']),
  },
  {
    name: 'exp as 1.5',
    token: withPayload({ exp: 1.5 }),
    check: (_d, i) => expect(claim(i, 'exp').flags).toContain('should be a whole number of seconds but is 1.5'),
  },
  {
    name: 'exp: 1e400 (infinity)',
    token: withPayloadText('{"exp":1e400,"iss":"https://identity.approvalmax.com"}'),
    check: (d, i) => {
      expect(d.payload.exp).toBe(Infinity);
      expect(claim(i, 'exp')).toMatchObject({
        value: null,
        flags: ['is too large to be a date (it reads as infinity)'],
      });
      expect(claim(i, 'exp').date).toBeUndefined();
      expect(i.times.state).toBe('no-expiry');
      expect(i.times.notes).toContain('The expiry (exp) is not a usable date, so when it expires is unknown');
    },
  },
  {
    name: 'nbf: -1e400',
    token: withPayloadText('{"nbf":-1e400}'),
    check: (_d, i) => expect(claim(i, 'nbf').flags).toEqual(['is too large to be a date (it reads as infinity)']),
  },
  {
    name: 'exp in milliseconds',
    token: withPayload({ exp: 1_700_003_600_000 }),
    check: (_d, i) => expect(claim(i, 'exp').flags).toEqual([expect.stringMatching(/looks like milliseconds/)]),
  },
  {
    name: 'nbf in the future',
    token: withPayload({ nbf: NOW_S + 600, iat: NOW_S, exp: NOW_S + 4200 }),
    check: (_d, i) => {
      expect(i.times.state).toBe('not-yet-valid');
      expect(i.times.notes).toContain('nbf is in the future: it becomes valid in 10 minutes');
    },
  },
  {
    name: 'iat after nbf',
    token: withPayload({ iat: 1_700_000_120 }),
    check: (_d, i) =>
      expect(i.times.notes).toContain('iat is after nbf: it was issued 2 minutes after it became valid'),
  },
  {
    name: 'exp before nbf',
    token: withPayload({ exp: 1_699_999_000 }),
    check: (_d, i) =>
      expect(i.times.notes).toContain('It expires (exp) before it becomes valid (nbf), so it can never be used'),
  },
  {
    name: 'sub as a number',
    token: withPayload({ sub: 12345 }),
    check: (_d, i) => expect(claim(i, 'sub').flags).toEqual(['not a string: it is a number']),
  },
  {
    name: 'scope as a number',
    token: withPayload({ scope: 7 }),
    check: (_d, i) =>
      expect(claim(i, 'scope').flags).toEqual(['should be a list of scopes or space-separated text but is a number']),
  },
  {
    name: 'scope as space-separated text (RFC 9068)',
    token: withPayload({ scope: 'openid https://www.approvalmax.com/scopes/public_api/write x' }),
    check: (_d, i) => {
      expect(claim(i, 'scope').kind).toBe('scope');
      expect(i.scopes.map((s) => s.scope)).toEqual([
        'openid',
        'https://www.approvalmax.com/scopes/public_api/write',
        'x',
      ]);
      expect(i.scopes[2]!.meaning).toBeNull();
    },
  },
  {
    name: 'amr as text',
    token: withPayload({ amr: 'pwd' }),
    check: (_d, i) => expect(claim(i, 'amr').flags).toEqual(['should be a list but is a single piece of text']),
  },
  {
    name: 'alg as a number',
    token: fakeJwt({ alg: 256 }, amPayload()),
    check: (_d, i) => expect(i.header[0]!.flags).toEqual(['not a string: it is a number']),
  },
  // Signing
  {
    name: 'RFC 7519 §6.1 unsecured JWT (alg none)',
    token: RFC7519_6_1,
    check: (d, i) => {
      expect(d.signatureBytes).toBe(0);
      expect(i.warnings[0]).toBe(UNSIGNED_WARNING);
      expect(i.header[0]!.flags).toEqual(['the token is not signed']);
    },
  },
  {
    name: 'PS256 header but empty signature',
    token: rawToken(H, P, 0),
    check: (_d, i) => expect(i.warnings[0]).toBe(UNSIGNED_WARNING),
  },
  {
    name: 'HS256',
    token: fakeJwt({ alg: 'HS256' }, amPayload(), 43),
    check: (_d, i) => expect(i.warnings[0]).toMatch(/^This token is signed with a shared secret \(HS256\)/),
  },
  {
    name: 'a key embedded in the header',
    token: fakeJwt({ ...PS256_HEADER, jwk: { kty: 'RSA' } }, amPayload()),
    check: (_d, i) => expect(i.warnings).toContainEqual(expect.stringMatching(/names its own signing key/)),
  },
  // Size, depth, prototypes
  {
    name: 'a 1 MB payload',
    token: withPayload({ big: 'x'.repeat(1024 * 1024) }),
    check: (d, i) => {
      expect((d.payload.big as string).length).toBe(1024 * 1024);
      expect(claim(i, 'big').display).toBe(`${'x'.repeat(2000)}… (1,046,576 more characters)`);
    },
  },
  {
    name: 'deeply nested',
    token: withPayloadText(`{"deep":${'['.repeat(5000)}${']'.repeat(5000)}}`),
    check: (_d, i) => expect(JSON.stringify(claim(i, 'deep').value)).toContain('nested too deeply'),
  },
  {
    name: '__proto__ in the payload',
    token: withPayloadText('{"__proto__":{"polluted":"yes","exp":1},"sub":"x"}'),
    check: (d, i) => {
      expect(Object.getPrototypeOf(d.payload)).toBe(Object.prototype);
      expect(claim(i, '__proto__')).toMatchObject({ meaning: null, value: { polluted: 'yes', exp: 1 } });
      expect(i.times.expiresAt).toBeNull();
    },
  },
  {
    name: '__proto__ in the header',
    token: rawToken('{"__proto__":{"alg":"none"},"alg":"PS256"}', P),
    check: (_d, i) => expect(i.algorithm).toBe('PS256'),
  },
  {
    name: 'constructor and toString keys',
    token: withPayloadText('{"constructor":{"prototype":{"polluted":"yes"}},"toString":1}'),
    check: (_d, i) => {
      expect(claim(i, 'constructor').meaning).toBeNull();
      expect(i.scopes).toEqual([]);
      expect(i.subject).toBeNull();
    },
  },
  {
    name: 'a payload with no claims',
    token: withPayloadText('{}'),
    check: (_d, i) => expect(i).toMatchObject({ claims: [], issuer: null, times: { state: 'no-expiry' } }),
  },
  {
    name: 'RFC 7515 Appendix A.1 example JWS',
    token: RFC7515_A1,
    check: (d, i) => {
      expect(d.header).toEqual({ typ: 'JWT', alg: 'HS256' });
      expect(d.payload).toEqual({ iss: 'joe', exp: 1300819380, 'http://example.com/is_root': true });
      expect(d.signatureBytes).toBe(32);
      expect(i.times.state).toBe('expired');
    },
  },
  {
    name: 'RFC 7519 §3.1 example JWT',
    token: RFC7519_3_1,
    check: (d, i) => {
      expect(d.json.header).toBe('{"typ":"JWT",\r\n "alg":"HS256"}');
      expect(i.tokenType).toBe('JWT');
      expect(claim(i, 'http://example.com/is_root')).toMatchObject({ value: true, meaning: null, kind: 'other' });
    },
  },
];

describe('malformed-token corpus: a typed error or a validated result, never an exception', () => {
  it('has at least 40 cases', () => expect(CORPUS.length).toBeGreaterThanOrEqual(40));

  it.each(CORPUS)('$name', (item) => {
    const decoded = decodeToken(item.token as string);
    const inspection: TokenInspection = inspectToken(item.token as string, { now: NOW, environments: [] });
    expect(() => extractTokens(item.token as string)).not.toThrow();
    expectSerialisable(inspection);
    if ('error' in item) {
      expect(decoded.ok).toBe(false);
      if (decoded.ok) return;
      expect(decoded.error.part).toBe(item.error[0]);
      expect(decoded.error.reason).toMatch(item.error[1]);
      expect(inspection).toEqual(decoded);
    } else {
      expect(decoded.ok).toBe(true);
      if (!decoded.ok || !inspection.ok) throw new Error('expected a decoded token');
      item.check(decoded, inspection);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('copies the RFC 7515 A.1 example exactly: its HMAC checks out with the RFC key', () => {
    const [h, p, s] = RFC7515_A1.split('.');
    expect(createHmac('sha256', Buffer.from(RFC7515_A1_KEY, 'base64url')).update(`${h}.${p}`).digest('base64url')).toBe(
      s,
    );
  });
});
