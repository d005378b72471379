import { randomUUID } from 'node:crypto';
import type { ActivityEntry, PingReport } from '../../../preload/contract';
import { sendPing } from '../api/ping';
import type { BridgeHandlers } from '../dispatch';
import type { EnvironmentStore } from '../environment-store';
import type { EventHub } from '../events';
import type { Ports } from '../ports';
import { fail, ok } from '../result';
import { cleanPastedToken } from '../tokens/pasted-token';

/** The ping tester's calls: a pasted token against one environment's API. */
export function pingHandlers(ports: Ports, environments: EnvironmentStore, events: EventHub, timeoutMs: number): Pick<BridgeHandlers, 'ping:send'> {
  return {
    'ping:send': async ({ environmentId, accessToken, path }) => {
      const env = environments.get(environmentId);
      if (!env) return fail('unknown-environment', 'That environment no longer exists. Choose another one and try again.');
      const token = cleanPastedToken(accessToken);
      if (!token.ok) return fail('invalid-argument', token.reason);
      const report = await sendPing({ ...ports, timeoutMs, newId: randomUUID }, env, token.token, path);
      events.emit('activity:added', activityFor(report, env.name));
      return ok(report);
    },
  };
}

function activityFor(report: PingReport, environmentName: string): ActivityEntry {
  const status = report.response ? `HTTP ${report.response.status}` : 'no answer';
  return { at: report.startedAt, kind: 'ping', summary: `Ping to ${environmentName}: ${status} — ${report.verdict.headline}`, tone: report.verdict.tone };
}
