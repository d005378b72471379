import { describe, expect, it } from 'vitest';
import { decodeToken } from '../../../main/core/inspect/decode';
import { extractTokens } from '../../../main/core/inspect/extract';
import { DECODING_IS_NOT_VERIFICATION, inspectToken } from '../../../main/core/inspect/inspect';
import { SAMPLE, withSpacesInSignature } from './helpers';

const CONNECTION = 'https://www.approvalmax.com/connection';
const LEGACY = 'https://www.approvalmax.com/scopes/public_api';
const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);

/** approvalmax-api.md, "The access token": the sample's header and every claim, in order. */
const DOCUMENTED_HEADER = { alg: 'PS256', kid: 'bba539eb95d4435a95506b857eacff8e', typ: 'at+jwt' };
const DOCUMENTED_CLAIMS = {
  nbf: 1682344013,
  exp: 1682347613,
  iss: 'https://identitydev04.approvalmax.com',
  client_id: '338CD5E0ABA744DB911838F9F9B09CFD',
  sub: '92581804-f202-4a87-90b1-a4c9677b9146',
  auth_time: 1682332872,
  idp: 'AMRemote',
  [CONNECTION]: '4a254104-b58d-4f2a-805a-599ea81846b9',
  jti: 'B2A4E6B4C2D2896B765F5A36EF976234',
  sid: '0E05911553A0B5A2A605ADB0A09E9F2D',
  iat: 1682343718,
  scope: [LEGACY, 'offline_access'],
  amr: ['external'],
};

describe('the real ApprovalMax sample token', () => {
  it('pasted as published (spaces in its signature) comes out as the clean token', () => {
    const result = extractTokens(withSpacesInSignature(SAMPLE, 3));
    expect(result.found).toEqual([{ label: 'token', token: SAMPLE }]);
    expect(result.notes).toEqual(['Removed 3 spaces inside the token']);
  });

  it('decodes to exactly the documented header and claims, in order, with a 256-byte signature', () => {
    const decoded = decodeToken(SAMPLE);
    if (!decoded.ok) throw new Error(decoded.error.reason);
    expect(decoded.header).toEqual(DOCUMENTED_HEADER);
    expect(decoded.payload).toEqual(DOCUMENTED_CLAIMS);
    expect(Object.keys(decoded.payload)).toEqual(Object.keys(DOCUMENTED_CLAIMS));
    expect(decoded.signatureBytes).toBe(256);
    expect(decoded.parts.signature).toBe(SAMPLE.split('.')[2]);
  });

  it('inspects as an expired PS256 token from identitydev04 with the documented times', () => {
    const inspection = inspectToken(SAMPLE, { now: NOW, environments: [] });
    if (!inspection.ok) throw new Error(inspection.error.reason);
    expect(inspection).toMatchObject({
      algorithm: 'PS256',
      keyId: 'bba539eb95d4435a95506b857eacff8e',
      tokenType: 'at+jwt',
      signatureBytes: 256,
      connectionId: '4a254104-b58d-4f2a-805a-599ea81846b9',
      subject: '92581804-f202-4a87-90b1-a4c9677b9146',
      clientId: '338CD5E0ABA744DB911838F9F9B09CFD',
      issuer: {
        value: 'https://identitydev04.approvalmax.com',
        environment: null,
        description: 'identitydev04 — an ApprovalMax development server',
      },
      times: {
        state: 'expired',
        expiresAt: { iso: '2023-04-24T14:46:53.000Z', epochSeconds: 1682347613 },
        notBefore: { iso: '2023-04-24T13:46:53.000Z', epochSeconds: 1682344013 },
        issuedAt: { iso: '2023-04-24T13:41:58.000Z', epochSeconds: 1682343718 },
        lifetimeSeconds: 3600,
        notes: ['Issued (iat) about 5 minutes before it became valid (nbf)'],
      },
      warnings: [DECODING_IS_NOT_VERIFICATION],
    });
  });

  it('explains each scope, the legacy one as legacy', () => {
    const inspection = inspectToken(SAMPLE, { now: NOW, environments: [] });
    if (!inspection.ok) throw new Error(inspection.error.reason);
    expect(inspection.scopes).toEqual([
      { scope: LEGACY, meaning: 'Access to the Public API (legacy: no longer granted to new tokens)' },
      { scope: 'offline_access', meaning: expect.stringMatching(/refresh token/) },
    ]);
  });

  it('gives every documented claim a meaning, a clean bill and the right kind', () => {
    const inspection = inspectToken(SAMPLE, { now: NOW, environments: [] });
    if (!inspection.ok) throw new Error(inspection.error.reason);
    expect(inspection.claims.map((row) => [row.name, row.kind])).toEqual([
      ['nbf', 'date'],
      ['exp', 'date'],
      ['iss', 'text'],
      ['client_id', 'text'],
      ['sub', 'text'],
      ['auth_time', 'date'],
      ['idp', 'text'],
      [CONNECTION, 'text'],
      ['jti', 'text'],
      ['sid', 'text'],
      ['iat', 'date'],
      ['scope', 'scope'],
      ['amr', 'list'],
    ]);
    for (const row of inspection.claims) {
      expect(row.meaning, row.name).toBeTruthy();
      expect(row.flags, row.name).toEqual([]);
    }
    expect(inspection.claims.find((row) => row.name === CONNECTION)!.meaning).toMatch(
      /ApprovalMax lists it under Connections, where it can be disabled or deleted/,
    );
    expect(inspection.header.find((row) => row.name === 'alg')!.meaning).toMatch(/PS256: RSA-PSS/);
  });

  it('is valid inside its hour and not valid before nbf', () => {
    const at = (seconds: number) => inspectToken(SAMPLE, { now: seconds * 1000, environments: [] });
    expect(at(1682344013 + 60)).toMatchObject({ times: { state: 'valid' } });
    expect(at(1682344013 - 60)).toMatchObject({ times: { state: 'not-yet-valid' } });
    expect(at(1682347613)).toMatchObject({ times: { state: 'expired' } });
  });
});
