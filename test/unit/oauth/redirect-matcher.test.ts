import { describe, expect, it } from 'vitest';
import { createAuthorization, PendingFlows } from '../../../main/core/oauth/authorization-request';
import {
  explainRedirectError,
  isRedirectTarget,
  matchRedirect,
  type RedirectMatch,
} from '../../../main/core/oauth/redirect-matcher';
import { FakeClock } from '../core/fakes';

const REDIRECT = 'https://approvalmax-connect.invalid/callback';
const STATE = 'Zm9vYmFyYmF6cXV4cXV1eDEyMzQ1Njc4';
const ok = `code=THE-CODE&state=${STATE}&scope=openid&session_state=abc`;

describe('isRedirectTarget / matchRedirect: which URLs are ours', () => {
  it.each<[string, string, boolean]>([
    ['exact', `${REDIRECT}?${ok}`, true],
    ['host in upper case', `https://APPROVALMAX-CONNECT.INVALID/callback?${ok}`, true],
    ['explicit default port 443', `https://approvalmax-connect.invalid:443/callback?${ok}`, true],
    [
      'dot segments the browser resolves to the same path',
      `https://approvalmax-connect.invalid/x/../callback?${ok}`,
      true,
    ],
    [
      'encoded dot segments the browser resolves to the same path',
      `https://approvalmax-connect.invalid/x/%2e%2e/callback?${ok}`,
      true,
    ],
    ['percent-encoded unreserved letter', `https://approvalmax-connect.invalid/%63allback?${ok}`, true],
    ['look-alike host (suffix)', `https://approvalmax-connect.invalid.evil.com/callback?${ok}`, false],
    ['look-alike host (prefix)', `https://evil-approvalmax-connect.invalid/callback?${ok}`, false],
    ['our host as a path on another host', `https://evil.com/approvalmax-connect.invalid/callback?${ok}`, false],
    ['user info', `https://user@approvalmax-connect.invalid/callback?${ok}`, false],
    ['user info with password', `https://user:pw@approvalmax-connect.invalid/callback?${ok}`, false],
    ['our host as user info of another host', `https://approvalmax-connect.invalid@evil.com/callback?${ok}`, false],
    ['other port', `https://approvalmax-connect.invalid:8443/callback?${ok}`, false],
    ['other scheme (http)', `http://approvalmax-connect.invalid/callback?${ok}`, false],
    ['dot segments leading elsewhere', `https://approvalmax-connect.invalid/callback/../evil?${ok}`, false],
    ['encoded dot segments leading elsewhere', `https://approvalmax-connect.invalid/callback/%2e%2e/evil?${ok}`, false],
    ['trailing slash', `https://approvalmax-connect.invalid/callback/?${ok}`, false],
    ['path prefix', `https://approvalmax-connect.invalid/call?${ok}`, false],
    ['path suffix', `https://approvalmax-connect.invalid/callbackx?${ok}`, false],
    ['deeper path', `https://approvalmax-connect.invalid/callback/more?${ok}`, false],
    ['path in other case', `https://approvalmax-connect.invalid/CALLBACK?${ok}`, false],
    ['encoded slash', `https://approvalmax-connect.invalid/call%2Fback?${ok}`, false],
    ['not a URL', 'approvalmax-connect.invalid/callback', false],
    ['the identity server page', 'https://identity.approvalmax.com/connect/authorize?client_id=x', false],
  ])('%s', (_name, url, expected) => {
    expect(isRedirectTarget(url, REDIRECT)).toBe(expected);
    expect(matchRedirect(url, REDIRECT, STATE).kind === 'not-ours').toBe(!expected);
  });

  it('compares a redirect URI with a port against the same port only', () => {
    const local = 'http://127.0.0.1:53682/callback';
    expect(isRedirectTarget('http://127.0.0.1:53682/callback?code=x', local)).toBe(true);
    expect(isRedirectTarget('http://127.0.0.1/callback?code=x', local)).toBe(false);
    expect(isRedirectTarget('http://localhost:53682/callback?code=x', local)).toBe(false);
  });

  it('never matches when the configured redirect URI is not a URL', () => {
    expect(isRedirectTarget(`${REDIRECT}?${ok}`, 'not a url')).toBe(false);
  });
});

