// The identity server: oidc-provider configured like ApprovalMax's IdentityServer, on loopback.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import type Provider from 'oidc-provider';
import type { Configuration } from 'oidc-provider';
import { approvalMaxJwtCustomizer } from './access-token';
import type { ConnectionStore } from './connections';
import { handleFaultsRequest } from './faults-endpoint';
import type { FaultSwitchboard } from './faults';
import { API_SCOPES, ALL_SCOPES, DEMO_USER, OIDC_SCOPES, type Organisation } from './fixtures';
import { DISCOVERY_PATH, PUBLIC_API_RESOURCE, ROUTES } from './endpoints';
import { createInteractionHandler } from './interactions';
import { createMemoryAdapterFactory } from './memory-adapter';
import { errorPage, loggedOutPage, logoutPage } from './pages';
import { installTokenEndpointMiddleware } from './token-endpoint';

/** What the identity server needs from the simulator that hosts it. */
export interface IdentityServerOptions {
  port: number;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  rotateRefreshTokens: boolean;
  /** oidc-provider's own OpenID Connect behaviour (see startSimulator's `strictOidc`). */
  strictOidc: boolean;
  quiet: boolean;
  organisations: readonly Organisation[];
  faults: FaultSwitchboard;
  connections: ConnectionStore;
  /** Tokens the token endpoint issued, appended as they go out. */
  issued: string[];
}

/** A running identity server. */
export interface IdentityServer {
  issuer: string;
  provider: Provider;
  close(): Promise<void>;
}

/** Imports oidc-provider with its start-up notices muted (it warns about Node 20 on import). */
async function loadProvider(quiet: boolean): Promise<typeof Provider> {
  const { warn, info } = console;
  if (quiet) {
    const mute =
      (original: (...args: unknown[]) => void) =>
      (...args: unknown[]) => {
        if (typeof args[0] === 'string' && args[0].startsWith('oidc-provider ')) return;
        original.apply(console, args);
      };
    console.warn = mute(warn);
    console.info = mute(info);
  }
  try {
    return (await import('oidc-provider')).default;
  } finally {
    console.warn = warn;
    console.info = info;
  }
}

/** An RSA-2048 PS256 signing key with a 32-hex-character kid, like the sample token's. */
async function generateSigningKey(): Promise<JWK> {
  const { privateKey } = await generateKeyPair('PS256', { extractable: true });
  return { ...(await exportJWK(privateKey)), kid: randomBytes(16).toString('hex'), alg: 'PS256', use: 'sig' };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function configuration(
  options: IdentityServerOptions,
  signingKey: JWK,
  Errors: typeof import('oidc-provider').errors,
): Configuration {
  const { faults, connections } = options;
  return {
    adapter: createMemoryAdapterFactory(),
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        token_endpoint_auth_method: 'client_secret_post',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: [options.redirectUri],
        id_token_signed_response_alg: 'PS256',
      },
    ],
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    scopes: [...OIDC_SCOPES],
    responseTypes: ['code'],
    findAccount: (_ctx, sub) =>
      sub === DEMO_USER.accountId ? { accountId: sub, claims: () => ({ sub, email: DEMO_USER.email }) } : undefined,
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true, allowedPolicy: (_ctx, client, token) => token.clientId === client.clientId },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => {
          ctx.type = 'html';
          ctx.body = logoutPage(form);
        },
        postLogoutSuccessSource: (ctx) => {
          ctx.type = 'html';
          ctx.body = loggedOutPage();
        },
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: (_ctx, _client, oneOf) => oneOf ?? PUBLIC_API_RESOURCE,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resourceIndicator) => {
          if (resourceIndicator !== PUBLIC_API_RESOURCE) throw new Errors.InvalidTarget();
          return {
            scope: Object.values(API_SCOPES).join(' '),
            accessTokenFormat: 'jwt',
            accessTokenTTL: faults.current.accessTokenTtl,
            jwt: { sign: { alg: 'PS256' } },
          };
        },
      },
    },
    formats: { customizers: { jwt: approvalMaxJwtCustomizer(connections) } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    pkce: { required: () => false },
    rotateRefreshToken: () => options.rotateRefreshTokens,
    routes: { ...ROUTES },
    ttl: {
      AccessToken: () => faults.current.accessTokenTtl,
      AuthorizationCode: 300,
      IdToken: 3600,
      // Sliding: a rotated refresh token gets a fresh window here; a reused one is renewed by slideRefreshWindow.
      RefreshToken: () => faults.current.refreshTokenTtl,
      Interaction: 60 * 60,
      Session: 14 * 24 * 60 * 60,
      Grant: 365 * 24 * 60 * 60,
    },
    clientBasedCORS: () => true,
    renderError: (ctx, out) => {
      ctx.type = 'html';
      ctx.body = errorPage('Something went wrong', { error: out.error, description: out.error_description });
    },
  };
}

