// The ApprovalMax simulator: a real OpenID provider plus a Public API, both on loopback.
import { randomBytes } from 'node:crypto';
import { runCodeFlow, type SimulatorTokens } from './code-flow';
import { ConnectionStore } from './connections';
import { DEFAULT_REFRESH_TOKEN_TTL, FaultSwitchboard, type Faults } from './faults';
import {
  ALL_SCOPES,
  DEFAULT_ORGANISATIONS,
  DEFAULT_REDIRECT_URI,
  DEFAULT_REQUEST_SCOPES,
  DEMO_USER,
  type Organisation,
} from './fixtures';
import { startIdentityServer } from './identity-server';
import { OPENAPI_PATH } from './openapi-document';
import { startPublicApi } from './public-api';

export type { Faults, Organisation, SimulatorTokens };
export type { RequestItem, UserProfile } from './data-generator';
export { generateItems } from './data-generator';
export { COMPANY_PATH, DATA_LISTS, ITEMS_PER_LIST, LIMIT, REQUEST_STATUSES, type DataList } from './data-lists';
export { PLAN_DISABLED_BY_DEFAULT } from './fixtures';
export { OPENAPI_PATH } from './openapi-document';

/** How to start a simulator; every field has a sensible default so tests pass only what they vary. */
export interface SimulatorOptions {
  port?: number;
  apiPort?: number;
  accessTokenTtl?: number;
  /** Sliding refresh-token lifetime in seconds (default 30 days): each refresh renews it in full. */
  refreshTokenTtl?: number;
  clientId?: string;
  clientSecret?: string;
  redirectUri?: string;
  rotateRefreshTokens?: boolean;
  /**
   * A standards-following OpenID provider instead of an ApprovalMax-like one: `openid` is required and
   * offline access (a refresh token) is granted only to requests with `prompt=consent` (OpenID Connect Core §11).
   */
  strictOidc?: boolean;
  quiet?: boolean;
}

/** A running simulator: the settings to give the app, the fault switches, and a way to get tokens fast. */
export interface Simulator {
  issuer: string;
  apiBase: string;
  /** The Public API's OpenAPI document (served without a token; the `openApi` switch hides it). */
  openApiUrl: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  scopes: string[];
  organisations: Organisation[];
  user: { email: string; password: string };
  /** True in strict OpenID Connect mode. */
  strictOidc: boolean;
  setFaults(faults: Partial<Faults>): void;
  resetFaults(): void;
  /** Runs a full authorization-code flow over plain HTTP (login + consent forms, PKCE) and exchanges the code. */
  issueTokens(options?: {
    organisations?: string[] /* companyIds, default all */;
    scopes?: string[];
    prompt?: string;
  }): Promise<SimulatorTokens>;
  /** Every access and refresh token the token endpoint handed out, for secrecy tests. */
  issuedTokens(): readonly string[];
  stop(): Promise<void>;
}

/** Starts the identity server, then the Public API that trusts it. */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const clientId = options.clientId ?? randomBytes(16).toString('hex').toUpperCase();
  const clientSecret = options.clientSecret ?? randomBytes(32).toString('base64url');
  const redirectUri = options.redirectUri ?? DEFAULT_REDIRECT_URI;
  const organisations = DEFAULT_ORGANISATIONS.map((o) => ({ ...o }));
  const faults = new FaultSwitchboard({
    accessTokenTtl: options.accessTokenTtl ?? 3600,
    refreshTokenTtl: options.refreshTokenTtl ?? DEFAULT_REFRESH_TOKEN_TTL,
  });
  const connections = new ConnectionStore();
  const issued: string[] = [];
  const identity = await startIdentityServer({
    port: options.port ?? 0,
    clientId,
    clientSecret,
    redirectUri,
    rotateRefreshTokens: options.rotateRefreshTokens ?? false,
    strictOidc: options.strictOidc ?? false,
    quiet: options.quiet ?? false,
    organisations,
    faults,
    connections,
    issued,
  });
  const api = await startPublicApi({
    port: options.apiPort ?? 0,
    issuer: identity.issuer,
    organisations,
    faults,
    connections,
  }).catch(async (error: unknown) => {
    await identity.close();
    throw error;
  });
  const user = { email: DEMO_USER.email, password: DEMO_USER.password };

  return {
    issuer: identity.issuer,
    apiBase: api.apiBase,
    openApiUrl: new URL(OPENAPI_PATH, api.apiBase).href,
    clientId,
    clientSecret,
    redirectUri,
    scopes: [...ALL_SCOPES],
    organisations,
    user,
    strictOidc: options.strictOidc ?? false,
    setFaults: (partial) => faults.set(partial),
    resetFaults: () => faults.reset(),
    issueTokens: (flow = {}) =>
      runCodeFlow({
        issuer: identity.issuer,
        clientId,
        clientSecret,
        redirectUri,
        user,
        organisations: flow.organisations ?? organisations.map((o) => o.companyId),
        scopes: flow.scopes ?? DEFAULT_REQUEST_SCOPES,
        ...(flow.prompt ? { prompt: flow.prompt } : {}),
      }),
    issuedTokens: () => [...issued],
    stop: async () => {
      await Promise.all([api.close(), identity.close()]);
    },
  };
}
