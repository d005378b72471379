// "Check connection": one run of ordered steps per connection — identity server, a real token refresh,
// /ping, the organisation list, one cheap read per organisation, the clock — each passed / warning /
// failed in plain words; saved with the connection, one Activity entry per run (README "Staying connected").
import { randomUUID } from 'node:crypto';
import type { CheckReport, CheckStep, Organisation, PingReport, Result } from '../../../preload/contract';
import type { ActivitySink } from '../activity/activity-log';
import type { ConnectionService } from '../connections/connection-service';
import type { EnvironmentStore } from '../environments/environment-store';
import type { Environment } from '../environments/environments';
import { providerWords } from '../environments/provider-words';
import type { EventHub } from '../events';
import { classifyNetworkFailure } from '../http/network-failure';
import { fetchOrganisations } from '../connections/organisations';
import { sendPing, type PingDeps } from '../ping/ping';
import { verdictForFailure } from '../ping/verdicts';
import type { Ports } from '../ports';
import { fail, ok } from '../result';
import type { RefreshOutcome } from '../tokens/token-refresher';
import { joinUrl } from '../urls';
import {
  apiStep,
  clockStep,
  identityServerStep,
  organisationProblems,
  organisationStep,
  organisationsStep,
  overall,
  skippedStep,
  stepLine,
  tokenStep,
  type DiscoveryAnswer,
} from './check-steps';
import { classifyOrganisationRead, organisationReadPath, type OrganisationRead } from './organisation-read';

/** How many connections "Check all" checks at once. */
export const CHECKS_AT_ONCE = 3;
const DISCOVERY_TIMEOUT_MS = 10_000;

/** What a check needs from the rest of the core. */
export interface ConnectionCheckDeps {
  readonly ports: Ports;
  readonly environments: EnvironmentStore;
  readonly connections: ConnectionService;
  readonly activity: ActivitySink;
  readonly events: EventHub;
  readonly timeoutMs: number;
  /** Sees every finished report (keep-alive notifies about failures in the background). */
  readonly onReport?: (report: CheckReport) => void;
}

/** Runs checks, one at a time per connection (a second click joins the running one). */
export class ConnectionCheck {
  private readonly running = new Map<string, Promise<Result<CheckReport>>>();
  private readonly pingDeps: PingDeps;
  private checkingAll: Promise<Result<CheckReport[]>> | null = null;

  constructor(private readonly deps: ConnectionCheckDeps) {
    const { http, clock, logger } = deps.ports;
    this.pingDeps = { http, clock, logger, timeoutMs: deps.timeoutMs, newId: randomUUID };
  }

  /** True while "Check all" runs. */
  get checkingEverything(): boolean {
    return this.checkingAll !== null;
  }

  check(id: string): Promise<Result<CheckReport>> {
    const current = this.running.get(id);
    if (current) return current;
    const run = this.run(id).finally(() => this.running.delete(id));
    this.running.set(id, run);
    return run;
  }

  /** Every connection, a few at a time; a second "Check all" joins the running one. */
  checkAll(): Promise<Result<CheckReport[]>> {
    this.checkingAll ??= this.runAll().finally(() => (this.checkingAll = null));
    return this.checkingAll;
  }

  private async runAll(): Promise<Result<CheckReport[]>> {
    const ids = this.deps.connections.list().map((c) => c.id);
    const reports: CheckReport[] = [];
    let next = 0;
    const worker = async () => {
      while (next < ids.length) {
        const result = await this.check(ids[next++]!);
        if (result.ok) reports.push(result.value);
      }
    };
    await Promise.all(Array.from({ length: Math.min(CHECKS_AT_ONCE, ids.length) }, worker));
    const order = new Map(ids.map((id, i) => [id, i]));
    return ok(reports.sort((a, b) => order.get(a.connectionId)! - order.get(b.connectionId)!));
  }

