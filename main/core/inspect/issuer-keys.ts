import { createLocalJWKSet, type JSONWebKeySet } from 'jose';
import { z } from 'zod';
import { classifyNetworkFailure } from '../http/network-failure';
import type { Clock, HttpTransport } from '../ports';
import { isLoopbackHost, isSafeServerUrl, joinUrl } from '../urls';
import { normaliseIssuer } from './issuer';

/** A key resolver as jose's compactVerify takes it. */
export type KeyResolver = ReturnType<typeof createLocalJWKSet>;

/** What asking an issuer for its signing keys gave. */
export type KeysOutcome =
  | { readonly kind: 'keys'; readonly resolver: KeyResolver; readonly keysUrl: string }
  | { readonly kind: 'no-keys'; readonly detail: string }
  | { readonly kind: 'unreachable'; readonly detail: string };

/** Settings of the key cache; the defaults suit an inspector a person clicks on. */
export interface IssuerKeysOptions {
  readonly http: HttpTransport;
  readonly clock: Clock;
  readonly cacheTtlMs?: number;
  readonly timeoutMs?: number;
  readonly refetchIntervalMs?: number;
  /** Where fetched key sets are also remembered for others to read; the process-wide `fetchedKeys` unless a test gives its own. */
  readonly shared?: FetchedKeys;
}

/** A key set as some issuer published it, and where. */
export interface KnownKeySet {
  readonly resolver: KeyResolver;
  readonly keysUrl: string;
}

/**
 * The key sets this app has fetched in this session, by issuer, for other features to read without a
 * request: the ping tester checks a refused token's signature against them (a forged token is not a
 * disabled connection). Only IssuerKeys writes here, so only issuers the user's environments name, or
 * that the user agreed to, are ever in it. Kept for the session, whatever their age: a rotated key has
 * a new id, which reads as "not known" rather than as a bad signature.
 */
export class FetchedKeys {
  private readonly byIssuer = new Map<string, KnownKeySet>();

  constructor(private readonly limit = 50) {}

  remember(issuer: string, keys: KnownKeySet): void {
    const key = normaliseIssuer(issuer);
    this.byIssuer.delete(key);
    this.byIssuer.set(key, keys);
    if (this.byIssuer.size > this.limit) this.byIssuer.delete(this.byIssuer.keys().next().value!);
  }

  /** The issuer's keys if this app has fetched them; never fetches. */
  known(issuer: string): KnownKeySet | null {
    return this.byIssuer.get(normaliseIssuer(issuer)) ?? null;
  }
}

/** The process-wide record of fetched key sets (the signature verifier writes, the ping tester reads). */
export const fetchedKeys = new FetchedKeys();

const MAX_BODY_CHARS = 1024 * 1024;
const discoverySchema = z.object({ issuer: z.string().optional(), jwks_uri: z.string().optional() });
const jwksSchema = z.object({ keys: z.array(z.record(z.string(), z.unknown())) });

/** Keyed by string, not NetworkFailure, so a new kind of failure still reads as "could not be reached". */
const NETWORK_WORDS: Readonly<Record<string, string>> = {
  timeout: 'did not answer in time',
  proxy: 'could not be reached through this computer’s proxy server',
  dns: 'could not be found (its name does not resolve)',
  'connection-refused': 'refused the connection',
  tls: 'offered a secure connection this computer does not trust',
  network: 'could not be reached',
};

const networkWords = (error: unknown): string => NETWORK_WORDS[classifyNetworkFailure(error)] ?? 'could not be reached';

type Fetched =
  | { readonly kind: 'json'; readonly body: unknown }
  | { readonly kind: 'missing'; readonly detail: string }
  | { readonly kind: 'unreachable'; readonly detail: string };

/** True for https key addresses, or loopback http when the issuer itself is on loopback (the simulator). */
function isAllowedKeysUrl(value: string, issuer: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && isLoopbackHost(url.hostname) && isLoopbackHost(new URL(issuer).hostname);
}

/**
 * Fetches an issuer's discovery document and JWKS through the injected transport (so the Electron
 * shell's proxy-aware net.fetch applies), caching the keys per issuer for a short time.
 */
export class IssuerKeys {
  private readonly cache = new Map<string, { readonly outcome: KeysOutcome & { kind: 'keys' }; readonly at: number }>();
  private readonly lastFetch = new Map<string, number>();
  private readonly inFlight = new Map<string, Promise<KeysOutcome>>();
  private readonly ttlMs: number;
  private readonly timeoutMs: number;
  private readonly refetchIntervalMs: number;

