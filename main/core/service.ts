import { mkdir } from 'node:fs/promises';
import type { BridgeHandlers } from '../../preload/contract';
import { ActivityLog } from './activity/activity-log';
import { activityHandlers } from './activity/activity-handlers';
import { activitySchemas } from './activity/activity-schemas';
import type { AppConfig } from './app-config';
import { appHandlers } from './app/app-handlers';
import { appSchemas } from './app/app-schemas';
import { AppStatus, type KeychainFacts } from './app/app-status';
import { CopyService } from './app/copy-service';
import type { BridgeSchemas } from './bridge-schema';
import { connectionHandlers } from './connections/connection-handlers';
import { connectionSchemas } from './connections/connection-schemas';
import { ConnectionService } from './connections/connection-service';
import { ConnectionStore } from './connections/connection-store';
import { diagnosticsHandlers } from './diagnostics/diagnostics-handlers';
import { diagnosticsSchemas } from './diagnostics/diagnostics-schemas';
import { DiagnosticsService } from './diagnostics/diagnostics-service';
import { createDispatcher, type Dispatch } from './dispatch';
import { environmentHandlers } from './environments/environment-handlers';
import { environmentSchemas } from './environments/environment-bridge-schemas';
import { EnvironmentStore } from './environments/environment-store';
import { EventHub } from './events';
import { ConnectionCheck } from './health/connection-check';
import { healthHandlers } from './health/health-handlers';
import { healthSchemas } from './health/health-schemas';
import { inspectHandlers } from './inspect/inspect-handlers';
import { inspectSchemas } from './inspect/inspect-schemas';
import { KeepAlive } from './keep-alive/keep-alive';
import { KeepAliveStore } from './keep-alive/keep-alive-store';
import { logsFolder } from './log-file/rotating-log-file';
import { EndpointDiscovery } from './oauth/oidc-discovery';
import { PingHistory } from './ping/ping-history';
import { pingHandlers } from './ping/ping-handlers';
import { pingSchemas } from './ping/ping-schemas';
import { PingService } from './ping/ping-service';
import type { Ports } from './ports';
import { ProxyCredentials } from './proxy/proxy-credentials';
import { proxyHandlers } from './proxy/proxy-handlers';
import { proxySchemas } from './proxy/proxy-schemas';
import type { Scheduler } from './updates/ports';
import { systemScheduler } from './updates/system-scheduler';
import { CatalogueStore } from './workbench/catalogue-store';
import { Catalogues } from './workbench/catalogues';
import { Runs } from './workbench/runs';
import { workbenchHandlers } from './workbench/workbench-handlers';
import { workbenchSchemas } from './workbench/workbench-schemas';
import { WorkbenchService } from './workbench/workbench-service';

/** Every feature's argument schemas, by feature (each lives beside its handlers). */
export const BRIDGE_SCHEMAS: BridgeSchemas = {
  app: appSchemas,
  proxy: proxySchemas,
  environments: environmentSchemas,
  connections: connectionSchemas,
  health: healthSchemas,
  inspect: inspectSchemas,
  ping: pingSchemas,
  workbench: workbenchSchemas,
  activity: activitySchemas,
  diagnostics: diagnosticsSchemas,
};

/** The running core: the bridge's choke point and the events it pushes. */
export interface CoreService {
  readonly dispatch: Dispatch;
  readonly handlers: BridgeHandlers;
  /** Pushes to the renderer only; activity is recorded through the timeline, not through here. */
  readonly events: EventHub;
  readonly config: AppConfig;
  readonly status: AppStatus;
  /** Answers proxies that ask for a password; the shells' network adapters call `proxy.ask`. */
  readonly proxy: ProxyCredentials;
  /** Renewals, lapse warnings and the background setting; the shells read the setting at start (start hidden, stay in the tray). */
  readonly keepAlive: KeepAlive;
  /** Settles once the keychain has answered, admin secrets are applied and every connection's refresh is scheduled. */
  readonly ready: Promise<void>;
  /** Stops timers and writes what is still waiting to be saved (the last pings, the timeline). */
  stop(): Promise<void>;
}

/** What the shell found at start that the core cannot see itself; the keychain check may still be running. */
export interface ShellFacts {
  readonly keychain?: Promise<KeychainFacts>;
  /** Repeats keep-alive's pass (default: every minute on a real timer); tests drive it by hand. */
  readonly keepAliveScheduler?: Scheduler;
}

