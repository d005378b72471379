import { randomUUID } from 'node:crypto';
import type {
  ActivityEntry,
  BrowserSignIn,
  CheckReport,
  ConnectionLifetime,
  ConnectionView,
  DisconnectReport,
  Result,
} from '../../../preload/contract';
import type { Environment } from '../environments/environments';
import type { EnvironmentStore } from '../environments/environment-store';
import type { ActivitySink } from '../activity/activity-log';
import { APPROVALMAX_WORDS, providerWords } from '../environments/provider-words';
import { renewalNote, renewalOf } from './renewal';
import type { EventHub } from '../events';
import type { EndpointDiscovery, IdentityEndpoints } from '../oauth/oidc-discovery';
import {
  authorizePrompt,
  createAuthorization,
  PendingFlows,
  type PendingAuthorization,
} from '../oauth/authorization-request';
import { matchRedirect } from '../oauth/redirect-matcher';
import { exchangeCode, type TokenClientConfig } from '../oauth/token-client';
import type { Ports } from '../ports';
import { fail, ok } from '../result';
import { describeWriteFailure } from '../storage/json-file';
import { lapsedReason, lifetimePhase, lifetimeWords, refreshTokenLifetimeMs } from '../keep-alive/lifetime';
import type { RefreshOutcome } from '../tokens/token-refresher';
import { tokenSetFrom } from '../tokens/token-set';
import { connectionClaims } from './claims';
import { renewedAtOf, type ConnectionRecord, type ConnectionStore } from './connection-store';
import { RefreshStatusKeeper } from './refresh-status-keeper';
import { fetchOrganisations } from './organisations';
import {
  explainAbandonedSignIn,
  explainSignInPageProblem,
  explainRedirect,
  KEYCHAIN_WRITE_FAILED,
} from './sign-in-messages';
import { isSignInPageProblem, type LoadedSignInPage } from '../oauth/sign-in-navigation';
import { revokeRefreshToken } from './revocation';
import { KeychainTokenVault } from './token-vault';

/** What one sign-in needs, checked before any window opens. */
interface Prepared {
  readonly env: Environment;
  readonly client: TokenClientConfig;
  readonly endpoints: IdentityEndpoints;
}

/** Connect, reconnect, refresh, rename and disconnect: the home screen's features over the ports. */
export class ConnectionService {
  private readonly vault: KeychainTokenVault;
  private readonly flows: PendingFlows;
  private readonly browserFlows = new Map<
    string,
    { pending: PendingAuthorization; prepared: Prepared; reconnectId?: string }
  >();
  private readonly refresher: RefreshStatusKeeper;
  private signIn: AbortController | null = null;
  private refreshObserver: ((connectionId: string, accessToken: string) => void) | undefined;
  private changeTurn: 'idle' | 'sent' | 'again' = 'idle';

  constructor(
    private readonly ports: Ports,
    private readonly environments: EnvironmentStore,
    private readonly store: ConnectionStore,
    private readonly discovery: EndpointDiscovery,
    private readonly events: EventHub,
    private readonly timeline: ActivitySink,
  ) {
    this.vault = new KeychainTokenVault(ports.secrets);
    this.flows = new PendingFlows(ports.clock);
    this.refresher = new RefreshStatusKeeper({
      ports,
      store,
      vault: this.vault,
      clientFor: async (id) => {
        const env = this.environments.get(this.store.get(id)?.environmentId ?? '');
        const prepared = env ? await this.prepare(env.id) : null;
        return prepared?.ok ? prepared.value.client : null;
      },
      changed: () => this.changed(),
      reconnectReason: (record, message) => this.reconnectReason(record, message),
      beforeRefresh: (id, token) => this.refreshObserver?.(id, token),
      activity: (entry) => this.activity(entry),
    });
  }

  /** Lets the inspector see each access token just before a refresh replaces it. */
  onBeforeRefresh(observer: (connectionId: string, accessToken: string) => void): void {
    this.refreshObserver = observer;
  }

  /** Schedules refreshes for every stored connection; call once at start. */
  start(): Promise<void> {
    return this.refresher.start();
  }

  stop(): void {
    this.refresher.stop();
    this.signIn?.abort();
  }

  list(): ConnectionView[] {
    return this.store.list().map((r) => this.view(r));
  }

