import { randomUUID } from 'node:crypto';
import type {
  ActivityEntry,
  BridgeError,
  Endpoint,
  PingReport,
  Result,
  RunProgress,
  RunResult,
  WorkbenchPage,
} from '../../../preload/contract';
import type { ActivitySink } from '../activity/activity-log';
import type { ConnectionService } from '../connections/connection-service';
import type { EnvironmentStore } from '../environments/environment-store';
import type { Environment } from '../environments/environments';
import type { EventHub } from '../events';
import { parseRetryAfter } from '../oauth/retry-after';
import { checkApiPath } from '../ping/api-path';
import { sendPing, type PingDeps } from '../ping/ping';
import type { PingHistory } from '../ping/ping-history';
import type { Clock, HttpTransport, Logger } from '../ports';
import { fail, ok } from '../result';
import { readPageBody } from './page-body';
import { budgetKey, DEFAULT_READS_PER_MINUTE, RateBudget } from './rate-budget';
import { actionHeadline, budgetWait, retryAfterWait } from './run-words';
import { systemSleep, type Sleep } from './sleep';

/** Runs kept for "Next page" and export; the oldest idle ones are dropped beyond this. */
const KEPT_RUNS = 20;
/** A page answered 429 this many times in a row is given up, so a server that never lets up cannot hold a run forever. */
const MAX_RATE_LIMITED_TRIES = 5;
/** A 429 without a usable Retry-After waits this long: the budget's window. */
const DEFAULT_RETRY_MS = 60_000;

/** What runs need from the rest of the core, passed in by service.ts (fakes in tests). */
export interface RunDeps {
  readonly http: HttpTransport;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly environments: Pick<EnvironmentStore, 'get'>;
  readonly connections: Pick<ConnectionService, 'accessTokenFor'>;
  readonly history: Pick<PingHistory, 'add'>;
  readonly activity: ActivitySink;
  readonly events: Pick<EventHub, 'emit'>;
  readonly timeoutMs: number;
  readonly sleep?: Sleep;
  readonly newId?: () => string;
}

/** A run to start: the request already built and checked. */
export interface RunStart {
  readonly connectionId: string;
  readonly connectionLabel: string;
  readonly environmentId: string;
  readonly endpoint: Endpoint;
  /** The path with its query under the API base, as built from the form. */
  readonly path: string;
  readonly companyId: string | null;
  readonly organisation: string | null;
}

interface Run extends RunStart {
  readonly id: string;
  /** The continuation token of the next page; null for the first page or after the last one. */
  cursor: string | null;
  finished: boolean;
  pages: number;
  /** Every item loaded, for the JSON export. */
  readonly items: unknown[];
  failedPage: number | null;
  state: RunProgress['state'];
  maxPages: number | null;
  waitingFor: string | null;
  waitingUntil: string | null;
  /** The action running now (one at a time); aborting it cancels. */
  action: AbortController | null;
}

type PageOutcome =
  | { readonly kind: 'page'; readonly page: WorkbenchPage }
  | { readonly kind: 'failed'; readonly page: WorkbenchPage }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'error'; readonly error: BridgeError };

/** One action's tally, for its single history and timeline entry. */
interface Tally {
  pages: number;
  items: number;
  last: PingReport | null;
}

/**
 * Reads of one endpoint page by page: each page through the ping tester's sendPing with the
 * connection's current token, within a budget of reads per minute per Client ID and organisation.
 */
export class Runs {
  private readonly runs = new Map<string, Run>();
  private readonly budget = new RateBudget();
  private readonly pingDeps: PingDeps;
  private readonly sleep: Sleep;
  private readonly newId: () => string;

  constructor(private readonly deps: RunDeps) {
    this.newId = deps.newId ?? randomUUID;
    this.sleep = deps.sleep ?? systemSleep;
    this.pingDeps = {
      http: deps.http,
      clock: deps.clock,
      logger: deps.logger,
      timeoutMs: deps.timeoutMs,
      newId: this.newId,
    };
  }

  /** Starts a run with its first page. */
  start(start: RunStart): Promise<Result<RunResult>> {
    const run: Run = {
      ...start,
      id: this.newId(),
      cursor: null,
      finished: false,
      pages: 0,
      items: [],
      failedPage: null,
      state: 'loading',
      maxPages: null,
      waitingFor: null,
      waitingUntil: null,
      action: null,
    };
    this.keep(run);
    return this.act(run, 1);
  }

