import { describe, expect, it } from 'vitest';
import { CONNECTION_CLAIM, connectionClaims } from '../../../main/core/connections/claims';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = (payload: Record<string, unknown>) =>
  `${b64({ alg: 'PS256', typ: 'at+jwt' })}.${b64(payload)}.c2lnbmF0dXJl`;

describe('connectionClaims', () => {
  it('reads the connection claim, the subject and a scope array', () => {
    const token = jwt({
      sub: 'user-42',
      [CONNECTION_CLAIM]: 'CONN-1',
      scope: ['https://www.approvalmax.com/scopes/public_api/read', 'offline_access'],
    });
    expect(connectionClaims(token)).toEqual({
      connectionId: 'CONN-1',
      subject: 'user-42',
      scopes: ['https://www.approvalmax.com/scopes/public_api/read', 'offline_access'],
    });
  });

  it('splits a space-separated scope string', () => {
    expect(connectionClaims(jwt({ scope: 'read write offline_access' })).scopes).toEqual([
      'read',
      'write',
      'offline_access',
    ]);
  });

  it('drops non-string entries from a scope array', () => {
    expect(connectionClaims(jwt({ scope: ['read', 7, null, { x: 1 }, 'write'] })).scopes).toEqual(['read', 'write']);
  });

  it('answers null for claims that are missing or of the wrong type', () => {
    expect(connectionClaims(jwt({}))).toEqual({ connectionId: null, subject: null, scopes: null });
    expect(connectionClaims(jwt({ sub: 12, [CONNECTION_CLAIM]: { id: 'x' }, scope: 5 }))).toEqual({
      connectionId: null,
      subject: null,
      scopes: null,
    });
  });

  it.each([
    '',
    'not-a-jwt',
    'a.b.c',
    `${b64({ alg: 'none' })}.${Buffer.from('not json').toString('base64url')}.x`,
    'Bearer xyz',
  ])('answers nulls for garbage: %j', (garbage) => {
    expect(connectionClaims(garbage)).toEqual({ connectionId: null, subject: null, scopes: null });
  });

  it('only decodes: a token with a broken signature still shows its claims', () => {
    const token = jwt({ sub: 'u', [CONNECTION_CLAIM]: 'C' }).replace(/\.[^.]+$/, '.AAAA');
    expect(connectionClaims(token)).toMatchObject({ connectionId: 'C', subject: 'u' });
  });
});
