// Keeps connections alive while the app runs: renews each refresh token on its schedule, warns before
// one lapses (card, banner, a system notification at most once a day), and — with "Keep connections
// alive in the background" — starts at login with a tray icon and notifies about every failure.
// Time is read from the Clock port on every tick, so a clock that jumps (sleep, a manual change) is
// handled at the next tick (README "Staying connected").
import type { CheckReport, KeepAliveSetting, Result } from '../../../preload/contract';
import type { AppConfig } from '../app-config';
import type { ConnectionService, RenewalFacts } from '../connections/connection-service';
import type { Ports } from '../ports';
import { fail, ok } from '../result';
import type { Scheduler } from '../updates/ports';
import { effectiveKeepAlive, loginItemSupported, trayMenu } from './background-policy';
import type { KeepAliveStore } from './keep-alive-store';
import { lifetimePhase, lifetimeWords, renewalDecision, type LifetimePhase } from './lifetime';
import { notificationDue, topicNotifies, type NoticeTopic } from './notification-policy';

/** How often the app looks for renewals due and lifetimes crossing into their warning days. */
export const KEEP_ALIVE_CHECK_MS = 60_000;

/** What keep-alive needs from the rest of the core. */
export interface KeepAliveDeps {
  readonly ports: Pick<Ports, 'clock' | 'logger' | 'notifier' | 'loginItem' | 'tray'>;
  readonly config: Pick<AppConfig, 'keepAliveInBackground' | 'keepAliveCheckMs' | 'platform' | 'shell'>;
  readonly store: KeepAliveStore;
  readonly connections: ConnectionService;
  readonly scheduler: Scheduler;
  /** "Check all" from the tray. */
  checkAll(): Promise<unknown>;
  /** True while "Check all" runs (the tray says so). */
  checking(): boolean;
}

export class KeepAlive {
  private cancel: (() => void) | null = null;
  private ticking: Promise<void> | null = null;
  private readonly phases = new Map<string, LifetimePhase | null>();
  /** When each connection's last scheduled renewal failed (memory only: a restart tries again at once). */
  private readonly failedAt = new Map<string, number>();

  constructor(private readonly deps: KeepAliveDeps) {}

  /** The first tick at once (connections left alone for a week renew at start), then every minute. */
  start(): Promise<void> {
    this.apply();
    this.cancel = this.deps.scheduler.every(
      this.deps.config.keepAliveCheckMs ?? KEEP_ALIVE_CHECK_MS,
      () => void this.tick(),
    );
    return this.tick();
  }

  stop(): void {
    this.cancel?.();
    this.cancel = null;
  }

  setting(): KeepAliveSetting {
    const { enabled, setByAdmin } = effectiveKeepAlive(
      this.deps.config.keepAliveInBackground,
      this.deps.store.background,
    );
    return {
      enabled,
      setByAdmin,
      startsAtLogin: loginItemSupported(this.deps.config.platform, this.deps.config.shell),
    };
  }

  async setEnabled(enabled: boolean): Promise<Result<KeepAliveSetting>> {
    if (this.setting().setByAdmin)
      return fail(
        'invalid-argument',
        'Your IT team sets "Keep connections alive in the background" for this computer, so it cannot be changed here.',
      );
    try {
      await this.deps.store.setBackground(enabled);
    } catch {
      return fail(
        'storage',
        'The setting could not be saved because the app could not write to its data folder. Check the folder’s permissions, then try again.',
      );
    }
    this.deps.ports.logger.info('keep-alive: background setting changed', { enabled });
    this.apply();
    return ok(this.setting());
  }

  /** One pass: renew what is due, then warn about what is lapsing. Overlapping ticks share one pass. */
  tick(): Promise<void> {
    this.ticking ??= this.pass()
      .catch((error: unknown) =>
        this.deps.ports.logger.error('keep-alive: a pass failed', {
          reason: error instanceof Error ? error.message : String(error),
        }),
      )
      .finally(() => (this.ticking = null));
    return this.ticking;
  }

  /** A finished check: in the background, its problems become a notification (once a day per connection). */
  checked(report: CheckReport): void {
    if (report.result !== 'failed') return;
    void this.notify('failure', report.connectionId, {
      title: `${report.connectionLabel}: the check found a problem`,
      body: report.summary,
    });
  }

