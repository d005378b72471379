import { randomUUID } from 'node:crypto';
import type { PingReport } from '../../preload/contract';
import { sendPing } from './api/ping';
import type { AppConfig } from './app-config';
import { createDispatcher, type BridgeHandlers, type Dispatch } from './dispatch';
import { mergeEnvironments, summarise } from './environments';
import { EventHub } from './events';
import type { Ports } from './ports';
import { fail, ok } from './result';
import { cleanPastedToken } from './tokens/pasted-token';

/** The running core: the bridge's choke point and the events it pushes. */
export interface CoreService {
  readonly dispatch: Dispatch;
  readonly handlers: BridgeHandlers;
  readonly events: EventHub;
  readonly config: AppConfig;
}

/** Wires the bridge contract to the core's features; both shells call this once. */
export function createCoreService(ports: Ports, config: AppConfig): CoreService {
  const events = new EventHub();
  const environments = mergeEnvironments(config.environments);
  for (const notice of config.notices) ports.logger.warn('config: notice', { notice });

  const handlers: BridgeHandlers = {
    'app:info': async () =>
      ok({
        productName: config.productName,
        version: config.version,
        shell: config.shell,
        platform: config.platform,
        dataDir: config.dataDir,
        notices: config.notices,
      }),
    'environments:list': async () => ok(environments.map(summarise)),
    'ping:send': async ({ environmentId, accessToken, path }) => {
      const env = environments.find((e) => e.id === environmentId);
      if (!env) return fail('unknown-environment', 'That environment no longer exists. Choose another one and try again.');
      const token = cleanPastedToken(accessToken);
      if (!token.ok) return fail('invalid-argument', token.reason);
      const report = await sendPing({ ...ports, timeoutMs: config.pingTimeoutMs, newId: randomUUID }, env, token.token, path);
      events.emit('activity:added', activityFor(report, env.name));
      return ok(report);
    },
  };
  return { dispatch: createDispatcher(handlers), handlers, events, config };
}

function activityFor(report: PingReport, environmentName: string) {
  const status = report.response ? `HTTP ${report.response.status}` : 'no answer';
  return {
    at: report.startedAt,
    kind: 'ping' as const,
    summary: `Ping to ${environmentName}: ${status} — ${report.verdict.headline}`,
    tone: report.verdict.tone,
  };
}
