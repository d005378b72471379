import { mkdir } from 'node:fs/promises';
import type { AppConfig } from './app-config';
import { AppStatus, type KeychainFacts } from './app-status';
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
import { ProxyCredentials } from './proxy/proxy-credentials';
import { ok } from './result';

/** The running core: the bridge's choke point and the events it pushes. */
export interface CoreService {
  readonly dispatch: Dispatch;
  readonly handlers: BridgeHandlers;
  readonly events: EventHub;
  readonly config: AppConfig;
  readonly status: AppStatus;
  /** Answers proxies that ask for a password; the shells' network adapters call `proxy.ask`. */
  readonly proxy: ProxyCredentials;
  /** Settles once the keychain has answered, admin secrets are applied and every connection's refresh is scheduled. */
  readonly ready: Promise<void>;
  stop(): void;
}

/** What the shell found at start that the core cannot see itself; the keychain check may still be running. */
export interface ShellFacts {
  readonly keychain?: Promise<KeychainFacts>;
}

/**
 * Loads the stores and wires each feature's handlers to the bridge contract; each shell calls this
 * once. It returns as soon as the files are read: whatever waits for the keychain runs in `ready`,
 * so the window can show while a slow keychain is still being checked.
 */
export async function startCore(ports: Ports, config: AppConfig, shell: ShellFacts = {}): Promise<CoreService> {
  const events = new EventHub();
  const status = new AppStatus(events);
  const now = () => ports.clock.now();
  await mkdir(config.dataDir, { recursive: true, mode: 0o700 });
  const envs = await EnvironmentStore.open(config.dataDir, config.environments, ports.secrets, now);
  const conns = await ConnectionStore.open(config.dataDir, now);
  const timeline = await ActivityLog.open(config.dataDir, events, now, ports.logger);
  const pingLog = await PingHistory.open(config.dataDir, now, ports.logger);
  status.addNotices([...config.notices, ...envs.notices, ...conns.notices, ...timeline.notices, ...pingLog.notices]);
  const environments = envs.store;
  const connections = new ConnectionService(ports, environments, conns.store, new EndpointDiscovery(ports.http), timeline.log.hub());
  const ready = Promise.all([
    shell.keychain?.then((facts) => status.setKeychain(facts)),
    environments.applyAdminSecrets(config.adminSecrets).then((notices) => status.addNotices(notices)),
    connections.start(),
  ]).then(
    () => undefined,
    (error: unknown) => ports.logger.error('start: a background start-up step failed', { reason: error instanceof Error ? error.message : String(error) }),
  );
  void ready.then(() => status.notices.forEach((notice) => ports.logger.warn('start: notice', { notice })));

  const proxy = new ProxyCredentials(ports.secrets, events, ports.logger);
  const copier = new CopyService(ports.clipboard, ports.clock);
  const handlers: BridgeHandlers = {
    'app:info': async () => ok({ productName: config.productName, version: config.version, shell: config.shell, platform: config.platform, dataDir: config.dataDir, notices: status.notices }),
    'proxy:waiting': async () => ok(proxy.waiting()),
    'proxy:answer': ({ id, answer }) => proxy.answer(id, answer),
    ...environmentHandlers(environments, connections),
    ...connectionHandlers(connections),
    ...inspectHandlers(ports, environments, connections, copier),
    ...supportHandlers({ ports, config, environments, connections, history: pingLog.history, activity: timeline.log, status, copier }),
  };
  return { dispatch: createDispatcher(handlers), handlers, events, config, status, proxy, ready, stop: () => connections.stop() };
}
