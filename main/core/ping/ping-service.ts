import { randomUUID } from 'node:crypto';
import type { CopyReceipt, PingCopy, PingInput, PingReport, PingTarget, Result } from '../../../preload/contract';
import type { ActivityLog } from '../activity/activity-log';
import type { CopyService } from '../app/copy-service';
import type { ConnectionService } from '../connections/connection-service';
import type { EnvironmentStore } from '../environments/environment-store';
import type { Environment } from '../environments/environments';
import type { PingHistory } from './ping-history';
import type { Ports } from '../ports';
import { fail, ok } from '../result';
import { cleanPastedToken } from '../tokens/pasted-token';
import { checkApiPath } from './api-path';
import { toCurl } from './curl';
import { sendPing, type PingDeps } from './ping';

/** Pasted tokens are remembered in memory for "copy as cURL with the real token", for this many recent pings only. */
const REMEMBERED_TOKENS = 20;

/** What the ping tester needs from the rest of the core. */
export interface PingServiceDeps {
  readonly ports: Ports;
  readonly environments: EnvironmentStore;
  readonly connections: ConnectionService;
  readonly history: PingHistory;
  readonly activity: ActivityLog;
  readonly copier: CopyService;
  readonly timeoutMs: number;
}

type Prepared = { env: Environment; token: string; target: PingTarget };

/** The ping tester: resolves whose token to use, sends, keeps history and timeline, and copies for the user. */
export class PingService {
  /** Report id → pasted token, memory only: tokens are never written to the history. */
  private readonly pastedTokens = new Map<string, string>();

  /** What sendPing needs, put together once rather than on every ping. */
  private readonly pingDeps: PingDeps;

  constructor(private readonly deps: PingServiceDeps) {
    const { http, clock, logger } = deps.ports;
    this.pingDeps = { http, clock, logger, timeoutMs: deps.timeoutMs, newId: randomUUID };
  }

  async send(input: PingInput): Promise<Result<PingReport>> {
    const prepared = await this.prepare(input);
    if (!prepared.ok) return prepared;
    const { env, token, target } = prepared.value;
    const checked = checkApiPath(env.apiBase, input.path);
    if (!checked.ok) return fail('invalid-argument', checked.reason);
    const report = await sendPing(this.pingDeps, { env, token, url: checked.url, path: checked.path, target });
    if (target.kind === 'pasted') this.remember(report.id, token);
    // The reply does not wait for the disk: the history is written behind it and flushed on quit.
    void this.deps.history.add(report);
    this.deps.activity.record(activityFor(report));
    return ok(report);
  }

  /** Copies a cURL command (token as `$TOKEN`, or the real one, wiped after 60 s) or the response. */
  async copy(id: string, what: PingCopy): Promise<Result<CopyReceipt>> {
    const report = this.deps.history.get(id);
    if (!report)
      return fail('invalid-argument', 'That check is no longer in the history. Send the request again, then copy.');
    if (what === 'response') {
      if (!report.response)
        return fail('invalid-argument', 'This check got no answer, so there is no response to copy.');
      await this.deps.copier.copy(responseText(report));
      return ok({ clearsAt: null });
    }
    if (what === 'curl') {
      await this.deps.copier.copy(report.curl);
      return ok({ clearsAt: null });
    }
    const token = await this.tokenFor(report);
    if (!token.ok) return token;
    const clearsAt = await this.deps.copier.copySecret(toCurl(report.request, token.value));
    return ok({ clearsAt: new Date(clearsAt).toISOString() });
  }

  private async prepare(input: PingInput): Promise<Result<Prepared>> {
    if ('connectionId' in input) {
      const answer = await this.deps.connections.accessTokenFor(input.connectionId);
      if (!answer.ok) return answer;
      const { connection, token } = answer.value;
      const env = this.deps.environments.get(connection.environmentId);
      if (!env)
        return fail(
          'unknown-environment',
          `The environment of ${connection.label} no longer exists. Reconnect the organisation in another environment.`,
        );
      return ok({ env, token, target: { kind: 'connection', connectionId: connection.id, label: connection.label } });
    }
    const env = this.deps.environments.get(input.environmentId);
    if (!env)
      return fail('unknown-environment', 'That environment no longer exists. Choose another one and try again.');
    const token = cleanPastedToken(input.accessToken);
    if (!token.ok) return fail('invalid-argument', token.reason);
    return ok({ env, token: token.token, target: { kind: 'pasted' } });
  }

  /** The real token for a copy: a connection's current one, or a pasted one still remembered from this session. */
  private async tokenFor(report: PingReport): Promise<Result<string>> {
    if (report.target.kind === 'connection') {
      const answer = await this.deps.connections.accessTokenFor(report.target.connectionId);
      return answer.ok ? ok(answer.value.token) : answer;
    }
    const token = this.pastedTokens.get(report.id);
    if (token) return ok(token);
    return fail(
      'token-unavailable',
      'Pasted tokens are never saved, so this earlier check no longer has its token. Paste the token again and send the request, then copy; or copy the command with $TOKEN instead.',
    );
  }

  private remember(id: string, token: string): void {
    this.pastedTokens.set(id, token);
    for (const key of this.pastedTokens.keys()) {
      if (this.pastedTokens.size <= REMEMBERED_TOKENS) break;
      this.pastedTokens.delete(key);
    }
  }
}

function activityFor(report: PingReport) {
  const status = report.response ? `HTTP ${report.response.status}` : 'no answer';
  const what =
    report.path === '/ping' ? `Ping to ${report.environmentName}` : `GET ${report.path} on ${report.environmentName}`;
  const who = report.target.kind === 'connection' ? ` with ${report.target.label}` : '';
  const connection =
    report.target.kind === 'connection'
      ? { connectionId: report.target.connectionId, connectionLabel: report.target.label }
      : {};
  return {
    at: report.startedAt,
    kind: 'ping' as const,
    summary: `${what}${who}: ${status} — ${report.verdict.headline}`,
    tone: report.verdict.tone,
    ...connection,
  };
}

function responseText(report: PingReport): string {
  const response = report.response!;
  let body = response.body;
  try {
    body = JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    // Not JSON: copied as it came.
  }
  const headers = response.headers.map(([n, v]) => `${n}: ${v}`).join('\n');
  return `${`HTTP ${response.status} ${response.statusText}`.trim()}\n${headers}\n\n${body}`;
}