/**
 * ApprovalMax shows its consent page on every flow (each one makes a new connection), so ask for it.
 * This is also what keeps `offline_access`: oidc-provider drops that scope unless `prompt=consent`,
 * and ApprovalMax clients never send a prompt.
 */
function alwaysPromptConsent(ctx: { method: string; path: string; querystring: string }): void {
  if (ctx.method !== 'GET' || ctx.path !== ROUTES.authorization) return;
  const params = new URLSearchParams(ctx.querystring);
  const prompts = (params.get('prompt') ?? '').split(' ').filter(Boolean);
  if (prompts.includes('consent') || prompts.includes('none')) return;
  params.set('prompt', [...prompts, 'consent'].join(' '));
  ctx.querystring = params.toString();
}

/**
 * Strict mode: `openid` is required, as at identity servers that speak OpenID Connect only. The
 * refusal is the server's own error page (HTTP 400), with no redirect back to the app.
 */
function refuseWithoutOpenId(ctx: {
  method: string;
  path: string;
  querystring: string;
  status: number;
  type: string;
  body: unknown;
}): boolean {
  if (ctx.method !== 'GET' || ctx.path !== ROUTES.authorization) return false;
  const scopes = (new URLSearchParams(ctx.querystring).get('scope') ?? '').split(' ');
  if (scopes.includes('openid')) return false;
  ctx.status = 400;
  ctx.type = 'html';
  ctx.body = errorPage('Error', { error: 'invalid_scope', error_description: 'openid scope must be requested' });
  return true;
}

/** Starts the identity server on 127.0.0.1 and resolves once it accepts requests. */
export async function startIdentityServer(options: IdentityServerOptions): Promise<IdentityServer> {
  const Provider = await loadProvider(options.quiet);
  const { errors } = await import('oidc-provider');
  const server = createServer();
  const port = await listen(server, options.port);
  const issuer = `http://127.0.0.1:${port}`;
  const config = configuration(options, await generateSigningKey(), errors);
  const provider = new Provider(issuer, config);
  provider.silent = true;
  if (!options.quiet)
    provider.on('server_error', (_ctx, err) => console.error('[simulator] identity server error:', err));

  const stopping = new AbortController();
  provider.use(async (ctx, next) => {
    // ApprovalMax mode asks for consent itself; strict mode leaves oidc-provider's own rules: offline
    // access only with prompt=consent, and openid required.
    if (options.strictOidc) {
      if (refuseWithoutOpenId(ctx)) return;
    } else alwaysPromptConsent(ctx);
    await next();
    if (ctx.path === DISCOVERY_PATH && ctx.status === 200 && typeof ctx.body === 'object' && ctx.body) {
      (ctx.body as Record<string, unknown>).scopes_supported = [...ALL_SCOPES];
    }
  });
  installTokenEndpointMiddleware(provider, options.faults, ROUTES.token, stopping.signal, options.issued);

  const interactions = createInteractionHandler({ provider, ...options });
  const oidc = provider.callback();
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', issuer).pathname;
    if (path === '/__sim/faults') void handleFaultsRequest(req, res, options.faults);
    else if (path.startsWith('/interaction/')) void interactions(req, res, path);
    else void oidc(req, res);
  });

  return {
    issuer,
    provider,
    close: () =>
      new Promise<void>((resolve) => {
        stopping.abort();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
