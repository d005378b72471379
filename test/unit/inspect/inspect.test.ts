import { describe, expect, it } from 'vitest';
import { UNSIGNED_WARNING, inspectToken } from '../../../main/core/inspect/inspect';
import { describeIssuerHost } from '../../../main/core/inspect/issuer';
import type { TokenInspectionOk } from '../../../main/core/inspect/types';
import { PS256_HEADER, amPayload, fakeJwt } from './helpers';

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const ENVIRONMENTS = [
  { id: 'production', name: 'Production', issuer: 'https://identity.approvalmax.com' },
  { id: 'sim', name: 'Simulator', issuer: 'http://127.0.0.1:4010/' },
];
const inspect = (header: object, payload: object): TokenInspectionOk => {
  const result = inspectToken(fakeJwt(header, payload), { now: NOW, environments: ENVIRONMENTS });
  if (!result.ok) throw new Error(result.error.reason);
  return result;
};

describe('issuer', () => {
  it.each([
    [
      'https://identity.approvalmax.com/',
      { id: 'production', name: 'Production' },
      /^Your “Production” environment\. ApprovalMax Production$/,
    ],
    ['HTTPS://IDENTITY.approvalmax.com', { id: 'production', name: 'Production' }, /Production/],
    ['http://127.0.0.1:4010', { id: 'sim', name: 'Simulator' }, /Simulator.*a server on this computer/i],
    ['https://identitydev04.approvalmax.com', null, /^identitydev04 — an ApprovalMax development server$/],
    [
      'https://identitystaging.approvalmax.com',
      null,
      /^identitystaging — an ApprovalMax server other than Production$/,
    ],
    ['http://localhost:3000', null, /^A server on this computer \(e\.g\. the simulator\)$/],
    ['https://login.example.com', null, /^login\.example\.com — not an ApprovalMax server$/],
    ['joe', null, /Not a web address/],
  ])('%s', (iss, environment, description) => {
    const { issuer } = inspect(PS256_HEADER, amPayload({ iss }));
    expect(issuer).toMatchObject({ value: iss, environment });
    expect(issuer!.description).toMatch(description);
  });

  it('is null when the token names no issuer', () =>
    expect(inspect(PS256_HEADER, amPayload({ iss: undefined })).issuer).toBeNull());
  it('does not take a look-alike host for ApprovalMax', () =>
    expect(describeIssuerHost('https://identity.approvalmax.com.evil.example')).toMatch(/not an ApprovalMax server/));
});

describe('warnings', () => {
  it('shouts about alg none even with a signature part', () =>
    expect(inspect({ alg: 'none' }, amPayload()).warnings[0]).toBe(UNSIGNED_WARNING));
  it('spots an ID token offered as an access token', () =>
    expect(
      inspect({ alg: 'PS256', typ: 'JWT' }, { iss: 'https://identity.approvalmax.com', nonce: 'n', aud: 'x' }).warnings,
    ).toContainEqual(expect.stringMatching(/ID token/)));
  it('does not call an ApprovalMax access token an ID token', () =>
    expect(inspect(PS256_HEADER, amPayload()).warnings).toHaveLength(1));
  it('names an unknown algorithm', () =>
    expect(inspect({ alg: 'XYZ1' }, amPayload()).warnings[0]).toMatch(/“XYZ1” is not one this app recognises/));
});

describe('rows', () => {
  it('shows unknown claims as they are, with no meaning and no flags', () => {
    const row = inspect(PS256_HEADER, amPayload({ tenant: { id: 7 } })).claims.find((r) => r.name === 'tenant')!;
    expect(row).toEqual({
      name: 'tenant',
      value: { id: 7 },
      display: '{"id":7}',
      meaning: null,
      kind: 'other',
      flags: [],
    });
  });

  it('gives a date row its ISO form and seconds', () => {
    const row = inspect(PS256_HEADER, amPayload()).claims.find((r) => r.name === 'exp')!;
    expect(row.date).toEqual({ iso: '2023-11-14T23:13:20.000Z', epochSeconds: 1_700_003_600 });
  });

  it('notes a lifetime other than nbf to exp', () =>
    expect(inspect(PS256_HEADER, amPayload({ nbf: undefined })).times.lifetimeSeconds).toBe(3600));
  it('reports a token without exp as never expiring', () => {
    const { times } = inspect(PS256_HEADER, amPayload({ exp: undefined }));
    expect(times).toMatchObject({
      state: 'no-expiry',
      expiresAt: null,
      notes: ['It has no expiry (exp): it never expires by itself'],
    });
  });
});
