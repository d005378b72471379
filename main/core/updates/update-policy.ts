// When ApprovalMax Connect looks for updates and what it does with one: check at start and once a
// day, download in the background, and restart only when the person says so. Pure: it reaches the
// updater, the person, time and the log only through ports.
import type { Logger } from '../ports';
import type { DownloadedUpdate, RestartPrompt, Scheduler, Updater } from './ports';

/** A day: often enough for security fixes, rare enough not to hammer the feed from every desk. */
export const UPDATE_CHECK_INTERVAL_MS = 24 * 60 * 60 * 1000;

/** Why the policy is or is not looking for updates; the shell logs it and tests assert on it. */
export type UpdatePolicyState = 'checking-daily' | 'turned-off-by-admin' | 'development-run';

/** What the policy needs; `packaged` is false for `npm start` and the e2e runs, which must never update. */
export interface UpdatePolicyOptions {
  readonly enabled: boolean;
  readonly packaged: boolean;
  readonly updater: Updater;
  readonly askToRestart: RestartPrompt;
  readonly scheduler: Scheduler;
  readonly logger: Logger;
  readonly intervalMs?: number;
}

/** A running policy: its state, a way to check now (tests, a future menu item) and to stop at quit. */
export interface UpdatePolicy {
  readonly state: UpdatePolicyState;
  checkNow(): Promise<void>;
  stop(): void;
}

/** Starts the update policy; returns at once, the first check runs in the background. */
export function startUpdatePolicy(options: UpdatePolicyOptions): UpdatePolicy {
  const { logger } = options;
  if (!options.packaged) {
    logger.info('Updates are not checked in a development run');
    return idle('development-run');
  }
  if (!options.enabled) {
    logger.info('Updates are turned off by the administrator (config file "updates": { "enabled": false })');
    return idle('turned-off-by-admin');
  }
  const check = createCheck(options);
  const cancel = options.scheduler.every(options.intervalMs ?? UPDATE_CHECK_INTERVAL_MS, () => void check());
  void check();
  return { state: 'checking-daily', checkNow: check, stop: cancel };
}

function idle(state: UpdatePolicyState): UpdatePolicy {
  return { state, checkNow: async () => undefined, stop: () => undefined };
}

/** One check at a time; each version is offered once (after "Later" it installs when the app quits). */
function createCheck({ updater, askToRestart, logger }: UpdatePolicyOptions): () => Promise<void> {
  let inFlight: Promise<void> | null = null;
  const offered = new Set<string>();

  async function offer(update: DownloadedUpdate): Promise<void> {
    if (offered.has(update.version)) return;
    offered.add(update.version);
    let agreed = false;
    try {
      agreed = (await askToRestart(update)) === true;
    } catch (error) {
      logger.warn('Could not ask about restarting for the update', { reason: reasonOf(error) });
    }
    if (agreed) {
      logger.info('Restarting to install the update', { version: update.version });
      updater.restartAndInstall();
    } else {
      logger.info('Update postponed; it installs when the app quits', { version: update.version });
    }
  }

  async function run(): Promise<void> {
    let update: DownloadedUpdate | null;
    try {
      update = await updater.checkAndDownload();
    } catch (error) {
      // Offline, a proxy, the feed down: nothing the person can act on; try again at the next check.
      logger.warn('Could not check for updates; will try again tomorrow', { reason: reasonOf(error) });
      return;
    }
    if (update) await offer(update);
    else logger.debug('ApprovalMax Connect is up to date');
  }

  return () => {
    inFlight ??= run().finally(() => {
      inFlight = null;
    });
    return inFlight;
  };
}

function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.length > 300 ? `${message.slice(0, 300)}…` : message;
}