  /** The embedded sign-in: opens the window, waits, exchanges the code, stores the connection. */
  async connect(environmentId: string, reconnectId?: string): Promise<Result<ConnectionView>> {
    if (reconnectId && !this.store.get(reconnectId))
      return fail('unknown-connection', 'That connection no longer exists.');
    if (this.signIn) return fail('sign-in-failed', 'A sign-in window is already open. Finish or close it first.');
    const prepared = await this.prepare(environmentId);
    if (!prepared.ok) return prepared;
    const { env, endpoints } = prepared.value;
    const pending = this.authorization(env, endpoints.authorizationEndpoint);
    this.signIn = new AbortController();
    this.ports.logger.info('connect: opening the sign-in window', {
      environmentId,
      url: pending.url,
      discovered: endpoints.discovered,
    });
    try {
      const issuerOrigin = new URL(env.issuer).origin;
      const onPageLoaded = (page: LoadedSignInPage) => {
        if (!isSignInPageProblem(page, issuerOrigin)) return;
        this.ports.logger.warn('connect: the sign-in page shows an error', {
          environmentId,
          status: page.status,
          url: page.url,
        });
        this.events.emit('connections:signInProblem', {
          environmentId,
          message: explainSignInPageProblem(page, providerWords(env)),
        });
      };
      const outcome = await this.ports.authWindow.open({
        url: pending.url,
        redirectUri: env.redirectUri,
        issuerOrigin,
        signal: this.signIn.signal,
        onPageLoaded,
      });
      this.ports.logger.debug('connect: sign-in window closed', {
        outcome: outcome.kind,
        url: outcome.kind === 'redirect' ? outcome.url : null,
      });
      if (outcome.kind !== 'redirect') {
        this.flows.discard(pending.state);
        return fail('sign-in-cancelled', explainAbandonedSignIn(outcome.kind));
      }
      return await this.complete(prepared.value, pending.state, outcome.url, reconnectId);
    } finally {
      this.signIn = null;
    }
  }

  /** Closes an open sign-in window; its connect call then resolves as cancelled. */
  cancelSignIn(): Result<null> {
    this.signIn?.abort();
    return ok(null);
  }

  /** The fallback: the same authorize URL in the user's browser; they paste back where it landed. */
  async signInWithBrowser(environmentId: string, reconnectId?: string): Promise<Result<BrowserSignIn>> {
    if (reconnectId && !this.store.get(reconnectId))
      return fail('unknown-connection', 'That connection no longer exists.');
    const prepared = await this.prepare(environmentId);
    if (!prepared.ok) return prepared;
    const { env, endpoints } = prepared.value;
    const pending = this.authorization(env, endpoints.authorizationEndpoint);
    const flowId = randomUUID();
    this.browserFlows.set(flowId, { pending, prepared: prepared.value, ...(reconnectId ? { reconnectId } : {}) });
    try {
      await this.ports.browser.open(pending.url, new URL(env.issuer).origin);
    } catch {
      this.browserFlows.delete(flowId);
      this.flows.discard(pending.state);
      return fail(
        'sign-in-failed',
        'Your browser could not be opened. Check that a default browser is set, then try again.',
      );
    }
    return ok({ flowId });
  }

  async finishBrowserSignIn(flowId: string, landedUrl: string): Promise<Result<ConnectionView>> {
    const flow = this.browserFlows.get(flowId);
    if (!flow) return fail('sign-in-failed', 'This sign-in has expired or was already used. Start connecting again.');
    const url = landedUrl.trim();
    // A wrong paste (another address, another attempt's sign-in) may be corrected; anything else ends the flow.
    const match = matchRedirect(url, flow.prepared.env.redirectUri, flow.pending.state);
    if (match.kind === 'not-ours' || match.kind === 'state-mismatch')
      return fail('sign-in-failed', explainRedirect(match, providerWords(flow.prepared.env)));
    this.browserFlows.delete(flowId);
    return this.complete(flow.prepared, flow.pending.state, url, flow.reconnectId);
  }

  /** "Refresh now": a forced refresh, sharing any refresh already in flight. */
  async refresh(id: string): Promise<Result<ConnectionView>> {
    if (!this.store.get(id)) return fail('unknown-connection', 'That connection no longer exists.');
    await this.refresher.refreshNow(id);
    const record = this.store.get(id);
    return record ? ok(this.view(record)) : fail('unknown-connection', 'That connection no longer exists.');
  }

  /** A forced refresh for a check or a scheduled renewal: how it ended, once it is saved on the connection. */
  async renewNow(id: string): Promise<RefreshOutcome | null> {
    if (!this.store.get(id)) return null;
    return this.refresher.refreshNow(id);
  }

