import os from 'node:os';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import type { ActivityEntry, ConnectionView, PingReport } from '../../../preload/contract';
import type { AppStatus } from '../app/app-status';
import type { AppConfig } from '../app-config';
import type { ConnectionService } from '../connections/connection-service';
import type { EnvironmentStore } from '../environments/environment-store';
import { stepLine } from '../health/check-steps';

/** Everything a support ticket needs, before redaction; built fresh for each report. */
export interface DiagnosticsData {
  readonly generatedAt: string;
  readonly app: Record<string, string | number | null>;
  readonly keychain: { readonly backend: string; readonly meaning: string };
  readonly notices: readonly string[];
  readonly environments: readonly Record<string, unknown>[];
  readonly connections: readonly Record<string, unknown>[];
  readonly clockSkew: Record<string, unknown> | null;
  readonly recentPings: readonly Record<string, unknown>[];
  readonly timeline: readonly Record<string, unknown>[];
}

/** Where the report's facts come from. */
export interface DiagnosticsSources {
  readonly config: AppConfig;
  /** Read when the report is made: the keychain state and notices can arrive after start. */
  readonly status: Pick<AppStatus, 'keychain' | 'notices'>;
  readonly logsFolder: string;
  readonly environments: EnvironmentStore;
  readonly connections: ConnectionService;
  readonly pings: readonly PingReport[];
  readonly timeline: readonly ActivityEntry[];
  readonly now: number;
}

const KEYCHAIN_MEANING = {
  keychain: "Tokens and Client Secrets are kept in this computer's keychain.",
  memory: 'No keychain was usable: tokens are kept in memory for this session only.',
  unknown: 'Not reported by this shell.',
} as const;

/** Gathers the facts and every secret the app holds, so the redaction can scrub those by value too. */
export async function collectDiagnostics(
  src: DiagnosticsSources,
): Promise<{ data: DiagnosticsData; secrets: string[] }> {
  const secrets: string[] = [];
  const environments = await Promise.all(
    src.environments.list().map(async (e) => {
      const secret = await src.environments.clientSecret(e.id).catch(() => null);
      if (secret) secrets.push(secret);
      return {
        id: e.id,
        name: e.name,
        source: e.source,
        issuer: e.issuer,
        apiBase: e.apiBase,
        clientId: e.clientId || null,
        redirectUri: e.redirectUri || null,
        scopes: e.scopes.join(' '),
        hasClientSecret: Boolean(secret),
      };
    }),
  );
  const connections = await Promise.all(
    src.connections.list().map(async (c) => {
      const token = await src.connections.storedAccessToken(c.id);
      if (token) secrets.push(token);
      const check = src.connections.lastCheck(c.id);
      return {
        ...connectionFacts(c),
        lastCheck: check
          ? {
              checkedAt: check.checkedAt,
              result: check.result,
              summary: check.summary,
              steps: check.steps.map(stepLine),
            }
          : null,
        currentToken: token ? tokenFacts(token) : 'No access token is stored for this connection.',
      };
    }),
  );
  const data: DiagnosticsData = {
    generatedAt: new Date(src.now).toISOString(),
    app: appFacts(src),
    keychain: { backend: src.status.keychain, meaning: KEYCHAIN_MEANING[src.status.keychain] },
    notices: src.status.notices,
    environments,
    connections,
    clockSkew: skewFacts(src.pings),
    recentPings: src.pings.map(pingFacts),
    timeline: src.timeline.map((e) => ({
      at: e.at,
      kind: e.kind,
      connection: e.connectionLabel ?? null,
      tone: e.tone,
      summary: e.summary,
      ...(e.details ? { details: e.details } : {}),
    })),
  };
  return { data, secrets };
}

function appFacts(src: DiagnosticsSources): DiagnosticsData['app'] {
  const { config } = src;
  const versions = process.versions as Record<string, string | undefined>;
  return {
    name: config.productName,
    version: config.version,
    shell: config.shell,
    os: `${os.type()} ${os.release()} (${config.platform}, ${os.arch()})`,
    node: versions.node ?? null,
    electron: versions.electron ?? null,
    chromium: versions.chrome ?? null,
    dataFolder: config.dataDir,
    logsFolder: src.logsFolder,
    pingTimeoutMs: config.pingTimeoutMs,
    localTimeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  };
}

function connectionFacts(c: ConnectionView): Record<string, unknown> {
  return {
    label: c.label,
    id: c.id,
    environment: c.environmentName,
    status: c.status,
    statusMessage: c.statusMessage,
    organisations: c.organisations.map((o) => `${o.name} (${o.companyId})`),
    approvalMaxConnectionId: c.connectionId,
    subject: c.subject,
    scopes: c.scopes.join(' '),
    createdAt: c.createdAt,
    lastRefreshedAt: c.lastRefreshedAt,
    expiresAt: c.expiresAt,
    refreshTokenRenewedAt: c.lifetime?.renewedAt ?? null,
    staysConnected: c.lifetime ? `${c.lifetime.words}${c.lifetime.warning ? ` ${c.lifetime.warning}` : ''}` : null,
  };
}

/** The header and claims of a token, never the token: decoding needs no key and checks nothing. */
function tokenFacts(token: string): Record<string, unknown> | string {
  try {
    return { header: decodeProtectedHeader(token), claims: decodeJwt(token) };
  } catch {
    return 'The stored access token is not a JWT, so it has no readable claims.';
  }
}

function skewFacts(pings: readonly PingReport[]): Record<string, unknown> | null {
  const latest = pings.find((p) => p.clockSkew);
  if (!latest?.clockSkew) return null;
  const { skewSeconds, warning, serverTime, localTime } = latest.clockSkew;
  return { measuredAt: latest.startedAt, against: latest.request.url, serverTime, localTime, skewSeconds, warning };
}

function pingFacts(p: PingReport): Record<string, unknown> {
  return {
    at: p.startedAt,
    with: p.target.kind === 'connection' ? p.target.label : 'a pasted token',
    environment: p.environmentName,
    url: p.request.url,
    status: p.response ? `${p.response.status} ${p.response.statusText}`.trim() : 'no answer',
    verdict: p.verdict.headline,
    outcome: p.verdict.outcome,
    elapsedMs: p.elapsedMs,
    transport: p.timings.transport,
    traceId: p.problem?.traceId ?? null,
    clockSkewSeconds: p.clockSkew?.skewSeconds ?? null,
  };
}
