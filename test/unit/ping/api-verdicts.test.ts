import { describe, expect, it } from 'vitest';
import { diagnoseUnauthorised, unauthorisedVerdict } from '../../../main/core/ping/unauthorised';
import { verdictForFailure, verdictForStatus } from '../../../main/core/ping/verdicts';
import { fakeJwt } from './jwt';

const none = new Headers();
const NOW = Date.UTC(2026, 0, 10, 12, 0, 0);
const ISSUER = 'https://identity.approvalmax.com';

describe('a verdict and advice for every status class', () => {
  it.each([
    [200, 'success', 'good', /reachable and accepted the token/, /Nothing to do/],
    [400, 'bad-request', 'bad', /refused the request as invalid/, /response body/],
    [401, 'unauthorised', 'bad', /did not accept this access token/, /fresh token/],
    [403, 'forbidden', 'bad', /not allowed/, /Reconnect with the scopes/],
    [404, 'not-found', 'bad', /does not know this address/, /Check the path/],
    [407, 'proxy', 'bad', /proxy server .* asked for a sign-in/, /Ask IT/],
    [429, 'rate-limited', 'warning', /Too many requests/, /Wait a minute/],
    [500, 'server-error', 'bad', /problem on its side \(HTTP 500\)/, /Wait a few minutes/],
    [503, 'server-error', 'bad', /HTTP 503/, /trace id/],
    [302, 'unexpected-status', 'warning', /unexpected status/, /proxy/],
  ] as const)('HTTP %i → %s', (status, outcome, tone, headline, next) => {
    const verdict = verdictForStatus(status, none);
    expect(verdict).toMatchObject({ outcome, tone });
    expect(verdict.headline).toMatch(headline);
    expect(verdict.nextStep).toMatch(next);
    expect(verdict.explanation.length).toBeGreaterThan(30);
  });

  it('400 "The <companyId> is disabled" means a plan without API access', () => {
    const body = JSON.stringify({
      title: 'Bad Request',
      status: 400,
      detail: 'The 4f1d2c3b-aaaa-bbbb-cccc-0123456789ab is disabled.',
    });
    const verdict = verdictForStatus(400, none, { body });
    expect(verdict.outcome).toBe('api-access-disabled');
    expect(verdict.headline).toMatch(/plan does not include API access/);
    expect(verdict.nextStep).toMatch(/Account Owner/);
  });

  it('429 reads Retry-After in seconds, and says so when it is missing', () => {
    const verdict = verdictForStatus(429, new Headers({ 'Retry-After': '30' }));
    expect(verdict.explanation).toContain('wait 30 seconds');
    expect(verdict.nextStep).toBe('Try again in 30 seconds.');
    expect(verdictForStatus(429, new Headers({ 'Retry-After': '1' })).nextStep).toBe('Try again in 1 second.');
    expect(verdictForStatus(429, none).explanation).toContain('did not say how long to wait');
  });
});

describe('401: why the token was refused, from its own claims', () => {
  const token = (claims: Record<string, unknown>) =>
    fakeJwt({ iss: ISSUER, nbf: NOW / 1000 - 600, exp: NOW / 1000 + 3000, ...claims });

  it('an expired token says when it expired', async () => {
    const cause = await diagnoseUnauthorised(token({ exp: NOW / 1000 - 125 }), ISSUER, NOW);
    expect(cause).toEqual({ kind: 'expired', secondsAgo: 125 });
    const verdict = unauthorisedVerdict(cause, false);
    expect(verdict.headline).toBe('The access token has expired (HTTP 401).');
    expect(verdict.explanation).toContain('2 minutes 5 seconds ago');
  });

  it('a token of another environment names both issuers', async () => {
    const cause = await diagnoseUnauthorised(
      token({ iss: 'https://identitydev04.approvalmax.com' }),
      ISSUER + '/',
      NOW,
    );
    expect(cause.kind).toBe('wrong-issuer');
    const verdict = unauthorisedVerdict(cause, false);
    expect(verdict.explanation).toContain('https://identitydev04.approvalmax.com');
    expect(verdict.nextStep).toMatch(/Choose the environment/);
  });

  it('a current token of the right issuer points at a disabled or deleted connection', async () => {
    const cause = await diagnoseUnauthorised(token({}), ISSUER, NOW);
    expect(cause).toEqual({ kind: 'revoked', genuine: false });
    expect(unauthorisedVerdict(cause, false).explanation).toMatch(/disabled or deleted in ApprovalMax/);
    expect(unauthorisedVerdict(cause, true).nextStep).toMatch(/Reconnect on the Connections screen/);
  });

  it('a token from the future points at a clock', async () => {
    const cause = await diagnoseUnauthorised(token({ nbf: NOW / 1000 + 3600 }), ISSUER, NOW);
    expect(cause.kind).toBe('not-yet-valid');
    expect(unauthorisedVerdict(cause, false).nextStep).toMatch(/date and time/);
  });

  it('anything that is not a JWT gets the general explanation', async () => {
    expect(await diagnoseUnauthorised('not-a-token', ISSUER, NOW)).toEqual({ kind: 'unknown' });
    const verdict = verdictForStatus(401, none, { unauthorised: { kind: 'unknown' } });
    expect(verdict.explanation).toMatch(/expired.*different ApprovalMax environment.*disabled or deleted/);
  });
});

describe('requests that never got an answer', () => {
  const url = 'https://public-api.approvalmax.com/ping';
  it.each([
    ['timeout', /No answer from public-api.approvalmax.com within 15 seconds/, /internet connection/],
    ['dns', /could not be found/, /API address/],
    ['connection-refused', /Nothing is answering at public-api.approvalmax.com/, /make sure it is running/],
    ['tls', /secure connection .* could not be set up/, /clock/],
    ['proxy', /proxy server could not connect/, /Ask IT/],
    ['network', /connection to public-api.approvalmax.com failed/, /proxy settings/],
  ] as const)('%s', (failure, headline, next) => {
    const verdict = verdictForFailure(failure, url, 15_000);
    expect(verdict).toMatchObject({ outcome: failure, tone: 'bad' });
    expect(verdict.headline).toMatch(headline);
    expect(verdict.nextStep).toMatch(next);
  });
});
