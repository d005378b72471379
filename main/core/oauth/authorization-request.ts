import { Buffer } from 'node:buffer';
import { createHash, randomBytes as nodeRandomBytes } from 'node:crypto';
import type { Clock } from '../ports';

/** What an environment contributes to one sign-in: kept apart from secrets, which the authorize URL never carries. */
export interface AuthorizationParams {
  authorizationEndpoint: string;
  clientId: string;
  redirectUri: string;
  scopes: readonly string[];
  /** The `prompt` parameter, when one is sent (see authorizePrompt). */
  prompt?: string;
}

/** One sign-in in progress: the secrets the redirect and the code exchange must be checked against. */
export interface PendingAuthorization {
  readonly url: string;
  readonly state: string;
  readonly codeVerifier: string;
  readonly redirectUri: string;
  readonly createdAt: number;
}

/** 24 bytes = 192 bits, 32 base64url characters: above the 128-bit floor and inside ApprovalMax's advised 16–32 characters. */
export const STATE_BYTES = 24;
/** 32 bytes give a 43-character verifier, the shortest RFC 7636 allows, with 256 bits of entropy. */
export const VERIFIER_BYTES = 32;
/** Sign-in codes live 5 minutes; a flow older than twice that is abandoned, not resumed. */
export const PENDING_FLOW_TTL_MS = 10 * 60_000;

/** Starts a sign-in: fresh state and PKCE S256 verifier, so every flow can be told from a forged or replayed one. */
export function createAuthorization(
  params: AuthorizationParams,
  now: number,
  randomBytes: (n: number) => Uint8Array = (n) => nodeRandomBytes(n),
): PendingAuthorization {
  const url = parseEndpoint(params.authorizationEndpoint);
  const state = base64url(randomBytes(STATE_BYTES));
  const codeVerifier = base64url(randomBytes(VERIFIER_BYTES));
  const query = url.searchParams;
  query.set('response_type', 'code');
  query.set('client_id', params.clientId);
  query.set('redirect_uri', params.redirectUri);
  query.set('scope', params.scopes.filter((s) => s.length > 0).join(' '));
  if (params.prompt) query.set('prompt', params.prompt);
  query.set('state', state);
  query.set('code_challenge', codeChallengeFor(codeVerifier));
  query.set('code_challenge_method', 'S256');
  // URLSearchParams writes a space as '+'; '%20' is read the same way by every server, '+' not always.
  url.search = query.toString().replace(/\+/g, '%20');
  return { url: url.toString(), state, codeVerifier, redirectUri: params.redirectUri, createdAt: now };
}

/**
 * The `prompt` to send: the environment's own setting when it has one; else `consent` when the scopes
 * ask for both `openid` and `offline_access`, as OpenID Connect Core §11 requires for offline access;
 * else none (ApprovalMax's documented request has no prompt).
 */
export function authorizePrompt(scopes: readonly string[], setting?: string): string | undefined {
  if (setting) return setting;
  return scopes.includes('openid') && scopes.includes('offline_access') ? 'consent' : undefined;
}

/** The S256 challenge, exported so tests and the simulator can check a verifier against it. */
export function codeChallengeFor(codeVerifier: string): string {
  return base64url(createHash('sha256').update(codeVerifier, 'ascii').digest());
}

/** base64url without padding, the alphabet OAuth and PKCE expect. */
export function base64url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64url');
}

function parseEndpoint(endpoint: string): URL {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new Error(
      'The sign-in address of this environment is not a valid web address. Check the identity server address in the environment settings.',
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(
      'The sign-in address of this environment does not start with https://. Check the identity server address in the environment settings.',
    );
  }
  url.hash = '';
  return url;
}

/**
 * Sign-ins waiting for their redirect: each state is good for one redirect only, and only for 10
 * minutes after `add`. Age is measured on the monotonic clock, so a wall-clock change (or a caller
 * whose `createdAt` came from another clock) cannot stretch or cut a flow's life.
 */
export class PendingFlows {
  private readonly flows = new Map<string, { readonly pending: PendingAuthorization; readonly addedAt: number }>();

  constructor(
    private readonly clock: Pick<Clock, 'monotonic'> = { monotonic: () => performance.now() },
    private readonly ttlMs = PENDING_FLOW_TTL_MS,
  ) {}

  /** Remembers a flow until its redirect arrives (or it expires). */
  add(pending: PendingAuthorization): void {
    this.prune();
    this.flows.set(pending.state, { pending, addedAt: this.clock.monotonic() });
  }

  /** Hands a flow out once: a second call with the same state, or a call after 10 minutes, gets null. */
  take(state: string): PendingAuthorization | null {
    const entry = this.flows.get(state);
    if (!entry) return null;
    this.flows.delete(state);
    return this.isLive(entry.addedAt) ? entry.pending : null;
  }

  /** Forgets a flow the user cancelled or that timed out, so its state can never be used. */
  discard(state: string): void {
    this.flows.delete(state);
  }

  /** How many flows are waiting; for diagnostics and tests. */
  get size(): number {
    return this.flows.size;
  }

  private isLive(addedAt: number): boolean {
    const age = this.clock.monotonic() - addedAt;
    return age >= 0 && age <= this.ttlMs;
  }

  private prune(): void {
    for (const [state, entry] of this.flows) if (!this.isLive(entry.addedAt)) this.flows.delete(state);
  }
}
