// Shared material for the inspector's tests: the real sample token and ways to build odd tokens.
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';

/** The real ApprovalMax sample (dev server, long expired), as committed: no stray spaces. */
export const SAMPLE = readFileSync(
  new URL('../../fixtures/approvalmax-sample-token.txt', import.meta.url),
  'utf8',
).trim();

/** The sample's signature part, where the published copy had its stray spaces. */
export const SAMPLE_SIGNATURE = SAMPLE.split('.')[2]!;

/** The sample as published: spaces inside its signature (`count` of them, spread out). */
export function withSpacesInSignature(token: string, count = 2, space = ' '): string {
  const [header, payload, signature = ''] = token.split('.');
  let out = signature;
  for (let n = count; n >= 1; n--) {
    const at = Math.floor((signature.length * n) / (count + 1));
    out = out.slice(0, at) + space + out.slice(at);
  }
  return `${header}.${payload}.${out}`;
}

/** base64url of text, as a token part. */
export const b64u = (text: string): string => Buffer.from(text, 'utf8').toString('base64url');

/** A token from raw header and payload text and a signature of `signatureChars` base64url characters. */
export function rawToken(headerText: string, payloadText: string, signatureChars = 342): string {
  const signature = 'A'.repeat(Math.max(0, signatureChars - 1)) + (signatureChars > 0 ? 'g' : '');
  return `${b64u(headerText)}.${b64u(payloadText)}.${signature}`;
}

/** A token from header and payload objects (signature is well-formed but not genuine). */
export function fakeJwt(header: object, payload: object, signatureChars = 342): string {
  return rawToken(JSON.stringify(header), JSON.stringify(payload), signatureChars);
}

/** An ApprovalMax-shaped payload, with overrides. */
export function amPayload(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    nbf: 1_700_000_000,
    exp: 1_700_003_600,
    iss: 'https://identity.approvalmax.com',
    client_id: '338CD5E0ABA744DB911838F9F9B09CFD',
    sub: '92581804-f202-4a87-90b1-a4c9677b9146',
    iat: 1_700_000_000,
    scope: ['https://www.approvalmax.com/scopes/public_api/read', 'offline_access'],
    ...overrides,
  };
}

/** The sample's header: what ApprovalMax's access tokens carry. */
export const PS256_HEADER = { alg: 'PS256', kid: 'bba539eb95d4435a95506b857eacff8e', typ: 'at+jwt' };

/** Fails unless the value is plain data the bridge can carry: no functions, undefined in lists, Infinity, NaN or bigint. */
export function expectSerialisable(value: unknown, where = 'value'): void {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') return void expect(Number.isFinite(value), `${where} is not finite`).toBe(true);
  if (Array.isArray(value)) return value.forEach((item, index) => expectSerialisable(item, `${where}[${index}]`));
  expect(typeof value, `${where} is a ${typeof value}`).toBe('object');
  const proto = Object.getPrototypeOf(value);
  expect(proto === null || proto === Object.prototype, `${where} is not a plain object`).toBe(true);
  for (const [key, item] of Object.entries(value as object)) {
    expect(item, `${where}.${key} is undefined`).not.toBeUndefined();
    expectSerialisable(item, `${where}.${key}`);
  }
}