  /** What keep-alive needs to know of each connection to renew it and warn about it. */
  renewalFacts(): RenewalFacts[] {
    return this.store.list().map((record) => {
      const env = this.environments.get(record.environmentId);
      return {
        id: record.id,
        label: record.label,
        renewable: record.renewal === 'offline' && record.status !== 'needs-reconnect',
        status: record.status,
        refreshing: this.refresher.isRefreshing(record.id),
        renewedAt: Date.parse(renewedAtOf(record)),
        lifetimeMs: env ? refreshTokenLifetimeMs(env) : null,
      };
    });
  }

  /** Saves a check's report with its connection and tells the renderer. */
  async recordCheck(id: string, report: CheckReport): Promise<void> {
    const record = this.store.get(id);
    if (!record) return;
    try {
      await this.store.put({ ...record, lastCheck: report });
    } catch (error) {
      this.ports.logger.error('check: could not save the result', { id, error: String(error) });
    }
    this.changed();
  }

  /** The last check of a connection, with its steps; null when never checked (or unknown). */
  lastCheck(id: string): CheckReport | null {
    return this.store.get(id)?.lastCheck ?? null;
  }

  /** Tells the renderer the list again (a lifetime crossed into its warning days, say). */
  refreshViews(): void {
    this.changed();
  }

  /** A connection's access token for the ping tester, refreshed first if it is about to expire; never leaves main. */
  async accessTokenFor(id: string): Promise<Result<{ token: string; connection: ConnectionView }>> {
    const record = this.store.get(id);
    if (!record) return fail('unknown-connection', 'That connection no longer exists. Choose another one.');
    const answer = await this.refresher.accessToken(id);
    const current = this.store.get(id) ?? record;
    if (!answer.ok)
      return fail(
        'token-unavailable',
        `${current.label} has no usable access token right now. ${'message' in answer.outcome ? answer.outcome.message : ''}`.trim(),
      );
    return ok({ token: answer.accessToken, connection: this.view(current) });
  }

  /** The stored access token as it is (no refresh), for reading its claims into a diagnostics report. */
  async storedAccessToken(id: string): Promise<string | null> {
    return (await this.vault.load(id).catch(() => null))?.accessToken ?? null;
  }

  async rename(id: string, label: string): Promise<Result<ConnectionView>> {
    const record = this.store.get(id);
    if (!record) return fail('unknown-connection', 'That connection no longer exists.');
    const next = { ...record, label: label.trim() || record.label };
    try {
      await this.store.put(next);
    } catch (error) {
      return fail('storage', describeWriteFailure(error, 'the new name'));
    }
    this.changed();
    return ok(this.view(next));
  }

  /** Revokes the refresh token where the issuer allows, then deletes every secret and the metadata. */
  async disconnect(id: string): Promise<Result<DisconnectReport>> {
    const record = this.store.get(id);
    if (!record) return fail('unknown-connection', 'That connection no longer exists.');
    const env = this.environments.get(record.environmentId);
    const tokens = await this.vault.load(id).catch(() => null);
    const prepared = env ? await this.prepare(env.id) : null;
    const revocation =
      prepared?.ok && tokens?.refreshToken
        ? await revokeRefreshToken(this.ports.http, prepared.value, tokens.refreshToken)
        : { supported: false, revoked: false };
    this.refresher.forget(id);
    try {
      await this.vault.remove(id);
    } catch {
      return fail(
        'keychain',
        'The connection could not be removed from the keychain. Unlock the keychain and try again; nothing was deleted.',
      );
    }
    try {
      await this.store.remove(id);
    } catch (error) {
      return fail('storage', describeWriteFailure(error, 'the change'));
    }
    this.activity({
      kind: 'disconnect',
      tone: 'good',
      summary: `Disconnected ${record.label}.`,
      connectionId: id,
      connectionLabel: record.label,
    });
    this.changed();
    return ok({ revoked: revocation.revoked, revocationSupported: revocation.supported });
  }

  /** A fresh authorise request (state, PKCE, the environment's prompt) remembered until its redirect. */
  private authorization(env: Environment, authorizationEndpoint: string): PendingAuthorization {
    const prompt = authorizePrompt(env.scopes, env.prompt);
    const pending = createAuthorization(
      {
        authorizationEndpoint,
        clientId: env.clientId,
        redirectUri: env.redirectUri,
        scopes: env.scopes,
        ...(prompt ? { prompt } : {}),
      },
      this.ports.clock.now(),
    );
    this.flows.add(pending);
    return pending;
  }