  /** The next page, or the page that failed, again. */
  next(runId: string): Promise<Result<RunResult>> {
    const run = this.runs.get(runId);
    if (!run) return Promise.resolve(unknownRun());
    if (run.finished && run.failedPage === null)
      return Promise.resolve(
        fail('invalid-argument', 'There are no more pages: the last page had no continuation token.'),
      );
    return this.act(run, run.pages + 1);
  }

  /** Every remaining page until there is no continuation token, up to `maxPages` in all. */
  loadAll(runId: string, maxPages: number): Promise<Result<RunResult>> {
    const run = this.runs.get(runId);
    if (!run) return Promise.resolve(unknownRun());
    return this.act(run, maxPages, maxPages);
  }

  /** Stops the run's action (a wait at once; a request in flight once it answers). */
  cancel(runId: string): Result<null> {
    const run = this.runs.get(runId);
    if (!run) return unknownRun();
    run.action?.abort(new DOMException('Cancelled', 'AbortError'));
    return ok(null);
  }

  /** Every item a run has loaded, for the JSON export. */
  items(runId: string): { endpoint: Endpoint; items: readonly unknown[] } | undefined {
    const run = this.runs.get(runId);
    return run && { endpoint: run.endpoint, items: run.items };
  }

  /** Cancels every running action (quitting). */
  stop(): void {
    for (const run of this.runs.values()) run.action?.abort(new DOMException('Quitting', 'AbortError'));
  }

  /** Loads pages until `upTo` pages in all (or no continuation token, cancel, a failure). */
  private async act(run: Run, upTo: number, cap: number | null = null): Promise<Result<RunResult>> {
    if (run.action)
      return fail(
        'invalid-argument',
        'This run is still loading pages. Wait for it to finish, or cancel it, then try again.',
      );
    const action = new AbortController();
    run.action = action;
    run.maxPages = cap;
    const loaded: WorkbenchPage[] = [];
    const tally: Tally = { pages: 0, items: 0, last: null };
    let error: BridgeError | null = null;
    let failure: { page: number; headline: string } | null = null;
    try {
      this.progress(run, 'loading');
      while (!run.finished && run.pages < upTo && !action.signal.aborted) {
        const outcome = await this.page(run, action.signal, tally);
        if (outcome.kind === 'cancelled') break;
        if (outcome.kind === 'error') {
          error = outcome.error;
          run.failedPage = run.pages + 1;
          break;
        }
        loaded.push(outcome.page);
        this.deps.events.emit('workbench:page', outcome.page);
        if (outcome.kind === 'failed') {
          failure = { page: outcome.page.number, headline: outcome.page.report.verdict.headline };
          break;
        }
        tally.pages += 1;
        tally.items += outcome.page.items.length;
        this.progress(run, 'loading');
      }
    } finally {
      run.action = null;
    }
    const state: RunProgress['state'] =
      error || failure
        ? 'failed'
        : run.finished
          ? 'done'
          : action.signal.aborted
            ? 'cancelled'
            : cap !== null && run.pages >= cap
              ? 'capped'
              : 'more';
    const progress = this.progress(run, state);
    this.record(run, state, tally, failure, error);
    return error ? { ok: false, error } : ok({ progress, pages: loaded });
  }

  /** One page: within the budget, with the current token; a 429 waits as asked and tries the same page again. */
  private async page(run: Run, signal: AbortSignal, tally: Tally): Promise<PageOutcome> {
    const number = run.pages + 1;
    for (let tries = 1; ; tries++) {
      try {
        await this.withinBudget(run, number, signal);
      } catch {
        return { kind: 'cancelled' };
      }
      const answer = await this.deps.connections.accessTokenFor(run.connectionId);
      if (!answer.ok) return { kind: 'error', error: answer.error };
      const env = this.deps.environments.get(run.environmentId);
      if (!env)
        return {
          kind: 'error',
          error: { code: 'unknown-environment', message: 'The environment of this run no longer exists.' },
        };
      const checked = checkApiPath(env.apiBase, withCursor(run.path, run.cursor));
      if (!checked.ok) return { kind: 'error', error: { code: 'invalid-argument', message: checked.reason } };
      const now = this.deps.clock.now();
      this.budget.take(this.key(run, env), now);
      let body = '';
      const report = await sendPing(this.pingDeps, {
        env,
        token: answer.value.token,
        url: checked.url,
        path: checked.path,
        target: { kind: 'connection', connectionId: run.connectionId, label: answer.value.connection.label },
        ...(run.organisation ? { organisation: run.organisation } : {}),
        onBody: (text) => (body = text),
      });
      tally.last = report;
      const status = report.response?.status ?? null;
      if (status === 429 && tries < MAX_RATE_LIMITED_TRIES && !signal.aborted) {
        const headers = new Headers(report.response!.headers as [string, string][]);
        const waitMs = parseRetryAfter(headers.get('retry-after'), now, headers.get('date')) ?? DEFAULT_RETRY_MS;
        this.budget.block(this.key(run, env), this.deps.clock.now() + waitMs);
        continue;
      }
      if (status === null || status < 200 || status >= 300) {
        run.failedPage = number;
        return { kind: 'failed', page: { runId: run.id, number, report, items: [], hasMore: true } };
      }
      const { items, continuationToken } = readPageBody(body);
      run.pages = number;
      run.cursor = continuationToken;
      run.finished = continuationToken === null;
      run.failedPage = null;
      run.items.push(...items);
      return { kind: 'page', page: { runId: run.id, number, report, items, hasMore: !run.finished } };
    }
  }

