// The simulator's strict mode behaves as oidc-provider does by the OpenID Connect rules, unlike its
// ApprovalMax-like mode: openid required, offline access (a refresh token) only with prompt=consent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../sim/index';
import { API_SCOPES } from '../../sim/fixtures';

const READ_OFFLINE = [API_SCOPES.read, 'offline_access'];

describe('simulator, strict OpenID Connect mode', () => {
  let sim: Simulator;
  beforeAll(async () => void (sim = await startSimulator({ quiet: true, strictOidc: true })));
  afterAll(() => sim.stop());

  it('refuses a request without openid on its own error page (HTTP 400), without redirecting back', async () => {
    const url = new URL('/connect/authorize', sim.issuer);
    url.search = new URLSearchParams({
      response_type: 'code',
      client_id: sim.clientId,
      redirect_uri: sim.redirectUri,
      scope: READ_OFFLINE.join(' '),
      state: 's',
    }).toString();
    const res = await fetch(url, { redirect: 'manual' });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('invalid_scope');
  });

  it('drops offline_access without prompt=consent: no refresh token', async () => {
    const tokens = await sim.issueTokens({ scopes: ['openid', ...READ_OFFLINE] });
    expect(tokens.refresh_token).toBeUndefined();
    expect(tokens.scope?.split(' ')).not.toContain('offline_access');
  });

  it('grants offline access with prompt=consent: a refresh token that renews', async () => {
    const tokens = await sim.issueTokens({ scopes: ['openid', ...READ_OFFLINE], prompt: 'consent' });
    expect(tokens.refresh_token).toEqual(expect.any(String));
    expect(tokens.scope?.split(' ')).toContain('offline_access');
    const renewed = await fetch(new URL('/connect/token', sim.issuer), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: tokens.refresh_token!,
        client_id: sim.clientId,
        client_secret: sim.clientSecret,
      }),
    });
    expect(renewed.status).toBe(200);
  });
});

describe('simulator, ApprovalMax mode (the default)', () => {
  let sim: Simulator;
  beforeAll(async () => void (sim = await startSimulator({ quiet: true })));
  afterAll(() => sim.stop());

  it('grants offline access to the documented request: no openid, no prompt', async () => {
    const tokens = await sim.issueTokens({ scopes: READ_OFFLINE });
    expect(tokens.refresh_token).toEqual(expect.any(String));
  });
});