  private async prepare(environmentId: string): Promise<Result<Prepared>> {
    const env = this.environments.get(environmentId);
    if (!env) return fail('unknown-environment', 'That environment no longer exists. Choose another one.');
    const clientSecret = await this.environments.clientSecret(env.id).catch(() => null);
    if (!env.clientId || !env.redirectUri || !clientSecret)
      return fail(
        'not-configured',
        `${env.name} is missing its Client ID, redirect URI or Client Secret. Add them in Settings (they come from ${providerWords(env).portal}), then connect again.`,
      );
    const endpoints = await this.discovery.endpoints(env.issuer);
    return ok({
      env,
      endpoints,
      client: {
        tokenEndpoint: endpoints.tokenEndpoint,
        clientId: env.clientId,
        clientSecret,
        redirectUri: env.redirectUri,
        provider: providerWords(env),
      },
    });
  }

  private async complete(
    prepared: Prepared,
    state: string,
    url: string,
    reconnectId?: string,
  ): Promise<Result<ConnectionView>> {
    const { env, client } = prepared;
    const match = matchRedirect(url, env.redirectUri, state);
    this.ports.logger.debug('connect: redirect', { url, match: match.kind });
    if (match.kind !== 'code') {
      if (match.kind === 'error') this.flows.discard(state);
      this.activity({ kind: 'error', tone: 'bad', summary: `Connecting to ${env.name} did not finish.` });
      return fail('sign-in-failed', explainRedirect(match, providerWords(env)));
    }
    const pending = this.flows.take(match.state);
    if (!pending)
      return fail('sign-in-failed', 'This sign-in was already used or has expired. Start connecting again.');
    const exchanged = await exchangeCode(this.ports.http, client, match.code, pending.codeVerifier, {
      requireRefreshToken: env.scopes.includes('offline_access'),
    });
    if (!exchanged.ok) {
      this.activity({
        kind: 'error',
        tone: 'bad',
        summary: `Connecting to ${env.name} failed: ${exchanged.failure.message}`,
      });
      return fail('sign-in-failed', exchanged.failure.message);
    }
    const now = this.ports.clock.now();
    const tokens = tokenSetFrom(exchanged.tokens, now, null);
    this.ports.logger.debug('connect: code exchanged', {
      expiresIn: exchanged.tokens.expiresIn,
      refreshTokenIssued: exchanged.tokens.refreshToken !== null,
    });
    const claims = connectionClaims(tokens.accessToken);
    const orgs = await fetchOrganisations(this.ports.http, env.apiBase, tokens.accessToken);
    this.ports.logger.info('connect: organisations', { ok: orgs.ok, count: orgs.ok ? orgs.organisations.length : 0 });
    const previous = reconnectId ? this.store.get(reconnectId) : undefined;
    const organisations = orgs.ok ? orgs.organisations : [];
    const record: ConnectionRecord = {
      id: previous?.id ?? randomUUID(),
      label: previous?.label ?? defaultLabel(env, organisations),
      environmentId: env.id,
      organisations,
      connectionId: claims.connectionId,
      subject: claims.subject,
      scopes: claims.scopes ?? tokens.scope?.slice() ?? [...env.scopes],
      renewal: renewalOf(exchanged.tokens.refreshToken, exchanged.tokens.scope ?? claims.scopes, env.scopes),
      createdAt: previous?.createdAt ?? new Date(now).toISOString(),
      lastRefreshedAt: null,
      ...(tokens.refreshToken ? { refreshTokenRenewedAt: new Date(now).toISOString() } : {}),
      expiresAt: new Date(tokens.expiresAt).toISOString(),
      status: orgs.ok ? 'connected' : 'error',
      statusMessage: orgs.ok ? null : `Connected, but ${orgs.message} Use "Refresh now" to try again.`,
    };
    try {
      await this.vault.save(record.id, tokens);
    } catch {
      return fail('keychain', KEYCHAIN_WRITE_FAILED);
    }
    try {
      await this.store.put(record);
    } catch (error) {
      if (!previous) await this.vault.remove(record.id).catch(() => undefined);
      return fail('storage', describeWriteFailure(error, 'the connection'));
    }
    this.refresher.track(record.id, tokens);
    this.ports.logger.info('connect: connection stored', {
      id: record.id,
      environmentId: env.id,
      reconnected: Boolean(previous),
    });
    this.activity({
      kind: 'connect',
      tone: 'good',
      summary: `${previous ? 'Reconnected' : 'Connected'} ${record.label} (${organisations.length} organisation${organisations.length === 1 ? '' : 's'}).`,
      connectionId: record.id,
      connectionLabel: record.label,
    });
    this.changed();
    return ok(this.view(record));
  }

