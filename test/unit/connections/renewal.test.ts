import { describe, expect, it } from 'vitest';
import { renewalNote, renewalOf } from '../../../main/core/connections/renewal';
import { APPROVALMAX_WORDS, providerWords } from '../../../main/core/environments/provider-words';

const REQUESTED = ['openid', 'read', 'offline_access'];

describe('what a token response granted, and what the card says', () => {
  it.each([
    ['refresh token, offline_access granted', 'r', ['openid', 'offline_access'], 'offline'],
    ['refresh token, granted scope without offline_access (session-bound)', 'r', ['openid', 'read'], 'session'],
    ['refresh token, no scope in the response: what was asked was granted', 'r', null, 'offline'],
    ['no refresh token', null, ['openid', 'offline_access'], 'none'],
    ['no refresh token, no scope', null, null, 'none'],
  ] as const)('%s → %s', (_name, refreshToken, granted, renewal) => {
    expect(renewalOf(refreshToken, granted, REQUESTED)).toBe(renewal);
  });

  it('a refresh token without offline_access asked for is session-bound too', () => {
    expect(renewalOf('r', null, ['openid', 'read'])).toBe('session');
  });

  it('says how long each lasts, naming the server, and nothing for offline access', () => {
    const acme = providerWords({ name: 'Acme staging', issuer: 'https://login.acme.example' });
    expect(renewalNote('offline', acme)).toBeNull();
    expect(renewalNote('session', acme)).toMatch(
      /^Renews only while your sign-in session at Acme staging lasts.*offline access to be enabled/,
    );
    expect(renewalNote('none', acme)).toMatch(/^Has no refresh token, so it stops working/);
    expect(renewalNote('session', APPROVALMAX_WORDS)).toContain('the ApprovalMax developer portal');
    expect(renewalNote('session', acme)).not.toContain('ApprovalMax');
  });
});
