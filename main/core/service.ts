import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import type { ActivityEntry, EnvironmentInput, PingReport } from '../../preload/contract';
import { sendPing } from './api/ping';
import type { AppConfig } from './app-config';
import { ConnectionService } from './connections/connection-service';
import { ConnectionStore } from './connections/connection-store';
import { createDispatcher, type BridgeHandlers, type Dispatch } from './dispatch';
import { adminEnvironmentSchema } from './environment-schema';
import { EnvironmentStore } from './environment-store';
import { EventHub } from './events';
import { EndpointDiscovery } from './oidc-discovery';
import type { Ports } from './ports';
import { fail, ok } from './result';
import { cleanPastedToken } from './tokens/pasted-token';

/** The running core: the bridge's choke point and the events it pushes. */
export interface CoreService {
  readonly dispatch: Dispatch;
  readonly handlers: BridgeHandlers;
  readonly events: EventHub;
  readonly config: AppConfig;
  stop(): void;
}

/** Loads the stores and wires the bridge contract to the core's features; each shell calls this once. */
export async function startCore(ports: Ports, config: AppConfig, extraNotices: readonly string[] = []): Promise<CoreService> {
  const events = new EventHub();
  const now = () => ports.clock.now();
  await mkdir(config.dataDir, { recursive: true, mode: 0o700 });
  const envs = await EnvironmentStore.open(config.dataDir, config.environments, config.adminSecrets, ports.secrets, now);
  const conns = await ConnectionStore.open(config.dataDir, now);
  const notices = [...config.notices, ...extraNotices, ...envs.notices, ...conns.notices];
  for (const notice of notices) ports.logger.warn('start: notice', { notice });
  const environments = envs.store;
  const connections = new ConnectionService(ports, environments, conns.store, new EndpointDiscovery(ports.http), events);
  await connections.start();

  const handlers: BridgeHandlers = {
    'app:info': async () => ok({ productName: config.productName, version: config.version, shell: config.shell, platform: config.platform, dataDir: config.dataDir, notices }),
    'environments:list': async () => ok(await Promise.all(environments.list().map((e) => environments.details(e)))),
    'environments:save': async (input) => {
      const problem = checkEnvironment(input);
      return problem ? fail('invalid-argument', problem) : environments.save(input);
    },
    'environments:remove': async ({ id }) =>
      connections.list().some((c) => c.environmentId === id)
        ? fail('invalid-argument', 'This environment still has connections. Disconnect them first, then remove it.')
        : environments.remove(id),
    'connections:list': async () => ok(connections.list()),
    'connections:connect': ({ environmentId, reconnectId }) => connections.connect(environmentId, reconnectId),
    'connections:cancel-sign-in': async () => connections.cancelSignIn(),
    'connections:sign-in-with-browser': ({ environmentId, reconnectId }) => connections.signInWithBrowser(environmentId, reconnectId),
    'connections:finish-browser-sign-in': ({ flowId, landedUrl }) => connections.finishBrowserSignIn(flowId, landedUrl),
    'connections:refresh': ({ id }) => connections.refresh(id),
    'connections:rename': ({ id, label }) => connections.rename(id, label),
    'connections:disconnect': ({ id }) => connections.disconnect(id),
    'ping:send': async ({ environmentId, accessToken, path }) => {
      const env = environments.get(environmentId);
      if (!env) return fail('unknown-environment', 'That environment no longer exists. Choose another one and try again.');
      const token = cleanPastedToken(accessToken);
      if (!token.ok) return fail('invalid-argument', token.reason);
      const report = await sendPing({ ...ports, timeoutMs: config.pingTimeoutMs, newId: randomUUID }, env, token.token, path);
      events.emit('activity:added', activityFor(report, env.name));
      return ok(report);
    },
  };
  return { dispatch: createDispatcher(handlers), handlers, events, config, stop: () => connections.stop() };
}

/** Checks a settings form the way the admin file is checked; the first problem in plain words, naming the field. */
function checkEnvironment(input: EnvironmentInput): string | null {
  const parsed = adminEnvironmentSchema.omit({ id: true, clientSecret: true }).safeParse(input);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  const labels: Record<string, string> = { name: 'Name', issuer: 'Identity server address', apiBase: 'API address', clientId: 'Client ID', redirectUri: 'Redirect URI', scopes: 'Scopes' };
  return `${labels[String(issue?.path[0])] ?? 'A field'} ${issue?.message ?? 'is not valid'}.`;
}

function activityFor(report: PingReport, environmentName: string): ActivityEntry {
  const status = report.response ? `HTTP ${report.response.status}` : 'no answer';
  return { at: report.startedAt, kind: 'ping', summary: `Ping to ${environmentName}: ${status} — ${report.verdict.headline}`, tone: report.verdict.tone };
}
