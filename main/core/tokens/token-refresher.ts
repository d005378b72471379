import { refreshGrant, type TokenClientConfig, type TokenFailureKind, type TokenResponse } from '../oauth/token-client';
import type { Clock, HttpTransport, Logger } from '../ports';
import { backoffDelay, MAX_IN_FLIGHT_WAIT_MS } from './refresh-backoff';
import * as words from './refresh-messages';
import { needsRefresh, refreshDueAt, tokenSetFrom, type TokenSet } from './token-set';

/** Where a connection's tokens live (the keychain); `save` writes the refresh token before the access token. */
export interface TokenVault {
  load(connectionId: string): Promise<TokenSet | null>;
  save(connectionId: string, tokens: TokenSet): Promise<void>;
}

/** How a refresh ended, in terms the UI acts on: carry on, reconnect, or try later. */
export type RefreshOutcome =
  | { kind: 'refreshed'; tokens: TokenSet }
  | { kind: 'needs-reconnect'; message: string }
  | { kind: 'failed'; message: string; retryable: boolean };

/** Hooks for the activity timeline and the connection list; messages are plain words, never secrets. */
export interface RefreshEvents {
  refreshing?(id: string): void;
  refreshed?(id: string, tokens: TokenSet): void;
  needsReconnect?(id: string, message: string): void;
  failed?(id: string, message: string): void;
}