  /** Waits while the budget (or a 429's Retry-After) holds the next read back, telling why; rejects when cancelled. */
  private async withinBudget(run: Run, page: number, signal: AbortSignal): Promise<void> {
    for (;;) {
      if (signal.aborted) throw signal.reason;
      const env = this.deps.environments.get(run.environmentId);
      if (!env) return; // the page itself reports the missing environment
      const key = this.key(run, env);
      const perMinute = env.readsPerMinute ?? DEFAULT_READS_PER_MINUTE;
      const now = this.deps.clock.now();
      const blocked = this.budget.blockedFor(key, now);
      const budget = this.budget.delay(key, perMinute, now);
      const waitMs = Math.max(blocked, budget);
      if (waitMs <= 0) {
        if (run.state === 'waiting') this.progress(run, 'loading');
        return;
      }
      const words =
        blocked >= budget
          ? retryAfterWait(waitMs, page)
          : budgetWait(waitMs, perMinute, run.organisation ?? `${env.name}'s organisation list`);
      this.progress(run, 'waiting', words, new Date(now + waitMs).toISOString());
      await this.sleep(waitMs, signal);
    }
  }

  private key(run: Run, env: Environment): string {
    return budgetKey(env.clientId || env.id, run.companyId);
  }

  private progress(
    run: Run,
    state: RunProgress['state'],
    waitingFor: string | null = null,
    waitingUntil: string | null = null,
  ): RunProgress {
    run.state = state;
    run.waitingFor = waitingFor;
    run.waitingUntil = waitingUntil;
    const progress: RunProgress = {
      runId: run.id,
      state,
      pages: run.pages,
      items: run.items.length,
      waitingFor,
      waitingUntil,
      failedPage: state === 'failed' ? run.failedPage : null,
      maxPages: run.maxPages,
    };
    this.deps.events.emit('workbench:progress', progress);
    return progress;
  }

  /** One timeline entry and one history entry per action, however many pages it read. */
  private record(
    run: Run,
    state: Exclude<RunProgress['state'], 'loading' | 'waiting'>,
    tally: Tally,
    failure: { page: number; headline: string } | null,
    error: BridgeError | null,
  ): void {
    if (!tally.last && !error) return; // cancelled before anything was asked
    const headline = error
      ? `Page ${run.failedPage} was not read: ${error.message}`
      : actionHeadline(state, tally.pages, tally.items, failure);
    const tone = error || failure ? 'bad' : state === 'cancelled' ? 'warning' : 'good';
    const last = tally.last;
    if (last) void this.deps.history.add({ ...last, verdict: { ...last.verdict, headline, tone } });
    const where = `${run.endpoint.name}${run.organisation ? ` for ${run.organisation}` : ''}`;
    const entry: ActivityEntry = {
      at: new Date(this.deps.clock.now()).toISOString(),
      kind: 'ping',
      summary: `API workbench, ${where} with ${run.connectionLabel}: ${headline}`,
      tone,
      connectionId: run.connectionId,
      connectionLabel: run.connectionLabel,
    };
    this.deps.activity.record(entry);
  }

  private keep(run: Run): void {
    this.runs.set(run.id, run);
    for (const [id, kept] of this.runs) {
      if (this.runs.size <= KEPT_RUNS) break;
      if (!kept.action) this.runs.delete(id);
    }
  }
}

/** The run's path with `continuationToken` set to the cursor (or as the form gave it, for the first page). */
function withCursor(path: string, cursor: string | null): string {
  if (cursor === null) return path;
  const url = new URL(path, 'http://path.invalid');
  url.searchParams.set('continuationToken', cursor);
  return `${url.pathname}${url.search}`;
}

function unknownRun<T>(): Result<T> {
  return fail(
    'invalid-argument',
    'That run is no longer kept (only the latest 20 are). Start it again from the first page.',
  );
}
