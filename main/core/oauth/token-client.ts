import { z } from 'zod';
import { classifyNetworkFailure } from '../http/network-failure';
import type { HttpTransport } from '../ports';
import { parseRetryAfter } from './retry-after';
import type { ProviderWords } from '../environments/provider-words';
import { explainTokenFailure, type TokenFailureContext } from './token-failure-messages';

/** One environment's client registration; the secret comes from the keychain and goes only into the form body. */
export interface TokenClientConfig {
  tokenEndpoint: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** Whose server this is, for the words of its failures ("ApprovalMax" only for ApprovalMax's). */
  provider?: ProviderWords;
}

/** A validated token response, in the app's own spelling. */
export interface TokenResponse {
  accessToken: string;
  refreshToken: string | null;
  expiresIn: number;
  scope: string[] | null;
  tokenType: string;
}

/** Every way a token request can fail, so callers decide "reconnect" vs "retry" without reading messages. */
export type TokenFailureKind =
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'invalid_scope'
  | 'access_denied'
  | 'no_refresh_token'
  | 'rate_limited'
  | 'server_error'
  | 'network'
  | 'bad_response';

/** A failure as a value with a plain-words message; never holds a secret. */
export interface TokenFailure {
  kind: TokenFailureKind;
  message: string;
  retryable: boolean;
  retryAfterMs?: number;
  status?: number;
}

/** Expected failures are values, not exceptions (README "Architecture"). */
export type TokenResult = { ok: true; tokens: TokenResponse } | { ok: false; failure: TokenFailure };

/** Options shared by both grants; `now` dates an HTTP-date Retry-After when the response has no Date header. */
export interface TokenRequestOptions {
  timeoutMs?: number;
  now?: () => number;
}

/** Long enough for a slow identity server, short enough that a dead network does not freeze "Connecting…". */
export const TOKEN_TIMEOUT_MS = 30_000;

const positiveNumber = z
  .union([
    z.number(),
    z
      .string()
      .trim()
      .regex(/^\d+(\.\d+)?$/)
      .transform(Number),
  ])
  .pipe(z.number().positive().finite());

const TokenJson = z.object({
  access_token: z.string().min(1),
  expires_in: positiveNumber,
  token_type: z.string().min(1),
  refresh_token: z.string().nullish(),
  scope: z.string().nullish(),
});

const KNOWN_ERRORS: ReadonlySet<string> = new Set([
  'invalid_client',
  'invalid_grant',
  'unauthorized_client',
  'invalid_scope',
  'access_denied',
]);
const NOT_RETRYABLE = { retryable: false } as const;

/** Swaps the sign-in code for tokens (PKCE verifier included); `requireRefreshToken` turns a missing refresh token into a failure. */
export async function exchangeCode(
  http: HttpTransport,
  config: TokenClientConfig,
  code: string,
  codeVerifier: string,
  options: TokenRequestOptions & { requireRefreshToken?: boolean } = {},
): Promise<TokenResult> {
  const form = {
    grant_type: 'authorization_code',
    code,
    redirect_uri: config.redirectUri,
    code_verifier: codeVerifier,
  };
  const result = await postToken(http, config, form, 'authorization_code', options);
  if (result.ok && options.requireRefreshToken && !result.tokens.refreshToken) {
    return fail('no_refresh_token', NOT_RETRYABLE, aboutOf(config, 'authorization_code'));
  }
  return result;
}

/** Renews access with a refresh token; the caller must store any new refresh token before using the new access token. */
export function refreshGrant(
  http: HttpTransport,
  config: TokenClientConfig,
  refreshToken: string,
  options: TokenRequestOptions = {},
): Promise<TokenResult> {
  return postToken(
    http,
    config,
    { grant_type: 'refresh_token', refresh_token: refreshToken },
    'refresh_token',
    options,
  );
}

type Grant = NonNullable<TokenFailureContext['grant']>;
/** Which request failed and whose server it was: every failure message starts from this. */
type About = Pick<TokenFailureContext, 'grant' | 'provider'>;

function aboutOf(config: TokenClientConfig, grant: Grant): About {
  return config.provider ? { grant, provider: config.provider } : { grant };
}

async function postToken(
  http: HttpTransport,
  config: TokenClientConfig,
  form: Record<string, string>,
  grant: Grant,
  options: TokenRequestOptions,
): Promise<TokenResult> {
  const about = aboutOf(config, grant);
  const timeoutMs = options.timeoutMs ?? TOKEN_TIMEOUT_MS;
  const body = new URLSearchParams({ ...form, client_id: config.clientId, client_secret: config.clientSecret });
  let response: Response;
  let text: string;
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    response = await http(config.tokenEndpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: body.toString(),
      // A redirect would re-send the client secret somewhere else; a token endpoint never needs one.
      redirect: 'manual',
      signal,
    });
    text = await response.text();
  } catch (error) {
    const network = signal.aborted ? 'timeout' : classifyNetworkFailure(error);
    return fail('network', { retryable: true }, { ...about, network, host: hostOf(config.tokenEndpoint), timeoutMs });
  }
  return interpret(response, text, about, options.now ?? (() => Date.now()));
}

function interpret(response: Response, text: string, about: About, now: () => number): TokenResult {
  const { status } = response;
  if (status >= 200 && status < 300) return parseSuccess(text, status, about);
  if (status === 429 || status >= 500) {
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), now(), response.headers.get('date'));
    const kind = status === 429 ? 'rate_limited' : 'server_error';
    return fail(
      kind,
      { retryable: true, status, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) },
      { ...about, status, retryAfterMs },
    );
  }
  const error = oauthError(text);
  if (error && KNOWN_ERRORS.has(error))
    return fail(error as TokenFailureKind, { ...NOT_RETRYABLE, status }, { ...about, status });
  if (!error && status === 401) return fail('invalid_client', { ...NOT_RETRYABLE, status }, { ...about, status });
  const errorCode = error && /^[a-z_]{1,64}$/.test(error) ? error : undefined;
  return fail('bad_response', { ...NOT_RETRYABLE, status }, { ...about, status, ...(errorCode ? { errorCode } : {}) });
}

function parseSuccess(text: string, status: number, about: About): TokenResult {
  const parsed = TokenJson.safeParse(parseJson(text));
  if (!parsed.success) return fail('bad_response', { ...NOT_RETRYABLE, status }, { ...about, status });
  const json = parsed.data;
  const scope = json.scope?.split(/\s+/).filter((s) => s.length > 0) ?? null;
  return {
    ok: true,
    tokens: {
      accessToken: json.access_token,
      refreshToken: json.refresh_token ? json.refresh_token : null,
      expiresIn: json.expires_in,
      scope,
      tokenType: json.token_type,
    },
  };
}

function oauthError(text: string): string | null {
  const json = parseJson(text);
  if (typeof json !== 'object' || json === null) return null;
  const error = (json as { error?: unknown }).error;
  return typeof error === 'string' && error.length > 0 ? error : null;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function fail(
  kind: TokenFailureKind,
  fields: Omit<TokenFailure, 'kind' | 'message'>,
  context: TokenFailureContext,
): TokenResult {
  return { ok: false, failure: { kind, message: explainTokenFailure(kind, context), ...fields } };
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}