  private async pass(): Promise<void> {
    const { connections, ports } = this.deps;
    for (const facts of connections.renewalFacts()) {
      if (!facts.renewable || facts.refreshing) continue;
      const now = ports.clock.now();
      const decision = renewalDecision(facts.renewedAt, facts.lifetimeMs, now, this.failedAt.get(facts.id) ?? null);
      if (!decision.renew) continue;
      ports.logger.info('keep-alive: renewing', { connectionId: facts.id, why: decision.why });
      const outcome = await connections.renewNow(facts.id);
      if (outcome?.kind === 'refreshed' || !outcome) this.failedAt.delete(facts.id);
      else this.failedAt.set(facts.id, now);
      if (outcome && outcome.kind !== 'refreshed')
        await this.notify('failure', facts.id, {
          title:
            outcome.kind === 'needs-reconnect'
              ? `${facts.label} needs reconnecting`
              : `${facts.label} could not be renewed`,
          body: outcome.kind === 'needs-reconnect' ? this.statusMessage(facts.id, outcome.message) : outcome.message,
        });
    }
    const now = ports.clock.now();
    let changed = false;
    const all = connections.renewalFacts();
    for (const facts of all) {
      const phase = phaseOf(facts, now);
      if (this.phases.get(facts.id) !== phase) changed = true;
      this.phases.set(facts.id, phase);
      if (phase === 'lapsing-soon' && facts.lifetimeMs !== null) {
        const { warning } = lifetimeWords(facts.renewedAt, facts.lifetimeMs, now);
        await this.notify('lapsing', facts.id, { title: `${facts.label} stops working soon`, body: warning ?? '' });
      }
    }
    for (const id of [...this.phases.keys()])
      if (!all.some((f) => f.id === id)) {
        // Disconnected: its notice times go too.
        this.phases.delete(id);
        this.failedAt.delete(id);
        await this.deps.store.forget(id);
      }
    // Cards and the banner show lifetimes as of the last list: send a fresh one when a phase moved.
    if (changed) connections.refreshViews();
    this.updateTray(all, now);
  }

  private statusMessage(id: string, fallback: string): string {
    return this.deps.connections.list().find((c) => c.id === id)?.statusMessage ?? fallback;
  }

  private async notify(topic: NoticeTopic, connectionId: string, notice: { title: string; body: string }) {
    const { notifier, clock, logger } = this.deps.ports;
    if (!notifier || !topicNotifies(topic, this.setting().enabled)) return;
    const now = clock.now();
    if (!notificationDue(this.deps.store.lastNotified(topic, connectionId), now)) return;
    await this.deps.store.notified(topic, connectionId, now);
    logger.info('keep-alive: notification shown', { topic, connectionId });
    try {
      notifier.show(notice);
    } catch (error) {
      logger.warn('keep-alive: the notification could not be shown', { reason: String(error) });
    }
  }

  /** The login item and the tray icon follow the setting in force. */
  private apply(): void {
    const { enabled } = this.setting();
    const { loginItem, logger } = this.deps.ports;
    try {
      loginItem?.set(enabled);
    } catch (error) {
      logger.warn('keep-alive: the login item could not be changed', { reason: String(error) });
    }
    this.updateTray(this.deps.connections.renewalFacts(), this.deps.ports.clock.now());
  }

  private updateTray(all: readonly RenewalFacts[], now: number): void {
    const { tray } = this.deps.ports;
    if (!tray) return;
    if (!this.setting().enabled) return tray.hide();
    const needingAttention = all.filter((f) => f.status !== 'connected' || phaseOf(f, now) === 'lapsing-soon').length;
    tray.show(trayMenu({ connections: all.length, needingAttention, checking: this.deps.checking() }), () => {
      void this.deps
        .checkAll()
        .finally(() => this.updateTray(this.deps.connections.renewalFacts(), this.deps.ports.clock.now()));
      this.updateTray(this.deps.connections.renewalFacts(), this.deps.ports.clock.now());
    });
  }
}

function phaseOf(facts: RenewalFacts, now: number): LifetimePhase | null {
  if (!facts.renewable || facts.lifetimeMs === null) return null;
  return lifetimePhase(facts.renewedAt, facts.lifetimeMs, now);
}
