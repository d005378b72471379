// The start-up both shells share: settings, log file, logger, keychain, ports, core. A shell passes
// only its adapters (how to show a sign-in window, reach the network, open a folder…).
import { mkdir } from 'node:fs/promises';
import { loadAppConfig, type AppConfig } from '../core/app-config';
import { openLogFile, writeToAll, type LogFile } from '../core/log-file/rotating-log-file';
import { createLineLogger } from '../core/logging';
import type { Clock, Logger, Ports } from '../core/ports';
import { startCore, type CoreService } from '../core/service';
import { systemClock } from '../core/system-clock';
import { DeferredSecretStore } from '../secrets/deferred-secret-store';
import { openSecretStore, type OpenSecretStoreOptions } from '../secrets/open-secret-store';
import { checkDataDirSetting, StartupProblem } from './startup-failure';

/** The product name: window titles, the keychain service, the default data folder's name. */
export const PRODUCT_NAME = 'ApprovalMax Connect';

/** The adapters a shell supplies; everything else is decided here, the same way for both shells. */
export type ShellPorts = Omit<Ports, 'secrets' | 'clock' | 'logger'>;

/** What a shell knows before start-up: who it is, its environment, and where output goes. */
export interface ShellStart {
  readonly shell: AppConfig['shell'];
  readonly version: string;
  /** The data folder when APPROVALMAX_CONNECT_DATA_DIR is not set (Electron: userData). */
  readonly defaultDataDir: string;
  readonly env: Record<string, string | undefined>;
  /** Where log lines go besides logs/app.log (stderr for a person, nothing for tests). */
  readonly console: (line: string) => void;
  /** Builds the shell's adapters once the logger exists. */
  readonly ports: (logger: Logger) => ShellPorts;
  /** Tests offer a keychain that fails or hangs. */
  readonly loadKeychain?: OpenSecretStoreOptions['loadBackend'];
  /** The Chromium shell's e2e runs move time forward; default the system clock. */
  readonly clock?: Clock;
}

/** A started app: the core plus what start-up opened, for the shell to wire its windows to. */
export interface StartedApp {
  readonly core: CoreService;
  readonly config: AppConfig;
  readonly logger: Logger;
  readonly logFile: LogFile;
  readonly ports: Ports;
  /** Stops timers and writes what is still unsaved. */
  stop(): Promise<void>;
}

/** The data folder start-up will use, checked: it must be a full path (throws StartupProblem). */
export function dataDirOf(start: Pick<ShellStart, 'env' | 'defaultDataDir'>): string {
  checkDataDirSetting(start.env.APPROVALMAX_CONNECT_DATA_DIR);
  return start.env.APPROVALMAX_CONNECT_DATA_DIR || start.defaultDataDir;
}

/** Reads the settings, opens the log, starts the keychain check and the core; does not wait for the keychain. */
export async function startApp(start: ShellStart): Promise<StartedApp> {
  const dataDir = dataDirOf(start);
  await mkdir(dataDir, { recursive: true, mode: 0o700 }).catch((error: unknown) => {
    throw new StartupProblem('path', 'The data folder', dataDir, error);
  });
  const config = await loadAppConfig(start.env, {
    userDataDir: dataDir,
    productName: PRODUCT_NAME,
    version: start.version,
    platform: process.platform,
    shell: start.shell,
  });
  const logFile = openLogFile(config.dataDir);
  const logger = createLineLogger(writeToAll(start.console, logFile.write), start.env.APPROVALMAX_CONNECT_LOG_LEVEL);
  const keychain = openSecretStore({
    service: config.keychainService,
    platform: process.platform,
    logger,
    ...(start.loadKeychain ? { loadBackend: start.loadKeychain } : {}),
  });
  const ports: Ports = {
    ...start.ports(logger),
    secrets: new DeferredSecretStore(keychain.then((k) => k.store)),
    clock: start.clock ?? systemClock,
    logger,
  };
  const core = await startCore(ports, config, { keychain });
  return { core, config, logger, logFile, ports, stop: () => core.stop() };
}

/** Writes a start-up failure to logs/app.log in the data folder, when that folder is known; returns the file. */
export function logStartupFailure(
  start: Pick<ShellStart, 'env' | 'defaultDataDir'>,
  error: unknown,
): string | undefined {
  let dataDir: string;
  try {
    dataDir = dataDirOf(start);
  } catch {
    return undefined;
  }
  const logFile = openLogFile(dataDir);
  const reason = error instanceof Error ? error.message : String(error);
  createLineLogger(logFile.write, 'error').error('start: the app could not start', {
    reason,
    errno: (error as NodeJS.ErrnoException | undefined)?.code ?? null,
  });
  return logFile.isWorking() ? logFile.file : undefined;
}