  private async run(id: string): Promise<Result<CheckReport>> {
    const { connections, ports } = this.deps;
    const view = connections.list().find((c) => c.id === id);
    if (!view) return fail('unknown-connection', 'That connection no longer exists.');
    const env = this.deps.environments.get(view.environmentId);
    if (!env)
      return fail(
        'unknown-environment',
        `The environment of ${view.label} was removed, so it cannot be checked. Disconnect it, or add the environment again.`,
      );
    const checkedAt = new Date(ports.clock.now()).toISOString();
    ports.logger.info('check: starting', { connectionId: id });
    const steps: CheckStep[] = [];
    const add = (s: CheckStep) => {
      steps.push(s);
      this.deps.events.emit('health:progress', { connectionId: id, step: s });
    };

    add(identityServerStep(await this.discovery(env), providerWords(env).name));
    const renewal = await this.renew(id, view.renewal, view.renewalNote);
    add(tokenStep(renewal, connections.list().find((c) => c.id === id)?.lifetime?.words ?? null));
    // After a failed refresh the stored token as it is (another refresh would only fail again).
    const token = renewal.kind === 'refreshed' ? renewal.tokens.accessToken : await connections.storedAccessToken(id);

    const stored = view.organisations;
    let reads: { organisation: Organisation; read: OrganisationRead | null }[] = stored.map((organisation) => ({
      organisation,
      read: null,
    }));
    if (!token) {
      const why = 'Skipped: there is no working access token to call the API with.';
      add(skippedStep('api', 'API', why));
      add(skippedStep('organisations', 'Organisation list', why));
      for (const o of stored) add(skippedStep('organisation', o.name, why, o.companyId));
      add(skippedStep('clock', 'Clock', why));
    } else {
      const ping = await this.get(env, token, '/ping', view.id, view.label);
      add(apiStep(ping.verdict));
      const listed = await fetchOrganisations(ports.http, env.apiBase, token);
      add(organisationsStep(stored, listed));
      const everyone = [...stored, ...(listed.ok ? listed.organisations : [])].filter(
        (o, i, all) => all.findIndex((x) => x.companyId === o.companyId) === i,
      );
      reads = [];
      for (const organisation of everyone) {
        const answer = await this.get(env, token, organisationReadPath(organisation.companyId), view.id, view.label);
        const read = classifyOrganisationRead(organisation.name, answer);
        reads.push({ organisation, read });
        add(organisationStep(organisation, read));
      }
      add(clockStep(ping.clockSkew));
    }

    const label = connections.list().find((c) => c.id === id)?.label ?? view.label;
    const report: CheckReport = {
      connectionId: id,
      connectionLabel: label,
      environmentName: env.name,
      checkedAt,
      ...overall(steps),
      steps,
      organisationProblems: organisationProblems(reads),
    };
    await connections.recordCheck(id, report);
    this.deps.activity.record({
      at: new Date(ports.clock.now()).toISOString(),
      kind: 'check',
      tone: report.result === 'passed' ? 'good' : report.result === 'warning' ? 'warning' : 'bad',
      summary: `Checked ${label}: ${report.summary}`,
      connectionId: id,
      connectionLabel: label,
      details: steps.map(stepLine),
    });
    ports.logger.info('check: finished', { connectionId: id, result: report.result });
    this.deps.onReport?.(report);
    return ok(report);
  }

  /** The discovery document, fetched afresh (the sign-in's cached copy would prove nothing). */
  private async discovery(env: Environment): Promise<DiscoveryAnswer> {
    const url = joinUrl(env.issuer, '/.well-known/openid-configuration');
    try {
      const response = await this.deps.ports.http(url, {
        headers: { Accept: 'application/json' },
        signal: AbortSignal.timeout(DISCOVERY_TIMEOUT_MS),
      });
      const body: unknown = response.ok ? await response.json().catch(() => null) : await discard(response);
      const published =
        typeof body === 'object' &&
        body !== null &&
        typeof (body as Record<string, unknown>).token_endpoint === 'string';
      return published ? { kind: 'document' } : { kind: 'no-document', status: response.status };
    } catch (error) {
      return {
        kind: 'no-answer',
        verdict: verdictForFailure(classifyNetworkFailure(error), url, DISCOVERY_TIMEOUT_MS),
      };
    }
  }

  /** A real refresh, except for a connection without a refresh token (trying would mark it for reconnecting). */
  private async renew(
    id: string,
    renewal: string,
    note: string | null,
  ): Promise<RefreshOutcome | { kind: 'no-refresh-token'; note: string }> {
    if (renewal === 'none')
      return {
        kind: 'no-refresh-token',
        note: note ?? 'This connection has no refresh token, so it cannot renew itself.',
      };
    return (
      (await this.deps.connections.renewNow(id)) ?? {
        kind: 'failed',
        message: 'The connection was removed.',
        retryable: false,
      }
    );
  }

  private get(env: Environment, token: string, path: string, connectionId: string, label: string): Promise<PingReport> {
    return sendPing(this.pingDeps, {
      env,
      token,
      url: joinUrl(env.apiBase, path),
      path,
      target: { kind: 'connection', connectionId, label },
    });
  }
}

async function discard(response: Response): Promise<null> {
  await response.body?.cancel().catch(() => undefined);
  return null;
}
