import { mkdir } from 'node:fs/promises';
import type { AppConfig } from './app-config';
import { ConnectionService } from './connections/connection-service';
import { ConnectionStore } from './connections/connection-store';
import { createDispatcher, type BridgeHandlers, type Dispatch } from './dispatch';
import { EnvironmentStore } from './environment-store';
import { EventHub } from './events';
import { connectionHandlers } from './handlers/connection-handlers';
import { environmentHandlers } from './handlers/environment-handlers';
import { pingHandlers } from './handlers/ping-handlers';
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

/** Loads the stores and wires each feature's handlers to the bridge contract; each shell calls this once. */
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
    ...environmentHandlers(environments, connections),
    ...connectionHandlers(connections),
    ...pingHandlers(ports, environments, events, config.pingTimeoutMs),
  };
  return { dispatch: createDispatcher(handlers), handlers, events, config, stop: () => connections.stop() };
}