/** setTimeout/clearTimeout, injectable so a shell or a test can own time. */
export interface RefreshTimers {
  set(fire: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

/** Everything the refresher needs, as ports and plain functions. */
export interface TokenRefresherDeps {
  http: HttpTransport;
  clock: Clock;
  logger: Logger;
  vault: TokenVault;
  clientFor(connectionId: string): Promise<TokenClientConfig | null>;
  events?: RefreshEvents;
  sleep?(ms: number): Promise<void>;
  random?(): number;
  maxAttempts?: number;
  timers?: RefreshTimers;
}

/** A scheduled refresh that failed for a passing reason is tried again this much later. */
export const RETRY_LATER_MS = 60_000;
/** A still-valid old token is handed out after a failed refresh only with this much life left. */
const FALLBACK_MARGIN_MS = 30_000;
const MAX_TIMER_MS = 2 ** 31 - 1;
const RECONNECT_KINDS: ReadonlySet<TokenFailureKind> = new Set([
  'invalid_grant',
  'invalid_client',
  'unauthorized_client',
  'invalid_scope',
  'access_denied',
]);
const UNREADABLE = Symbol('unreadable');

type Granted = { ok: true; tokens: TokenResponse } | { ok: false; outcome: RefreshOutcome };
type TokenAnswer = { ok: true; accessToken: string } | { ok: false; outcome: RefreshOutcome };

const reconnect = (message: string): RefreshOutcome => ({ kind: 'needs-reconnect', message });
const failed = (message: string, retryable = true): RefreshOutcome => ({ kind: 'failed', message, retryable });

/** How many scheduled refreshes run at once; more wait their turn, so a storm never blocks the app. */
export const MAX_SCHEDULED_AT_ONCE = 8;

/**
 * Refreshes tokens: a timer per connection before expiry, one refresh in flight per connection,
 * retries with backoff, the newest refresh token stored before the access token is used.
 */
export class TokenRefresher {
  private readonly flights = new Map<string, Promise<RefreshOutcome>>();
  /** Scheduled refreshes that fell due, waiting for a slot: a storm of them runs a few at a time. */
  private readonly due: string[] = [];
  private dueRunning = 0;
  private readonly timerHandles = new Map<string, unknown>();
  private readonly scheduled = new Set<string>();
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly maxAttempts: number;
  private readonly timers: RefreshTimers;
  private stopped = false;

  constructor(private readonly deps: TokenRefresherDeps) {
    this.sleep = deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = deps.random ?? Math.random;
    this.maxAttempts = Math.max(1, deps.maxAttempts ?? 4);
    this.timers = deps.timers ?? realTimers;
  }

  /** Refresh now; concurrent callers for the same connection share ONE token request (single flight). */
  refresh(connectionId: string): Promise<RefreshOutcome> {
    const running = this.flights.get(connectionId);
    if (running) return running;
    const flight = this.runFlight(connectionId).finally(() => this.flights.delete(connectionId));
    this.flights.set(connectionId, flight);
    return flight;
  }

  /** A valid access token, refreshing first if within REFRESH_AHEAD_MS of expiry (or the clock jumped back). */
  async accessToken(connectionId: string): Promise<TokenAnswer> {
    const stored = await this.loadStored(connectionId);
    if (stored === UNREADABLE) return { ok: false, outcome: failed(words.KEYCHAIN_READ_FAILED) };
    if (!stored) return { ok: false, outcome: reconnect(words.NOT_CONNECTED) };
    if (!needsRefresh(stored, this.deps.clock.now())) return { ok: true, accessToken: stored.accessToken };
    const outcome = await this.refresh(connectionId);
    if (outcome.kind === 'refreshed') return { ok: true, accessToken: outcome.tokens.accessToken };
    if (outcome.kind === 'failed' && this.stillUsable(stored)) {
      this.deps.logger.warn('token refresh: failed, using the current access token until it expires', { connectionId });
      return { ok: true, accessToken: stored.accessToken };
    }
    return { ok: false, outcome };
  }

  /** Calls the API with the token; on a 401, at most one forced refresh and one retry. */
  async withAccessToken(
    connectionId: string,
    call: (accessToken: string) => Promise<Response>,
  ): Promise<{ ok: true; response: Response } | { ok: false; outcome: RefreshOutcome }> {
    const first = await this.accessToken(connectionId);
    if (!first.ok) return first;
    const response = await call(first.accessToken);
    if (response.status !== 401) return { ok: true, response };
    await discardBody(response);
    this.deps.logger.info('api call: 401, renewing access once and retrying', { connectionId });
    const second = await this.tokenAfter401(connectionId, first.accessToken);
    if (!second.ok) return second;
    return { ok: true, response: await call(second.accessToken) };
  }

  /** Keeps one timer per connection firing REFRESH_AHEAD_MS before expiry; reschedules after each refresh. */
  schedule(connectionId: string, tokens: TokenSet): void {
    if (this.stopped) return;
    this.scheduled.add(connectionId);
    const now = this.deps.clock.now();
    const delay = now < tokens.receivedAt ? 0 : Math.max(0, refreshDueAt(tokens) - now);
    this.setTimer(connectionId, delay);
  }

  /** Stops refreshing a connection in the background (disconnect, or the app no longer shows it). */
  unschedule(connectionId: string): void {
    this.scheduled.delete(connectionId);
    this.clearTimer(connectionId);
  }

  /** Clears every timer at shutdown; refreshes already in flight finish but schedule nothing new. */
  stop(): void {
    this.stopped = true;
    for (const id of [...this.timerHandles.keys()]) this.clearTimer(id);
    this.scheduled.clear();
  }

  private async runFlight(id: string): Promise<RefreshOutcome> {
    this.emit(() => this.deps.events?.refreshing?.(id));
    this.deps.logger.info('token refresh: starting', { connectionId: id });
    const outcome = await this.attempt(id).catch((error: unknown) => {
      this.deps.logger.error('token refresh: unexpected error', {
        connectionId: id,
        error: error instanceof Error ? error.name : typeof error,
      });
      return failed(words.UNEXPECTED_REFRESH_ERROR);
    });
    this.report(id, outcome);
    return outcome;
  }

  private async attempt(id: string): Promise<RefreshOutcome> {
    const stored = await this.loadStored(id);
    if (stored === UNREADABLE) return failed(words.KEYCHAIN_READ_FAILED);
    if (!stored?.refreshToken) return reconnect(stored ? words.NO_REFRESH_TOKEN : words.NOT_CONNECTED);
    const config = await this.deps.clientFor(id);
    if (!config) return reconnect(words.NO_CLIENT_SETTINGS);
    const granted = await this.requestWithRetries(id, config, stored.refreshToken);
    if (!granted.ok) return granted.outcome;
    // Nothing may come between the answer and the vault's write (its refresh token goes first): a server
    // that rotates refresh tokens has already retired the old one, so until that write lands a kill
    // loses the connection. Status, events and the access token all wait for it.
    return this.persist(id, tokenSetFrom(granted.tokens, this.deps.clock.now(), stored.refreshToken));
  }

  private async requestWithRetries(id: string, config: TokenClientConfig, refreshToken: string): Promise<Granted> {
    for (let attempt = 1; ; attempt++) {
      const result = await refreshGrant(this.deps.http, config, refreshToken, { now: () => this.deps.clock.now() });
      if (result.ok) return result;
      const { kind, status, message, retryable, retryAfterMs } = result.failure;
      this.deps.logger.warn('token refresh: request failed', { connectionId: id, kind, status, attempt });
      if (RECONNECT_KINDS.has(kind)) return { ok: false, outcome: reconnect(message) };
      if (!retryable) return { ok: false, outcome: failed(message) };
      if (attempt >= this.maxAttempts) return { ok: false, outcome: failed(words.afterAttempts(message, attempt)) };
      if ((retryAfterMs ?? 0) > MAX_IN_FLIGHT_WAIT_MS) return { ok: false, outcome: failed(message) };
      const delay = backoffDelay(attempt, this.random, retryAfterMs);
      await this.sleep(delay);
    }
  }

  /** Stores the new set and reads it back; only a set the keychain demonstrably holds is handed out. */
  private async persist(id: string, tokens: TokenSet): Promise<RefreshOutcome> {
    try {
      await this.deps.vault.save(id, tokens);
    } catch (error) {
      this.deps.logger.error('token refresh: could not save to the keychain', {
        connectionId: id,
        error: error instanceof Error ? error.name : typeof error,
      });
      return failed(words.KEYCHAIN_WRITE_FAILED);
    }
    const readBack = await this.loadStored(id);
    if (
      readBack === UNREADABLE ||
      !readBack ||
      readBack.refreshToken !== tokens.refreshToken ||
      readBack.accessToken !== tokens.accessToken
    ) {
      this.deps.logger.error('token refresh: the keychain did not hold what was saved', { connectionId: id });
      return failed(words.KEYCHAIN_WRITE_FAILED);
    }
    this.deps.logger.info('token refresh: succeeded', {
      connectionId: id,
      expiresInSeconds: Math.round((tokens.expiresAt - tokens.receivedAt) / 1000),
    });
    return { kind: 'refreshed', tokens };
  }

  private async tokenAfter401(id: string, rejected: string): Promise<TokenAnswer> {
    const stored = await this.loadStored(id);
    // Another caller may have refreshed while this call was out: use its token instead of refreshing again.
    if (
      stored &&
      stored !== UNREADABLE &&
      stored.accessToken !== rejected &&
      !needsRefresh(stored, this.deps.clock.now())
    ) {
      return { ok: true, accessToken: stored.accessToken };
    }
    const outcome = await this.refresh(id);
    return outcome.kind === 'refreshed'
      ? { ok: true, accessToken: outcome.tokens.accessToken }
      : { ok: false, outcome };
  }

  private report(id: string, outcome: RefreshOutcome): void {
    if (outcome.kind === 'refreshed') {
      this.emit(() => this.deps.events?.refreshed?.(id, outcome.tokens));
      if (this.scheduled.has(id)) this.schedule(id, outcome.tokens);
    } else if (outcome.kind === 'needs-reconnect') {
      this.deps.logger.warn('token refresh: the connection needs to be reconnected', { connectionId: id });
      this.emit(() => this.deps.events?.needsReconnect?.(id, outcome.message));
      this.unschedule(id);
    } else {
      this.emit(() => this.deps.events?.failed?.(id, outcome.message));
      if (this.scheduled.has(id) && outcome.retryable && !this.stopped) this.setTimer(id, RETRY_LATER_MS);
    }
  }

  private stillUsable(tokens: TokenSet): boolean {
    const now = this.deps.clock.now();
    return now >= tokens.receivedAt && now < tokens.expiresAt - FALLBACK_MARGIN_MS;
  }

  private async loadStored(id: string): Promise<TokenSet | null | typeof UNREADABLE> {
    try {
      return await this.deps.vault.load(id);
    } catch (error) {
      this.deps.logger.error('token refresh: could not read the keychain', {
        connectionId: id,
        error: error instanceof Error ? error.name : typeof error,
      });
      return UNREADABLE;
    }
  }

  private setTimer(id: string, delayMs: number): void {
    this.clearTimer(id);
    const step = Math.min(delayMs, MAX_TIMER_MS);
    const handle = this.timers.set(() => {
      this.timerHandles.delete(id);
      if (this.stopped) return;
      if (delayMs > step) this.setTimer(id, delayMs - step);
      else this.startDue(id);
    }, step);
    this.timerHandles.set(id, handle);
  }

  /** Runs due refreshes while one of MAX_SCHEDULED_AT_ONCE slots is free (user-asked refreshes never wait). */
  private startDue(id?: string): void {
    if (id !== undefined && !this.due.includes(id)) this.due.push(id);
    while (this.dueRunning < MAX_SCHEDULED_AT_ONCE && this.due.length > 0) {
      const next = this.due.shift()!;
      this.dueRunning++;
      void this.refresh(next).finally(() => {
        this.dueRunning--;
        if (!this.stopped) this.startDue();
      });
    }
  }

  private clearTimer(id: string): void {
    if (!this.timerHandles.has(id)) return;
    this.timers.clear(this.timerHandles.get(id));
    this.timerHandles.delete(id);
  }

  private emit(notify: () => void): void {
    try {
      notify();
    } catch (error) {
      this.deps.logger.warn('token refresh: an event listener threw', {
        error: error instanceof Error ? error.name : typeof error,
      });
    }
  }
}

/** Real timers that do not keep a Node process alive on their own. */
const realTimers: RefreshTimers = {
  set: (fire, ms) => {
    const handle = setTimeout(fire, ms);
    handle.unref?.();
    return handle;
  },
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

async function discardBody(response: Response): Promise<void> {
  try {
    await response.body?.cancel();
  } catch {
    // Already read or locked by the caller: nothing to free.
  }
}
