import { describe, expect, it } from 'vitest';
import { EndpointDiscovery } from '../../../main/core/oauth/oidc-discovery';
import { fakeHttp } from '../core/fakes';

const ISSUER = 'https://identity.example.com';
const doc = (change: Record<string, unknown> = {}) => ({
  issuer: ISSUER,
  authorization_endpoint: `${ISSUER}/oauth/authorize`,
  token_endpoint: `${ISSUER}/oauth/token`,
  revocation_endpoint: `${ISSUER}/oauth/revoke`,
  ...change,
});
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const fallback = (issuer = ISSUER) => ({
  authorizationEndpoint: `${issuer}/connect/authorize`,
  tokenEndpoint: `${issuer}/connect/token`,
  revocationEndpoint: null,
  discovered: false,
  scopesSupported: null,
});

describe('EndpointDiscovery', () => {
  it('reads the endpoints from the discovery document', async () => {
    const { http, requests } = fakeHttp(() => json(doc()));
    expect(await new EndpointDiscovery(http).endpoints(ISSUER)).toEqual({
      authorizationEndpoint: `${ISSUER}/oauth/authorize`,
      tokenEndpoint: `${ISSUER}/oauth/token`,
      revocationEndpoint: `${ISSUER}/oauth/revoke`,
      discovered: true,
      scopesSupported: null,
    });
    expect(requests.map((r) => r.url)).toEqual([`${ISSUER}/.well-known/openid-configuration`]);
    expect(new Headers(requests[0]?.init.headers).get('accept')).toBe('application/json');
  });

  it('finds the document and the fallback under an issuer with a trailing slash', async () => {
    const { http, requests } = fakeHttp(() => new Response('', { status: 404 }));
    expect(await new EndpointDiscovery(http).endpoints(`${ISSUER}/`)).toEqual(fallback());
    expect(requests[0]?.url).toBe(`${ISSUER}/.well-known/openid-configuration`);
  });

  it('has no revocation endpoint when the document lists none', async () => {
    const { http } = fakeHttp(() => json(doc({ revocation_endpoint: undefined })));
    expect(await new EndpointDiscovery(http).endpoints(ISSUER)).toMatchObject({
      revocationEndpoint: null,
      discovered: true,
    });
  });

  it.each([
    ['a token endpoint on another host', { token_endpoint: 'https://evil.example.net/token' }],
    [
      'an authorization endpoint on another port',
      { authorization_endpoint: 'https://identity.example.com:8443/authorize' },
    ],
    ['an authorization endpoint over http', { authorization_endpoint: 'http://identity.example.com/authorize' }],
    ['a missing token endpoint', { token_endpoint: undefined }],
    ['an endpoint with user info', { token_endpoint: 'https://user:pw@identity.example.com/token' }],
  ])('falls back to /connect/* for %s', async (_what, change) => {
    const { http } = fakeHttp(() => json(doc(change)));
    expect(await new EndpointDiscovery(http).endpoints(ISSUER)).toEqual(fallback());
  });

  it('drops a revocation endpoint on another origin but keeps the rest', async () => {
    const { http } = fakeHttp(() => json(doc({ revocation_endpoint: 'https://evil.example.net/revoke' })));
    expect(await new EndpointDiscovery(http).endpoints(ISSUER)).toEqual({
      authorizationEndpoint: `${ISSUER}/oauth/authorize`,
      tokenEndpoint: `${ISSUER}/oauth/token`,
      revocationEndpoint: null,
      discovered: true,
      scopesSupported: null,
    });
  });

  it.each([
    ['a 500', () => json({}, 500)],
    ['HTML', () => new Response('<html>proxy</html>', { status: 200 })],
    ['a network failure', () => Promise.reject(new TypeError('fetch failed'))],
  ])('falls back to /connect/* on %s', async (_what, answer) => {
    const { http } = fakeHttp(answer);
    expect(await new EndpointDiscovery(http).endpoints('http://127.0.0.1:4010')).toEqual(
      fallback('http://127.0.0.1:4010'),
    );
  });

  it('remembers a real discovery per issuer', async () => {
    const { http, requests } = fakeHttp((url) =>
      json(doc({ authorization_endpoint: `${new URL(url).origin}/a`, token_endpoint: `${new URL(url).origin}/t` })),
    );
    const discovery = new EndpointDiscovery(http);
    const first = await discovery.endpoints(ISSUER);
    expect(await discovery.endpoints(ISSUER)).toEqual(first);
    expect(requests).toHaveLength(1);
    const other = await discovery.endpoints('https://identity.other.example.com');
    expect(other.tokenEndpoint).toBe('https://identity.other.example.com/t');
    expect(requests).toHaveLength(2);
  });

  it('does not remember a fallback: the next call asks again and can then succeed', async () => {
    let up = false;
    const { http, requests } = fakeHttp(() => (up ? json(doc()) : new Response('', { status: 503 })));
    const discovery = new EndpointDiscovery(http);
    expect(await discovery.endpoints(ISSUER)).toEqual(fallback());
    up = true;
    expect(await discovery.endpoints(ISSUER)).toMatchObject({
      tokenEndpoint: `${ISSUER}/oauth/token`,
      discovered: true,
    });
    expect(requests).toHaveLength(2);
  });
});
