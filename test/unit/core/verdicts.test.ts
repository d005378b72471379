import { describe, expect, it } from 'vitest';
import { verdictForFailure, verdictForStatus } from '../../../main/core/ping/verdicts';

const none = new Headers();

describe('verdictForStatus', () => {
  it.each([
    [200, 'success', 'good', /reachable and accepted the token/],
    [204, 'success', 'good', /accepted the token/],
    [400, 'bad-request', 'bad', /refused the request/],
    [401, 'unauthorised', 'bad', /did not accept this access token/],
    [403, 'forbidden', 'bad', /not allowed/],
    [404, 'not-found', 'bad', /does not know this address/],
    [500, 'server-error', 'bad', /problem on its side \(HTTP 500\)/],
    [503, 'server-error', 'bad', /HTTP 503/],
    [302, 'unexpected-status', 'warning', /unexpected status \(HTTP 302\)/],
    [418, 'unexpected-status', 'warning', /HTTP 418/],
  ] as const)('HTTP %i → %s', (status, outcome, tone, headline) => {
    const verdict = verdictForStatus(status, none);
    expect(verdict).toMatchObject({ outcome, tone });
    expect(verdict.headline).toMatch(headline);
    expect(verdict.explanation.length).toBeGreaterThan(20);
    expect(verdict.nextStep.length).toBeGreaterThan(10);
  });

  it('401 names the likely causes: expiry, wrong environment, connection removed', () => {
    const { explanation } = verdictForStatus(401, none);
    expect(explanation).toMatch(/expired/);
    expect(explanation).toMatch(/different ApprovalMax environment/);
    expect(explanation).toMatch(/disabled or deleted/);
  });

  it('429 tells how long to wait from Retry-After', () => {
    const verdict = verdictForStatus(429, new Headers({ 'Retry-After': '30' }));
    expect(verdict).toMatchObject({ outcome: 'rate-limited', tone: 'warning' });
    expect(verdict.explanation).toContain('wait 30 seconds');
    expect(verdict.nextStep).toBe('Try again in 30 seconds.');
  });

  it('429 without Retry-After says so', () => {
    expect(verdictForStatus(429, none).explanation).toContain('did not say how long to wait');
  });
});

describe('verdictForFailure', () => {
  const url = 'https://public-api.approvalmax.com/ping';
  it.each([
    ['timeout', /No answer from public-api.approvalmax.com within 15 seconds/],
    ['dns', /could not be found/],
    ['connection-refused', /Nothing is answering at public-api.approvalmax.com/],
    ['tls', /secure connection .* could not be set up/],
    ['network', /connection to public-api.approvalmax.com failed/],
  ] as const)('%s', (failure, headline) => {
    const verdict = verdictForFailure(failure, url, 15_000);
    expect(verdict.outcome).toBe(failure);
    expect(verdict.tone).toBe('bad');
    expect(verdict.headline).toMatch(headline);
  });
});
