import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  codeChallengeFor,
  createAuthorization,
  PENDING_FLOW_TTL_MS,
  PendingFlows,
  type AuthorizationParams,
} from '../../../main/core/oauth/authorization-request';
import { FakeClock } from '../core/fakes';

const PARAMS: AuthorizationParams = {
  authorizationEndpoint: 'https://identity.approvalmax.com/connect/authorize',
  clientId: '0123456789ABCDEF0123456789ABCDEF',
  redirectUri: 'https://approvalmax-connect.invalid/callback',
  scopes: ['https://www.approvalmax.com/scopes/public_api/read', 'offline_access'],
};
const NOW = Date.UTC(2026, 0, 1);
const B64URL = /^[A-Za-z0-9_-]+$/;

describe('createAuthorization', () => {
  it('builds the authorize URL with every parameter ApprovalMax and PKCE need', () => {
    const flow = createAuthorization(PARAMS, NOW);
    const url = new URL(flow.url);
    expect(`${url.origin}${url.pathname}`).toBe('https://identity.approvalmax.com/connect/authorize');
    const q = url.searchParams;
    expect(q.get('response_type')).toBe('code');
    expect(q.get('client_id')).toBe(PARAMS.clientId);
    expect(q.get('redirect_uri')).toBe(PARAMS.redirectUri);
    expect(q.get('scope')).toBe('https://www.approvalmax.com/scopes/public_api/read offline_access');
    expect(q.get('state')).toBe(flow.state);
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('code_challenge')).toBe(codeChallengeFor(flow.codeVerifier));
    expect(flow.url).not.toContain(flow.codeVerifier);
    expect(flow.url).toContain('scope=https%3A%2F%2Fwww.approvalmax.com%2Fscopes%2Fpublic_api%2Fread%20offline_access');
    expect(flow).toMatchObject({ redirectUri: PARAMS.redirectUri, createdAt: NOW });
  });

  it('keeps a query the endpoint already has and drops a fragment', () => {
    const flow = createAuthorization(
      { ...PARAMS, authorizationEndpoint: 'https://id.example.test/connect/authorize?tenant=dev&ui_locales=en-GB#x' },
      NOW,
    );
    const url = new URL(flow.url);
    expect(url.searchParams.get('tenant')).toBe('dev');
    expect(url.searchParams.get('ui_locales')).toBe('en-GB');
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.hash).toBe('');
  });

  it('computes the challenge as base64url(SHA-256(verifier)) — RFC 7636 appendix B vector', () => {
    expect(codeChallengeFor('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
    const flow = createAuthorization(PARAMS, NOW);
    const expected = createHash('sha256').update(flow.codeVerifier).digest('base64url');
    expect(new URL(flow.url).searchParams.get('code_challenge')).toBe(expected);
  });

  it('makes state with at least 128 bits and a 43–128 character verifier, both base64url', () => {
    const requested: number[] = [];
    const flow = createAuthorization(PARAMS, NOW, (n) => (requested.push(n), randomBytes(n)));
    expect(requested.length).toBe(2);
    expect(Math.min(...requested)).toBeGreaterThanOrEqual(16);
    expect(flow.state).toMatch(B64URL);
    expect(flow.state.length).toBeGreaterThanOrEqual(22);
    expect(flow.state.length).toBeLessThanOrEqual(32);
    expect(flow.codeVerifier).toMatch(/^[A-Za-z0-9\-._~]{43,128}$/);
  });

  it('uses the random source it is given, so the values come from it and not from a constant', () => {
    const fixed = (n: number) => new Uint8Array(n).fill(0xff);
    const flow = createAuthorization(PARAMS, NOW, fixed);
    expect(flow.state).toBe(Buffer.from(new Uint8Array(24).fill(0xff)).toString('base64url'));
    expect(flow.codeVerifier).toBe(Buffer.from(new Uint8Array(32).fill(0xff)).toString('base64url'));
  });

  it('never repeats state or verifier across flows', () => {
    const flows = Array.from({ length: 200 }, () => createAuthorization(PARAMS, NOW));
    expect(new Set(flows.map((f) => f.state)).size).toBe(200);
    expect(new Set(flows.map((f) => f.codeVerifier)).size).toBe(200);
  });

  it.each(['not a url', 'ftp://identity.example.test/authorize', 'javascript:alert(1)'])(
    'refuses a bad endpoint %s in plain words',
    (endpoint) => {
      expect(() => createAuthorization({ ...PARAMS, authorizationEndpoint: endpoint }, NOW)).toThrow(
        /environment settings/,
      );
    },
  );
});

describe('PendingFlows', () => {
  it('hands a flow out once: a replayed state gets null', () => {
    const clock = new FakeClock(NOW);
    const flows = new PendingFlows(clock);
    const flow = createAuthorization(PARAMS, clock.now());
    flows.add(flow);
    expect(flows.take(flow.state)).toBe(flow);
    expect(flows.take(flow.state)).toBeNull();
    expect(flows.size).toBe(0);
  });

  it('returns null for an unknown state', () => {
    const flows = new PendingFlows(new FakeClock(NOW));
    flows.add(createAuthorization(PARAMS, NOW));
    expect(flows.take('someone-elses-state')).toBeNull();
    expect(flows.size).toBe(1);
  });

  it('expires a flow after 10 minutes', () => {
    const clock = new FakeClock(NOW);
    const flows = new PendingFlows(clock);
    const fresh = createAuthorization(PARAMS, clock.now());
    const stale = createAuthorization(PARAMS, clock.now());
    flows.add(fresh);
    flows.add(stale);
    clock.advance(PENDING_FLOW_TTL_MS);
    expect(flows.take(fresh.state)).toBe(fresh);
    clock.advance(1);
    expect(flows.take(stale.state)).toBeNull();
  });

  it('measures age on the monotonic clock, so a wall-clock jump neither expires nor revives a flow', () => {
    const clock = new FakeClock(NOW);
    const flows = new PendingFlows(clock);
    const flow = createAuthorization(PARAMS, clock.now() - 3_600_000);
    flows.add(flow);
    clock.nowMs += 86_400_000;
    expect(flows.take(flow.state)).toBe(flow);
  });

  it('works with its default clock', () => {
    const flows = new PendingFlows();
    const flow = createAuthorization(PARAMS, NOW);
    flows.add(flow);
    expect(flows.take(flow.state)).toBe(flow);
  });

  it('discards a cancelled flow so its state cannot be used', () => {
    const flows = new PendingFlows(new FakeClock(NOW));
    const flow = createAuthorization(PARAMS, NOW);
    flows.add(flow);
    flows.discard(flow.state);
    expect(flows.take(flow.state)).toBeNull();
  });

  it('drops expired flows when a new one is added', () => {
    const clock = new FakeClock(NOW);
    const flows = new PendingFlows(clock);
    flows.add(createAuthorization(PARAMS, clock.now()));
    clock.advance(PENDING_FLOW_TTL_MS + 1);
    flows.add(createAuthorization(PARAMS, clock.now()));
    expect(flows.size).toBe(1);
  });
});
