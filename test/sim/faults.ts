// Fault switches: how tests and people make the simulator misbehave on purpose.
import { PLAN_DISABLED_BY_DEFAULT } from './fixtures';

/** Everything that can be switched on to reproduce a failure the app must handle. */
export interface Faults {
  /** Token endpoint behaviour; 'drop-connection' grants (a rotated refresh token is spent) but cuts the response off half-way. */
  token: 'none' | 'server-error' | 'slow' | 'invalid-grant' | 'no-refresh-token' | 'drop-connection';
  /** Delay before a 'slow' token response, in milliseconds. */
  tokenDelayMs: number;
  /** Public API behaviour, for every endpoint. */
  ping: 'none' | 'unauthorized' | 'rate-limited' | 'unavailable';
  /** Retry-After value sent with 'rate-limited'. */
  retryAfterSeconds: number;
  /** Seconds added to the Public API's Date header. */
  dateSkewSeconds: number;
  /** The consent step denies by itself (access_denied). */
  denyConsent: boolean;
  /** Lifetime of access tokens issued from now on, in seconds. */
  accessTokenTtl: number;
  /** Sliding lifetime of refresh tokens, in seconds: set when one is issued and renewed in full by each refresh. */
  refreshTokenTtl: number;
  /** The OpenAPI document is served; false makes it answer 404. */
  openApi: boolean;
  /** Delay before every data-list answer, in milliseconds. */
  pageDelayMs: number;
  /** While set, every list request for this 1-based page number answers 500. */
  failPage: number | null;
  /** Data-endpoint reads allowed per application and organisation in any window of `rateWindowSeconds`. */
  readsPerMinute: number;
  /** The rate limit's window: 60 s as ApprovalMax's; shorter makes waits testable in seconds. */
  rateWindowSeconds: number;
  /** Organisations disabled by their plan: still listed, but every data endpoint answers 400. */
  planDisabled: readonly string[];
  /** The consenting user lost the role that allows API access: every Public API call answers 403. */
  roleRevoked: boolean;
  /** Organisations removed from every connection: no longer listed, and their data endpoints answer 403. */
  removedFromConnections: readonly string[];
}

/** The lifetimes a simulator was started with; the switches go back to them on reset. */
export interface FaultDefaults {
  accessTokenTtl: number;
  refreshTokenTtl: number;
}

/** Refresh tokens live 30 days unless told otherwise. */
export const DEFAULT_REFRESH_TOKEN_TTL = 30 * 24 * 60 * 60;

const TOKEN_MODES: readonly Faults['token'][] = [
  'none',
  'server-error',
  'slow',
  'invalid-grant',
  'no-refresh-token',
  'drop-connection',
];
const PING_MODES: readonly Faults['ping'][] = ['none', 'unauthorized', 'rate-limited', 'unavailable'];

/** The healthy state, with the token lifetimes the simulator was started with. */
export function defaultFaults(defaults: FaultDefaults): Faults {
  return {
    token: 'none',
    tokenDelayMs: 10_000,
    ping: 'none',
    retryAfterSeconds: 30,
    dateSkewSeconds: 0,
    denyConsent: false,
    accessTokenTtl: defaults.accessTokenTtl,
    refreshTokenTtl: defaults.refreshTokenTtl,
    openApi: true,
    pageDelayMs: 0,
    failPage: null,
    readsPerMinute: 100,
    rateWindowSeconds: 60,
    planDisabled: [...PLAN_DISABLED_BY_DEFAULT],
    roleRevoked: false,
    removedFromConnections: [],
  };
}

/** Thrown when a faults body from another process names an unknown switch or a bad value. */
export class FaultsInputError extends Error {}

function oneOf<T extends string>(allowed: readonly T[]) {
  return (value: unknown, key: string): T => {
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    throw new FaultsInputError(`${key} must be one of ${allowed.join(', ')}`);
  };
}

function flag(value: unknown, key: string): boolean {
  if (typeof value !== 'boolean') throw new FaultsInputError(`${key} must be true or false`);
  return value;
}

function finite(value: unknown, key: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new FaultsInputError(`${key} must be a number`);
  return value;
}

function nonNegative(value: unknown, key: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new FaultsInputError(`${key} must be a number of 0 or more`);
  }
  return value;
}

function wholeFromOne(unit: string) {
  return (value: unknown, key: string): number => {
    if (!Number.isSafeInteger(value) || (value as number) < 1)
      throw new FaultsInputError(`${key} must be a whole number${unit}, 1 or more`);
    return value as number;
  };
}

function pageOrNull(value: unknown, key: string): number | null {
  return value === null ? null : wholeFromOne(' (a 1-based page) or null')(value, key);
}

function idList(value: unknown, key: string): string[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string'))
    throw new FaultsInputError(`${key} must be a list of organisation ids (companyId strings)`);
  return [...(value as string[])];
}

/** How each switch's value is checked, so a typo fails loudly instead of silently. */
const PARSERS: { [K in keyof Faults]: (value: unknown, key: string) => Faults[K] } = {
  token: oneOf(TOKEN_MODES),
  tokenDelayMs: nonNegative,
  ping: oneOf(PING_MODES),
  retryAfterSeconds: nonNegative,
  dateSkewSeconds: finite,
  denyConsent: flag,
  accessTokenTtl: wholeFromOne(' of seconds'),
  refreshTokenTtl: wholeFromOne(' of seconds'),
  openApi: flag,
  pageDelayMs: nonNegative,
  failPage: pageOrNull,
  readsPerMinute: wholeFromOne(''),
  rateWindowSeconds: wholeFromOne(' of seconds'),
  planDisabled: idList,
  roleRevoked: flag,
  removedFromConnections: idList,
};

/** Validates a partial faults object that arrived as JSON. */
export function parseFaults(input: unknown): Partial<Faults> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new FaultsInputError('the body must be a JSON object of fault switches');
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (!Object.hasOwn(PARSERS, key)) throw new FaultsInputError(`unknown fault switch "${key}"`);
    out[key] = PARSERS[key as keyof Faults](value, key);
  }
  return out as Partial<Faults>;
}

/** The live switchboard shared by the identity server and the Public API. */
export class FaultSwitchboard {
  #current: Faults;
  readonly #onReset: (() => void)[] = [];

  constructor(private readonly defaults: FaultDefaults) {
    this.#current = defaultFaults(defaults);
  }

  get current(): Readonly<Faults> {
    return this.#current;
  }

  set(partial: Partial<Faults>): void {
    this.#current = { ...this.#current, ...parseFaults(partial) };
  }

  /** Everything back to normal, including state that builds up (the rate limiter's reads). */
  reset(): void {
    this.#current = defaultFaults(this.defaults);
    for (const listener of this.#onReset) listener();
  }

  onReset(listener: () => void): void {
    this.#onReset.push(listener);
  }
}
