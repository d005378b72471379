import { mkdir } from 'node:fs/promises';
import type { AppConfig } from './app-config';
import { ConnectionService } from './connections/connection-service';
import { ConnectionStore } from './connections/connection-store';
import { createDispatcher, type BridgeHandlers, type Dispatch } from './dispatch';
import { EnvironmentStore } from './environment-store';
import { EventHub } from './events';
import { connectionHandlers } from './handlers/connection-handlers';
import { environmentHandlers } from './handlers/environment-handlers';
import { inspectHandlers } from './handlers/inspect-handlers';
import { CopyService } from './clipboard/copy-service';
import { ActivityLog } from './activity/activity-log';
import { supportHandlers } from './diagnostics/support-features';
import { PingHistory } from './history/ping-history';
import { EndpointDiscovery } from './oidc-discovery';
import type { Ports } from './ports';
import { ok } from './result';

/** The running core: the bridge's choke point and the events it pushes. */
export interface CoreService {
  readonly dispatch: Dispatch;
  readonly handlers: BridgeHandlers;
  readonly events: EventHub;
  readonly config: AppConfig;
  stop(): void;
}

/** What the shell found at start that the core cannot see itself (for the diagnostics report). */
export interface ShellFacts {
  readonly keychain?: 'keychain' | 'memory';
}

/** Loads the stores and wires each feature's handlers to the bridge contract; each shell calls this once. */
export async function startCore(ports: Ports, config: AppConfig, extraNotices: readonly string[] = [], shell: ShellFacts = {}): Promise<CoreService> {
  const events = new EventHub();
  const now = () => ports.clock.now();
  await mkdir(config.dataDir, { recursive: true, mode: 0o700 });
  const envs = await EnvironmentStore.open(config.dataDir, config.environments, config.adminSecrets, ports.secrets, now);
  const conns = await ConnectionStore.open(config.dataDir, now);
  const timeline = await ActivityLog.open(config.dataDir, events, now, ports.logger);
  const pingLog = await PingHistory.open(config.dataDir, now, ports.logger);
  const notices = [...config.notices, ...extraNotices, ...envs.notices, ...conns.notices, ...timeline.notices, ...pingLog.notices];
  for (const notice of notices) ports.logger.warn('start: notice', { notice });
  const environments = envs.store;
  const connections = new ConnectionService(ports, environments, conns.store, new EndpointDiscovery(ports.http), timeline.log.hub());
  await connections.start();

  const copier = new CopyService(ports.clipboard, ports.clock);
  const handlers: BridgeHandlers = {
    'app:info': async () => ok({ productName: config.productName, version: config.version, shell: config.shell, platform: config.platform, dataDir: config.dataDir, notices }),
    ...environmentHandlers(environments, connections),
    ...connectionHandlers(connections),
    ...inspectHandlers(ports, environments, connections, copier),
    ...supportHandlers({ ports, config, environments, connections, history: pingLog.history, activity: timeline.log, keychain: shell.keychain ?? 'unknown', notices, copier }),
  };
  return { dispatch: createDispatcher(handlers), handlers, events, config, stop: () => connections.stop() };
}
