import type { ActivityLog } from '../activity/activity-log';
import { activityHandlers } from '../activity/activity-handlers';
import { PingService } from '../api/ping-service';
import type { AppConfig } from '../app-config';
import type { AppStatus } from '../app-status';
import type { CopyService } from '../clipboard/copy-service';
import type { ConnectionService } from '../connections/connection-service';
import type { BridgeHandlers } from '../dispatch';
import type { EnvironmentStore } from '../environment-store';
import { pingHandlers } from '../handlers/ping-handlers';
import type { PingHistory } from '../history/ping-history';
import { logsFolder } from '../log-file/rotating-log-file';
import type { Ports } from '../ports';
import { diagnosticsHandlers } from './diagnostics-handlers';
import { DiagnosticsService } from './diagnostics-service';

/** What the support features (ping tester, timeline, diagnostics) are built from. */
export interface SupportInputs {
  readonly ports: Ports;
  readonly config: AppConfig;
  readonly environments: EnvironmentStore;
  readonly connections: ConnectionService;
  readonly history: PingHistory;
  readonly activity: ActivityLog;
  readonly status: AppStatus;
  /** The app's one copier, so a secret copied anywhere is wiped by the same timer. */
  readonly copier: CopyService;
}

type SupportChannels = keyof ReturnType<typeof pingHandlers> | 'activity:list' | keyof ReturnType<typeof diagnosticsHandlers>;

/** Wires the features support teams use, so service.ts stays one flat list of features. */
export function supportHandlers(inputs: SupportInputs): Pick<BridgeHandlers, SupportChannels> {
  const { ports, config, environments, connections, history, activity, copier } = inputs;
  const pings = new PingService({ ports, environments, connections, history, activity, copier, timeoutMs: config.pingTimeoutMs });
  const diagnostics = new DiagnosticsService({
    ports,
    config,
    status: inputs.status,
    logsFolder: logsFolder(config.dataDir),
    environments,
    connections,
    history,
    activity,
    copier,
  });
  return { ...pingHandlers(pings, history), ...activityHandlers(activity), ...diagnosticsHandlers(diagnostics) };
}
