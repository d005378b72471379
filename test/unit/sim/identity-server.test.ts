import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCodeFlow } from '../../sim/code-flow';
import { startSimulator, type Simulator } from '../../sim/index';
import { callApi, refresh } from './helpers';

const READ = 'https://www.approvalmax.com/scopes/public_api/read';
const WRITE = 'https://www.approvalmax.com/scopes/public_api/write';
const CONNECTION = 'https://www.approvalmax.com/connection';

describe('simulator identity server', () => {
  let sim: Simulator;

  beforeAll(async () => {
    sim = await startSimulator({ quiet: true });
  });
  afterEach(() => sim.resetFaults());
  afterAll(() => sim.stop());

  it('serves discovery with IdentityServer paths and a JWKS with one PS256 RSA key', async () => {
    const res = await fetch(`${sim.issuer}/.well-known/openid-configuration`);
    expect(res.status).toBe(200);
    const discovery = (await res.json()) as Record<string, unknown>;
    expect(discovery).toMatchObject({
      issuer: sim.issuer,
      authorization_endpoint: `${sim.issuer}/connect/authorize`,
      token_endpoint: `${sim.issuer}/connect/token`,
      userinfo_endpoint: `${sim.issuer}/connect/userinfo`,
      revocation_endpoint: `${sim.issuer}/connect/revocation`,
      end_session_endpoint: `${sim.issuer}/connect/endsession`,
      jwks_uri: `${sim.issuer}/.well-known/openid-configuration/jwks`,
    });
    expect(discovery.scopes_supported).toEqual(expect.arrayContaining([READ, WRITE, 'offline_access', 'openid']));
    expect(discovery.token_endpoint_auth_methods_supported).toContain('client_secret_post');

    const jwks = (await (await fetch(discovery.jwks_uri as string)).json()) as { keys: Record<string, unknown>[] };
    expect(jwks.keys).toHaveLength(1);
    const [key] = jwks.keys;
    expect(key).toMatchObject({ kty: 'RSA', alg: 'PS256', use: 'sig' });
    expect(key?.kid).toMatch(/^[0-9a-f]{32}$/);
    expect(key).not.toHaveProperty('d');
    expect(Buffer.from(key?.n as string, 'base64url')).toHaveLength(256);
  });

  it('generates an ApprovalMax-shaped client id', () => {
    expect(sim.clientId).toMatch(/^[0-9A-F]{32}$/);
    expect(sim.clientSecret.length).toBeGreaterThanOrEqual(32);
    expect(sim.redirectUri).toBe('https://approvalmax-connect.invalid/callback');
  });

  it('issues a PS256 at+jwt access token with the ApprovalMax claims that verifies against the JWKS', async () => {
    const tokens = await sim.issueTokens();
    expect(tokens.token_type).toBe('Bearer');
    expect(tokens.expires_in).toBe(3600);
    expect(tokens.refresh_token).toEqual(expect.any(String));
    expect(tokens.scope?.split(' ')).toEqual([READ, WRITE, 'offline_access']);

    const header = decodeProtectedHeader(tokens.access_token);
    expect(header).toMatchObject({ alg: 'PS256', typ: 'at+jwt' });
    expect(header.kid).toMatch(/^[0-9a-f]{32}$/);

    const jwks = createRemoteJWKSet(new URL(`${sim.issuer}/.well-known/openid-configuration/jwks`));
    const { payload } = await jwtVerify(tokens.access_token, jwks, { issuer: sim.issuer, typ: 'at+jwt' });
    expect(payload).toMatchObject({
      client_id: sim.clientId,
      idp: 'AMRemote',
      amr: ['external'],
      scope: [READ, WRITE, 'offline_access'],
    });
    expect(payload.sub).toMatch(/^[0-9a-f-]{36}$/);
    expect(payload[CONNECTION]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(payload.jti).toMatch(/^[0-9A-F]{32}$/);
    expect(payload.sid).toMatch(/^[0-9A-F]{32}$/);
    expect(typeof payload.auth_time).toBe('number');
    expect(payload.exp! - payload.nbf!).toBe(3600);
    expect(payload.iat).toBe(payload.nbf);
    expect(payload).not.toHaveProperty('aud');
  });

  it('gives each completed consent its own connection', async () => {
    const first = decodeJwt((await sim.issueTokens()).access_token)[CONNECTION];
    const second = decodeJwt((await sim.issueTokens()).access_token)[CONNECTION];
    expect(first).not.toBe(second);
  });

  it('refreshes with client_secret_post and returns a new access token for the same connection', async () => {
    const tokens = await sim.issueTokens();
    const res = await refresh(sim, tokens);
    expect(res.status).toBe(200);
    const refreshed = (await res.json()) as Record<string, string>;
    expect(refreshed.access_token).not.toBe(tokens.access_token);
    const before = decodeJwt(tokens.access_token);
    const after = decodeJwt(refreshed.access_token!);
    expect(after[CONNECTION]).toBe(before[CONNECTION]);
    expect(after.scope).toEqual(before.scope);
    // Rotation is off by default: the same refresh token keeps working and none or the same comes back.
    expect(refreshed.refresh_token ?? tokens.refresh_token).toBe(tokens.refresh_token);
    expect((await refresh(sim, tokens)).status).toBe(200);
    expect((await callApi(sim, '/ping', refreshed.access_token)).status).toBe(200);
  });

  it('issues no refresh token without offline_access', async () => {
    const tokens = await sim.issueTokens({ scopes: [READ] });
    expect(tokens.refresh_token).toBeUndefined();
    expect(decodeJwt(tokens.access_token).scope).toEqual([READ]);
  });

  it('accepts the openid scope and still issues an API access token', async () => {
    const tokens = (await sim.issueTokens({ scopes: ['openid', READ, 'offline_access'] })) as {
      access_token: string;
      id_token?: string;
    };
    expect(tokens.id_token).toEqual(expect.any(String));
    expect(decodeJwt(tokens.access_token).scope).toEqual([READ, 'offline_access']);
    expect((await callApi(sim, '/ping', tokens.access_token)).status).toBe(200);
  });

  it('does not require PKCE', async () => {
    const tokens = await runCodeFlow({
      ...sim,
      organisations: [sim.organisations[0]!.companyId],
      scopes: [READ],
      pkce: false,
    });
    expect(decodeProtectedHeader(tokens.access_token).typ).toBe('at+jwt');
  });

  it('re-shows the sign-in form after a wrong password', async () => {
    const flow = runCodeFlow({
      ...sim,
      user: { email: sim.user.email, password: 'wrong' },
      organisations: [],
      scopes: [READ],
    });
    await expect(flow).rejects.toThrow(/sign-in was refused/);
  });

  it('keeps the consent page up until at least one organisation is ticked', async () => {
    const flow = runCodeFlow({ ...sim, organisations: [], scopes: [READ] });
    await expect(flow).rejects.toThrow(/consent was refused/);
  });

  it('rotates refresh tokens when asked to', async () => {
    const rotating = await startSimulator({ quiet: true, rotateRefreshTokens: true });
    try {
      const tokens = await rotating.issueTokens();
      const res = await refresh(rotating, tokens);
      const refreshed = (await res.json()) as Record<string, string>;
      expect(refreshed.refresh_token).toEqual(expect.any(String));
      expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
      expect((await refresh(rotating, tokens)).status).toBe(400);
    } finally {
      await rotating.stop();
    }
  });

  it('uses the client id, secret and redirect URI it is given', async () => {
    const custom = await startSimulator({
      quiet: true,
      clientId: '338CD5E0ABA744DB911838F9F9B09CFD',
      clientSecret: 's3cret',
      redirectUri: 'https://example.invalid/cb',
    });
    try {
      expect(custom.clientId).toBe('338CD5E0ABA744DB911838F9F9B09CFD');
      const tokens = await custom.issueTokens({ scopes: [READ] });
      expect(decodeJwt(tokens.access_token).client_id).toBe('338CD5E0ABA744DB911838F9F9B09CFD');
    } finally {
      await custom.stop();
    }
  });
});
