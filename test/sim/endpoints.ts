// Where things live: IdentityServer's paths and the Public API's resource indicator.

/** IdentityServer's endpoint paths, so clients written against ApprovalMax find them where they expect. */
export const ROUTES = {
  authorization: '/connect/authorize',
  token: '/connect/token',
  userinfo: '/connect/userinfo',
  revocation: '/connect/revocation',
  end_session: '/connect/endsession',
  jwks: '/.well-known/openid-configuration/jwks',
} as const;

/** oidc-provider's default discovery path, which is also IdentityServer's. */
export const DISCOVERY_PATH = '/.well-known/openid-configuration';

/** Resource indicator for the Public API: every access token is issued for it (its `aud` is then hidden). */
export const PUBLIC_API_RESOURCE = 'https://public-api.approvalmax.com';