  private view(record: ConnectionRecord): ConnectionView {
    const {
      id,
      label,
      environmentId,
      organisations,
      connectionId,
      subject,
      scopes,
      createdAt,
      lastRefreshedAt,
      expiresAt,
      statusMessage,
      renewal,
    } = record;
    const env = this.environments.get(environmentId);
    const environmentName = env?.name ?? 'a removed environment';
    const status = this.refresher.isRefreshing(id) ? 'refreshing' : record.status;
    const note = renewalNote(renewal, env ? providerWords(env) : APPROVALMAX_WORDS);
    const check = record.lastCheck;
    return {
      id,
      label,
      environmentId,
      environmentName,
      organisations,
      connectionId,
      subject,
      scopes,
      createdAt,
      lastRefreshedAt,
      expiresAt,
      status,
      statusMessage,
      renewal,
      renewalNote: note,
      lifetime: this.lifetime(record, env),
      lastCheck: check
        ? {
            checkedAt: check.checkedAt,
            result: check.result,
            summary: check.summary,
            organisationProblems: check.organisationProblems,
          }
        : null,
    };
  }

  /** How long the connection lasts without the app; only for refresh tokens granted offline access, with a known lifetime. */
  private lifetime(record: ConnectionRecord, env: Environment | undefined): ConnectionLifetime | null {
    const lifetimeMs = env ? refreshTokenLifetimeMs(env) : null;
    if (lifetimeMs === null || record.renewal !== 'offline' || record.status === 'needs-reconnect') return null;
    const renewedAt = Date.parse(renewedAtOf(record));
    const { phase, lapsesAt, words, warning } = lifetimeWords(renewedAt, lifetimeMs, this.ports.clock.now());
    return {
      renewedAt: new Date(renewedAt).toISOString(),
      lapsesAt: new Date(lapsesAt).toISOString(),
      phase,
      words,
      warning,
    };
  }

  /** The server's refusal, or, when the refresh token's lifetime ran out, why in words. */
  private reconnectReason(record: ConnectionRecord, message: string): string {
    const env = this.environments.get(record.environmentId);
    const lifetimeMs = env ? refreshTokenLifetimeMs(env) : null;
    if (!env || lifetimeMs === null || record.renewal !== 'offline') return message;
    const renewedAt = Date.parse(renewedAtOf(record));
    return lifetimePhase(renewedAt, lifetimeMs, this.ports.clock.now()) === 'lapsed'
      ? lapsedReason(renewedAt, lifetimeMs, providerWords(env).name)
      : message;
  }

  /**
   * Tells the renderer at once, then at most once more per turn of the event loop: a storm of 200
   * refreshes sends a few lists, not 400.
   */
  private changed(): void {
    if (this.changeTurn === 'idle') {
      this.events.emit('connections:changed', this.list());
      this.changeTurn = 'sent';
      setImmediate(() => {
        const again = this.changeTurn === 'again';
        this.changeTurn = 'idle';
        if (again) this.changed();
      });
    } else this.changeTurn = 'again';
  }

  private activity(entry: Omit<ActivityEntry, 'at'>): void {
    this.timeline.record({ at: new Date(this.ports.clock.now()).toISOString(), ...entry });
  }
}

/** One connection as keep-alive sees it. */
export interface RenewalFacts {
  readonly id: string;
  readonly label: string;
  /** A refresh token granted for offline access, and not waiting for a reconnect. */
  readonly renewable: boolean;
  readonly status: ConnectionRecord['status'];
  readonly refreshing: boolean;
  readonly renewedAt: number;
  /** Null where the server's refresh-token lifetime is unknown. */
  readonly lifetimeMs: number | null;
}

function defaultLabel(env: Environment, organisations: readonly { name: string }[]): string {
  const [first, ...rest] = organisations;
  if (!first) return `${env.name} connection`;
  return rest.length ? `${first.name} + ${rest.length} more` : first.name;
}
