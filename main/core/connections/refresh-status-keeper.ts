import type { ActivityEntry } from '../../../preload/contract';
import type { TokenClientConfig } from '../oauth/token-client';
import type { Ports } from '../ports';
import { TokenRefresher, type RefreshOutcome } from '../tokens/token-refresher';
import type { TokenSet } from '../tokens/token-set';
import type { ConnectionRecord, ConnectionStore } from './connection-store';
import type { KeychainTokenVault } from './token-vault';

/** What the status keeper needs from the connection service. */
export interface RefresherDeps {
  ports: Ports;
  store: ConnectionStore;
  vault: KeychainTokenVault;
  clientFor(connectionId: string): Promise<TokenClientConfig | null>;
  changed(): void;
  /** Words for a connection that needs reconnecting, e.g. why its refresh token lapsed; default: the server's refusal. */
  reconnectReason?(record: ConnectionRecord, message: string): string;
  /** Sees the access token a refresh is about to replace (for the inspector's "what changed"). */
  beforeRefresh?(connectionId: string, accessToken: string): void;
  activity(entry: Omit<ActivityEntry, 'at'>): void;
}

/** Turns token refreshes into connection status (refreshing, connected, needs reconnect) and saves it. */
export class RefreshStatusKeeper {
  private readonly refresher: TokenRefresher;
  private readonly inFlight = new Set<string>();
  /** The latest status update per connection, so "Refresh now" can answer with the saved result. */
  private readonly settling = new Map<string, Promise<void>>();

  constructor(private readonly deps: RefresherDeps) {
    const { ports } = deps;
    this.refresher = new TokenRefresher({
      http: ports.http,
      clock: ports.clock,
      logger: ports.logger,
      // A refresh that finishes after a disconnect must not write the tokens back.
      vault: {
        load: (id) => deps.vault.load(id),
        save: (id, tokens) =>
          deps.store.get(id) ? deps.vault.save(id, tokens) : Promise.reject(new Error('the connection was removed')),
      },
      clientFor: deps.clientFor,
      events: {
        refreshing: (id) => {
          this.mark(id, true);
          // The access token only: a read of the refresh token's entry would queue ahead of its write.
          if (deps.beforeRefresh)
            void deps.vault.loadAccessToken(id).then(
              (token) => token && deps.beforeRefresh?.(id, token),
              () => undefined,
            );
        },
        refreshed: (id, tokens) => this.settle(id, { kind: 'refreshed', tokens }),
        needsReconnect: (id, message) => this.settle(id, { kind: 'needs-reconnect', message }),
        failed: (id, message) => this.settle(id, { kind: 'failed', message, retryable: true }),
      },
    });
  }

  /** Schedules every stored connection whose tokens are in the keychain; the rest need reconnecting. */
  async start(): Promise<void> {
    for (const record of this.deps.store.list()) {
      if (record.status === 'needs-reconnect') continue;
      const tokens = await this.deps.vault.load(record.id).catch(() => null);
      if (tokens) this.refresher.schedule(record.id, tokens);
      else
        await this.update(record.id, {
          status: 'needs-reconnect',
          statusMessage: 'Its tokens are missing from the keychain. Reconnect to continue.',
        });
    }
  }

  track(id: string, tokens: TokenSet): void {
    this.refresher.schedule(id, tokens);
  }

  forget(id: string): void {
    this.refresher.unschedule(id);
  }

  /** A valid access token for an API call, refreshed first if it is about to expire. */
  accessToken(id: string): ReturnType<TokenRefresher['accessToken']> {
    return this.refresher.accessToken(id);
  }

  isRefreshing(id: string): boolean {
    return this.inFlight.has(id);
  }

  /** A forced refresh; resolves once its outcome is saved on the connection. */
  async refreshNow(id: string): Promise<RefreshOutcome> {
    const outcome = await this.refresher.refresh(id);
    await this.settling.get(id);
    return outcome;
  }

  stop(): void {
    this.refresher.stop();
  }

  private mark(id: string, refreshing: boolean): void {
    if (refreshing) this.inFlight.add(id);
    else this.inFlight.delete(id);
    this.deps.changed();
  }

  private settle(id: string, outcome: RefreshOutcome): void {
    const previous = this.settling.get(id) ?? Promise.resolve();
    this.settling.set(
      id,
      previous.then(() => this.record(id, outcome)),
    );
  }

  /** Records one outcome on the connection (status, times) and tells the renderer. */
  private async record(id: string, outcome: RefreshOutcome): Promise<void> {
    this.inFlight.delete(id);
    const record = this.deps.store.get(id);
    if (!record) return;
    const now = new Date(this.deps.ports.clock.now()).toISOString();
    if (outcome.kind === 'refreshed') {
      await this.update(id, {
        status: 'connected',
        statusMessage: null,
        lastRefreshedAt: now,
        // Each refresh renews the refresh token's sliding lifetime (README "Staying connected").
        refreshTokenRenewedAt: now,
        expiresAt: new Date(outcome.tokens.expiresAt).toISOString(),
      });
      this.deps.activity({
        kind: 'refresh',
        tone: 'good',
        summary: `Refreshed ${record.label}.`,
        connectionId: id,
        connectionLabel: record.label,
      });
    } else if (outcome.kind === 'needs-reconnect') {
      const message = this.deps.reconnectReason?.(record, outcome.message) ?? outcome.message;
      await this.update(id, { status: 'needs-reconnect', statusMessage: message });
      this.deps.activity({
        kind: 'reconnect-needed',
        tone: 'bad',
        summary: `${record.label} needs reconnecting: ${message}`,
        connectionId: id,
        connectionLabel: record.label,
      });
    } else {
      await this.update(id, { status: 'error', statusMessage: outcome.message });
      this.deps.activity({
        kind: 'refresh',
        tone: 'warning',
        summary: `Refreshing ${record.label} failed: ${outcome.message}`,
        connectionId: id,
        connectionLabel: record.label,
      });
    }
  }

  private async update(id: string, change: Partial<ConnectionRecord>): Promise<void> {
    const record = this.deps.store.get(id);
    if (!record) return;
    try {
      await this.deps.store.put({ ...record, ...change });
    } catch (error) {
      this.deps.ports.logger.error('connections: could not save status', { id, error: String(error) });
    }
    this.deps.changed();
  }
}
