// A scripted user: runs the whole authorization-code flow over plain HTTP, like a browser would.
import { createHash, randomBytes } from 'node:crypto';
import { ROUTES } from './endpoints';

/** A token endpoint response, as the app would receive it. */
export interface SimulatorTokens {
  access_token: string;
  refresh_token?: string;
  expires_in: number;
  token_type: string;
  scope?: string;
}

/** Everything the scripted user needs: client settings, credentials and what to tick. */
export interface CodeFlowInput {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  user: { email: string; password: string };
  organisations: readonly string[];
  scopes: readonly string[];
  /** Send a PKCE S256 challenge (default true); false proves PKCE is optional, as it may be at ApprovalMax. */
  pkce?: boolean;
  /** The authorise request's `prompt`, if any (strict OpenID Connect servers need `consent` for offline access). */
  prompt?: string;
}

/** Keeps the identity server's cookies between requests (one origin, so paths are ignored). */
class CookieJar {
  readonly #cookies = new Map<string, string>();

  store(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=thu, 01 jan 1970/i.test(a));
      if (expired) this.#cookies.delete(name);
      else this.#cookies.set(name, pair.slice(eq + 1).trim());
    }
  }

  header(): string {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

function formAction(html: string): string | undefined {
  return /<form[^>]*\saction="([^"]+)"/.exec(html)?.[1]?.replaceAll('&amp;', '&');
}

/** A prepared authorize request: the URL to open and the secrets to check and redeem its answer. */
export interface AuthorizationRequest {
  url: string;
  state: string;
  codeVerifier?: string;
}

/** Builds an authorize URL the way an ApprovalMax client does, plus PKCE S256 unless `pkce` is false. */
export function authorizationRequest(
  input: Pick<CodeFlowInput, 'issuer' | 'clientId' | 'redirectUri' | 'scopes' | 'prompt'>,
  pkce = true,
): AuthorizationRequest {
  const state = randomBytes(16).toString('base64url');
  const codeVerifier = pkce ? randomBytes(32).toString('base64url') : undefined;
  const url = new URL(ROUTES.authorization, input.issuer);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: input.clientId,
    redirect_uri: input.redirectUri,
    scope: input.scopes.join(' '),
    ...(input.prompt ? { prompt: input.prompt } : {}),
    state,
    ...(codeVerifier
      ? { code_challenge: createHash('sha256').update(codeVerifier).digest('base64url'), code_challenge_method: 'S256' }
      : {}),
  }).toString();
  return { url: url.href, state, codeVerifier };
}

/** Redeems an authorization code at the token endpoint with client_secret_post; throws unless 200. */
export async function exchangeCode(
  input: Pick<CodeFlowInput, 'issuer' | 'clientId' | 'clientSecret' | 'redirectUri'>,
  code: string,
  codeVerifier?: string,
): Promise<SimulatorTokens> {
  const body = new URLSearchParams({
    grant_type: 'authorization_code',
    code,
    redirect_uri: input.redirectUri,
    client_id: input.clientId,
    client_secret: input.clientSecret,
  });
  if (codeVerifier) body.set('code_verifier', codeVerifier);
  const res = await fetch(new URL(ROUTES.token, input.issuer), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body,
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`token request failed: ${res.status} ${text}`);
  return JSON.parse(text) as SimulatorTokens;
}

/** Signs in, ticks the organisations, allows, and exchanges the code; throws on any other outcome. */
export async function runCodeFlow(input: CodeFlowInput): Promise<SimulatorTokens> {
  const jar = new CookieJar();
  const request = authorizationRequest(input, input.pkce ?? true);

  const send = async (url: string, form?: URLSearchParams): Promise<Response> => {
    const headers: Record<string, string> = { Cookie: jar.header() };
    if (form) headers['Content-Type'] = 'application/x-www-form-urlencoded';
    const res = await fetch(url, { method: form ? 'POST' : 'GET', headers, body: form, redirect: 'manual' });
    jar.store(res);
    return res;
  };

  let url = request.url;
  let res = await send(url);
  for (let hop = 0; hop < 20; hop++) {
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location) {
      const next = new URL(location, url);
      if (next.href.startsWith(input.redirectUri)) {
        const error = next.searchParams.get('error');
        if (error)
          throw new Error(`authorization failed: ${error} ${next.searchParams.get('error_description') ?? ''}`.trim());
        if (next.searchParams.get('state') !== request.state)
          throw new Error('authorization response has the wrong state');
        return exchangeCode(input, next.searchParams.get('code') ?? '', request.codeVerifier);
      }
      url = next.href;
      res = await send(url);
      continue;
    }
    const html = await res.text();
    const action = formAction(html);
    if (res.status !== 200 || !action)
      throw new Error(`unexpected ${res.status} response at ${url}: ${html.slice(0, 300)}`);
    url = new URL(action, url).href;
    if (action.endsWith('/login')) {
      if (html.includes('role="alert"')) throw new Error('sign-in was refused (wrong email or password)');
      res = await send(url, new URLSearchParams({ email: input.user.email, password: input.user.password }));
    } else if (action.endsWith('/consent')) {
      if (html.includes('role="alert"')) throw new Error('consent was refused (no organisation ticked?)');
      const form = new URLSearchParams(input.organisations.map((id) => ['organisations', id]));
      form.set('decision', 'allow');
      res = await send(url, form);
    } else {
      throw new Error(`unexpected form at ${url}: ${action}`);
    }
  }
  throw new Error('authorization flow did not finish within 20 steps');
}
