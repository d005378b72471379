// Fault switches: how tests and people make the simulator misbehave on purpose.

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
}

const TOKEN_MODES: readonly Faults['token'][] = [
  'none',
  'server-error',
  'slow',
  'invalid-grant',
  'no-refresh-token',
  'drop-connection',
];
const PING_MODES: readonly Faults['ping'][] = ['none', 'unauthorized', 'rate-limited', 'unavailable'];

/** The healthy state, with the access-token lifetime the simulator was started with. */
export function defaultFaults(accessTokenTtl: number): Faults {
  return {
    token: 'none',
    tokenDelayMs: 10_000,
    ping: 'none',
    retryAfterSeconds: 30,
    dateSkewSeconds: 0,
    denyConsent: false,
    accessTokenTtl,
  };
}

/** Thrown when a faults body from another process names an unknown switch or a bad value. */
export class FaultsInputError extends Error {}

function isOneOf<T extends string>(value: unknown, allowed: readonly T[]): value is T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value);
}

function nonNegative(value: unknown, key: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new FaultsInputError(`${key} must be a number of 0 or more`);
  }
  return value;
}

/** Validates a partial faults object that arrived as JSON, so a typo fails loudly instead of silently. */
export function parseFaults(input: unknown): Partial<Faults> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new FaultsInputError('the body must be a JSON object of fault switches');
  }
  const out: Partial<Faults> = {};
  for (const [key, value] of Object.entries(input)) {
    switch (key) {
      case 'token':
        if (!isOneOf(value, TOKEN_MODES)) throw new FaultsInputError(`token must be one of ${TOKEN_MODES.join(', ')}`);
        out.token = value;
        break;
      case 'ping':
        if (!isOneOf(value, PING_MODES)) throw new FaultsInputError(`ping must be one of ${PING_MODES.join(', ')}`);
        out.ping = value;
        break;
      case 'denyConsent':
        if (typeof value !== 'boolean') throw new FaultsInputError('denyConsent must be true or false');
        out.denyConsent = value;
        break;
      case 'dateSkewSeconds':
        if (typeof value !== 'number' || !Number.isFinite(value))
          throw new FaultsInputError('dateSkewSeconds must be a number');
        out.dateSkewSeconds = value;
        break;
      case 'tokenDelayMs':
      case 'retryAfterSeconds':
        out[key] = nonNegative(value, key);
        break;
      case 'accessTokenTtl':
        if (!Number.isSafeInteger(value) || (value as number) < 1)
          throw new FaultsInputError('accessTokenTtl must be a whole number of seconds, 1 or more');
        out.accessTokenTtl = value as number;
        break;
      default:
        throw new FaultsInputError(`unknown fault switch "${key}"`);
    }
  }
  return out;
}

/** The live switchboard shared by the identity server and the Public API. */
export class FaultSwitchboard {
  #current: Faults;

  constructor(private readonly defaultTtl: number) {
    this.#current = defaultFaults(defaultTtl);
  }

  get current(): Readonly<Faults> {
    return this.#current;
  }

  set(partial: Partial<Faults>): void {
    this.#current = { ...this.#current, ...parseFaults(partial) };
  }

  reset(): void {
    this.#current = defaultFaults(this.defaultTtl);
  }
}