/**
 * Loads the stores and builds each feature, passing every dependency between features here, in the
 * open. It returns as soon as the files are read: whatever waits for the keychain runs in `ready`,
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
  const keepAliveFile = await KeepAliveStore.open(config.dataDir, now);
  const endpointLists = await CatalogueStore.open(config.dataDir, now, ports.logger);
  status.addNotices([
    ...config.notices,
    ...envs.notices,
    ...conns.notices,
    ...timeline.notices,
    ...pingLog.notices,
    ...keepAliveFile.notices,
    ...endpointLists.notices,
  ]);

  const environments = envs.store;
  const activity = timeline.log;
  const history = pingLog.history;
  const discovery = new EndpointDiscovery(ports.http);
  const connections = new ConnectionService(ports, environments, conns.store, discovery, events, activity);
  const copier = new CopyService(ports.clipboard, ports.clock);
  const proxy = new ProxyCredentials(ports.secrets, events, ports.logger);
  const pings = new PingService({
    ports,
    environments,
    connections,
    history,
    activity,
    copier,
    timeoutMs: config.pingTimeoutMs,
  });
  // The API workbench reads page by page with sendPing; one history and timeline entry per action.
  const runs = new Runs({
    http: ports.http,
    clock: ports.clock,
    logger: ports.logger,
    environments,
    connections,
    history,
    activity,
    events,
    timeoutMs: config.pingTimeoutMs,
  });
  const workbench = new WorkbenchService({
    environments,
    connections,
    catalogues: new Catalogues({
      http: ports.http,
      clock: ports.clock,
      logger: ports.logger,
      store: endpointLists.store,
    }),
    runs,
    copier,
    browser: ports.browser,
    ...(ports.saveDialog ? { saveDialog: ports.saveDialog } : {}),
    logger: ports.logger,
  });
  // The tray's "Check all" runs the checks; keep-alive notifies about failed ones in the background.
  const keepAlive: KeepAlive = new KeepAlive({
    ports,
    config,
    store: keepAliveFile.store,
    connections,
    scheduler: shell.keepAliveScheduler ?? systemScheduler,
    checkAll: () => checks.checkAll(),
    checking: () => checks.checkingEverything,
  });
  const checks: ConnectionCheck = new ConnectionCheck({
    ports,
    environments,
    connections,
    activity,
    events,
    timeoutMs: config.pingTimeoutMs,
    onReport: (report) => keepAlive.checked(report),
  });
  const diagnostics = new DiagnosticsService({
    ports,
    config,
    status,
    logsFolder: logsFolder(config.dataDir),
    environments,
    connections,
    history,
    activity,
    copier,
  });

  const ready = Promise.all([
    shell.keychain?.then((facts) => status.setKeychain(facts)),
    environments.applyAdminSecrets(config.adminSecrets).then((notices) => status.addNotices(notices)),
    connections.start(),
  ]).then(
    () => undefined,
    (error: unknown) =>
      ports.logger.error('start: a background start-up step failed', {
        reason: error instanceof Error ? error.message : String(error),
      }),
  );
  void ready.then(() => status.notices.forEach((notice) => ports.logger.warn('start: notice', { notice })));
  // Renewals and warnings start once every stored connection's tokens were looked up.
  void ready.then(() => keepAlive.start());

  const handlers: BridgeHandlers = {
    app: appHandlers(config, status, copier),
    proxy: proxyHandlers(proxy),
    environments: environmentHandlers(environments, connections, discovery),
    connections: connectionHandlers(connections),
    health: healthHandlers(checks, connections, keepAlive),
    // The inspector remembers each token's claims before a refresh replaces it, to show what changed.
    inspect: inspectHandlers(ports, environments, connections, copier),
    ping: pingHandlers(pings, history),
    workbench: workbenchHandlers(workbench, runs),
    activity: activityHandlers(activity),
    diagnostics: diagnosticsHandlers(diagnostics),
  };
  const stop = async () => {
    keepAlive.stop();
    connections.stop();
    runs.stop();
    await Promise.all([history.flush(), activity.flush()]);
  };
  return {
    dispatch: createDispatcher(handlers, BRIDGE_SCHEMAS),
    handlers,
    events,
    config,
    status,
    proxy,
    keepAlive,
    ready,
    stop,
  };
}