describe('matchRedirect: what the answer says', () => {
  it.each<[string, string, RedirectMatch]>([
    ['code with state and scope', `?${ok}`, { kind: 'code', code: 'THE-CODE', state: STATE, scope: 'openid' }],
    ['code without scope', `?code=C&state=${STATE}`, { kind: 'code', code: 'C', state: STATE }],
    ['wrong state', '?code=C&state=someone-else', { kind: 'state-mismatch' }],
    ['state differing only in case', `?code=C&state=${STATE.toLowerCase()}`, { kind: 'state-mismatch' }],
    ['missing state', '?code=C', { kind: 'state-mismatch' }],
    ['empty state', '?code=C&state=', { kind: 'state-mismatch' }],
    ['two states, one right', `?code=C&state=${STATE}&state=x`, { kind: 'state-mismatch' }],
    [
      'two codes',
      `?code=A&code=B&state=${STATE}`,
      { kind: 'error', error: 'invalid_request', description: expect.any(String), state: STATE },
    ],
    ['two codes and a wrong state', '?code=A&code=B&state=x', { kind: 'state-mismatch' }],
    [
      'empty code',
      `?code=&state=${STATE}`,
      { kind: 'error', error: 'invalid_request', description: expect.any(String), state: STATE },
    ],
    [
      'access_denied without description',
      `?error=access_denied&state=${STATE}`,
      { kind: 'error', error: 'access_denied', state: STATE },
    ],
    [
      'access_denied with description',
      `?error=access_denied&error_description=User%20said%20no&state=${STATE}`,
      { kind: 'error', error: 'access_denied', description: 'User said no', state: STATE },
    ],
    ['error without state', '?error=access_denied', { kind: 'error', error: 'access_denied' }],
    ['error with a wrong state', '?error=access_denied&state=forged', { kind: 'state-mismatch' }],
    [
      'error and code together',
      `?error=server_error&code=C&state=${STATE}`,
      { kind: 'error', error: 'server_error', state: STATE },
    ],
    ['two errors', `?error=a&error=b&state=${STATE}`, { kind: 'error', error: 'invalid_request', state: STATE }],
    [
      'nothing at all',
      '',
      { kind: 'error', error: 'invalid_request', description: expect.stringContaining('without a sign-in code') },
    ],
    [
      'answer only in the fragment',
      `#code=C&state=${STATE}`,
      { kind: 'error', error: 'invalid_request', description: expect.stringContaining('unexpected part') },
    ],
    [
      'query wins over a fragment',
      `?code=Q&state=${STATE}#code=F&state=${STATE}`,
      { kind: 'code', code: 'Q', state: STATE },
    ],
    ['encoded characters in the code', `?code=a%2Bb%3D&state=${STATE}`, { kind: 'code', code: 'a+b=', state: STATE }],
  ])('%s', (_name, suffix, expected) => {
    expect(matchRedirect(`${REDIRECT}${suffix}`, REDIRECT, STATE)).toEqual(expected);
  });

  it('treats an empty expected state as never matching', () => {
    expect(matchRedirect(`${REDIRECT}?code=C&state=`, REDIRECT, '')).toEqual({ kind: 'state-mismatch' });
  });
});

describe('a replayed redirect', () => {
  it('finds no pending flow the second time, so no second token request can start', () => {
    const clock = new FakeClock();
    const flows = new PendingFlows(clock);
    const flow = createAuthorization(
      {
        authorizationEndpoint: 'https://id.example.test/connect/authorize',
        clientId: 'c',
        redirectUri: REDIRECT,
        scopes: ['openid'],
      },
      clock.now(),
    );
    flows.add(flow);
    const url = `${REDIRECT}?code=C&state=${flow.state}`;
    const first = new URL(url).searchParams.get('state') ?? '';
    const pending = flows.take(first);
    expect(pending).not.toBeNull();
    expect(matchRedirect(url, REDIRECT, pending?.state ?? '')).toMatchObject({ kind: 'code', code: 'C' });
    expect(flows.take(first)).toBeNull();
  });
});

describe('explainRedirectError', () => {
  it('explains access_denied with the roles that may consent', () => {
    const text = explainRedirectError('access_denied');
    expect(text).toMatch(/declined/);
    expect(text).toMatch(/Account Owners/);
    expect(text).not.toMatch(/ApprovalMax said/);
  });

  it('quotes a description on one line and cuts a long one', () => {
    const text = explainRedirectError('access_denied', `line one\nline two${'x'.repeat(1000)}`);
    expect(text).toContain('ApprovalMax said: "line one line two');
    expect(text).not.toContain('\n');
    expect(text.length).toBeLessThan(900);
  });

  it('names an unknown error code and says what to do', () => {
    expect(explainRedirectError('login_required')).toMatch(/"login_required".*Check the environment settings/);
  });
});
