import { describe, expect, it } from 'vitest';
import { isApprovalMaxIssuer, providerWords } from '../../../main/core/environments/provider-words';
import { explainRedirectError } from '../../../main/core/oauth/redirect-matcher';
import type { TokenFailureKind } from '../../../main/core/oauth/token-client';
import { explainTokenFailure } from '../../../main/core/oauth/token-failure-messages';

const KINDS: TokenFailureKind[] = [
  'invalid_client',
  'invalid_grant',
  'unauthorized_client',
  'invalid_scope',
  'access_denied',
  'no_refresh_token',
  'rate_limited',
  'server_error',
  'network',
  'bad_response',
];
const ACME = providerWords({ name: 'Acme staging', issuer: 'https://login.acme.example' });
const AMX = providerWords({ name: 'Production', issuer: 'https://identity.approvalmax.com' });

describe('words that fit the server', () => {
  it.each([
    ['https://identity.approvalmax.com', true],
    ['https://identitydev04.approvalmax.com', true],
    ['https://approvalmax.com.evil.example', false],
    ['http://127.0.0.1:4010', false],
    ['not a url', false],
  ])('%s is ApprovalMax: %s', (issuer, expected) => expect(isApprovalMaxIssuer(issuer)).toBe(expected));

  it.each(KINDS)('a %s failure at another server never says ApprovalMax, and names it', (kind) => {
    for (const grant of ['authorization_code', 'refresh_token'] as const) {
      const message = explainTokenFailure(kind, { grant, provider: ACME, status: 500 });
      expect(message).not.toContain('ApprovalMax');
      if (kind !== 'network') expect(message).toContain('Acme staging');
    }
  });

  it.each(KINDS)('a %s failure at ApprovalMax says ApprovalMax', (kind) => {
    expect(explainTokenFailure(kind, { provider: AMX, host: 'identity.approvalmax.com' })).toMatch(
      /ApprovalMax|identity\.approvalmax\.com/,
    );
  });

  it.each([
    'access_denied',
    'invalid_scope',
    'unauthorized_client',
    'invalid_request',
    'server_error',
    'something_else',
  ])('a redirect error %s names the server it came from', (error) => {
    const message = explainRedirectError(error, 'told so', ACME);
    expect(message).not.toContain('ApprovalMax');
    expect(message).toContain('Acme staging');
  });
});