  constructor(private readonly options: IssuerKeysOptions) {
    this.ttlMs = options.cacheTtlMs ?? 5 * 60_000;
    this.timeoutMs = options.timeoutMs ?? 5000;
    this.refetchIntervalMs = options.refetchIntervalMs ?? 60_000;
  }

  /** True for issuers this app may fetch from: https, or http on this computer. */
  static isFetchable(issuer: string): boolean {
    return isSafeServerUrl(issuer);
  }

  /** The issuer's keys, from the cache while fresh; `refresh` forces a fetch (a key id was missing). */
  async get(issuer: string, refresh = false): Promise<KeysOutcome> {
    const key = normaliseIssuer(issuer);
    const cached = this.cache.get(key);
    if (!refresh && cached && this.options.clock.monotonic() - cached.at < this.ttlMs) return cached.outcome;
    const pending = this.inFlight.get(key) ?? this.fetchKeys(issuer).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, pending);
    const outcome = await pending;
    return outcome;
  }

  /** A key-id miss may mean the issuer rotated its keys: refetch, but at most once a minute. */
  mayRefetch(issuer: string): boolean {
    const last = this.lastFetch.get(normaliseIssuer(issuer));
    return last === undefined || this.options.clock.monotonic() - last >= this.refetchIntervalMs;
  }

  private async fetchKeys(issuer: string): Promise<KeysOutcome> {
    const key = normaliseIssuer(issuer);
    this.lastFetch.set(key, this.options.clock.monotonic());
    const discoveryUrl = joinUrl(issuer, '/.well-known/openid-configuration');
    const discovery = await this.getJson(discoveryUrl);
    if (discovery.kind !== 'json')
      return discovery.kind === 'missing'
        ? { kind: 'no-keys', detail: `no discovery document (${discovery.detail})` }
        : discovery;
    const parsed = discoverySchema.safeParse(discovery.body);
    if (!parsed.success) return { kind: 'no-keys', detail: 'its discovery document could not be read' };
    const { issuer: stated, jwks_uri: keysUrl } = parsed.data;
    if (stated !== undefined && normaliseIssuer(stated) !== key)
      return { kind: 'no-keys', detail: 'its discovery document names a different issuer' };
    if (keysUrl === undefined)
      return { kind: 'no-keys', detail: 'its discovery document lists no signing keys (no jwks_uri)' };
    if (!isAllowedKeysUrl(keysUrl, issuer))
      return { kind: 'no-keys', detail: 'its keys are at an address that is not secure (https)' };
    const keys = await this.getJson(keysUrl);
    if (keys.kind !== 'json')
      return keys.kind === 'missing' ? { kind: 'no-keys', detail: `the key set is missing (${keys.detail})` } : keys;
    const jwks = jwksSchema.safeParse(keys.body);
    if (!jwks.success) return { kind: 'no-keys', detail: 'the published key set could not be read' };
    let resolver: KeyResolver;
    try {
      resolver = createLocalJWKSet(jwks.data as JSONWebKeySet);
    } catch {
      return { kind: 'no-keys', detail: 'the published key set could not be read' };
    }
    const outcome = { kind: 'keys', resolver, keysUrl } as const;
    this.cache.set(key, { outcome, at: this.options.clock.monotonic() });
    (this.options.shared ?? fetchedKeys).remember(issuer, { resolver, keysUrl });
    return outcome;
  }

  private async getJson(url: string): Promise<Fetched> {
    let response: Response;
    try {
      response = await this.options.http(url, {
        method: 'GET',
        headers: { Accept: 'application/json' },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      return { kind: 'unreachable', detail: networkWords(error) };
    }
    if (response.status >= 500 || response.status === 429) {
      await response.body?.cancel().catch(() => undefined);
      return { kind: 'unreachable', detail: `answered with an error (HTTP ${response.status})` };
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      return { kind: 'missing', detail: `HTTP ${response.status}` };
    }
    try {
      const text = await response.text();
      if (text.length > MAX_BODY_CHARS) return { kind: 'missing', detail: 'the answer was far too large' };
      return { kind: 'json', body: JSON.parse(text) as unknown };
    } catch (error) {
      if (error instanceof SyntaxError) return { kind: 'missing', detail: 'the answer was not JSON' };
      return { kind: 'unreachable', detail: networkWords(error) };
    }
  }
}
