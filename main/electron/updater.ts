// The Electron side of self-updating: electron-updater behind the core's Updater port and a native
// dialog behind RestartPrompt. When to check and whether to restart is decided in main/core/updates/.
import { app, dialog, type BrowserWindow, type MessageBoxOptions } from 'electron';
import type { AppUpdater, Logger as UpdaterLogger } from 'electron-updater';
import type { Logger } from '../core/ports';
import type { DownloadedUpdate, Updater } from '../core/updates/ports';
import { systemScheduler } from '../core/updates/system-scheduler';
import { startUpdatePolicy } from '../core/updates/update-policy';
import { DEFAULT_UPDATE_SETTINGS, type UpdateSettings } from '../core/updates/update-settings';

/** electron-updater as the policy's Updater; loaded on the first check, so development runs never load it. */
export class ElectronUpdater implements Updater {
  #loading: Promise<AppUpdater> | null = null;
  #loaded: AppUpdater | null = null;

  constructor(
    private readonly logger: Logger,
    private readonly feedUrl?: string,
  ) {}

  async checkAndDownload(): Promise<DownloadedUpdate | null> {
    const result = await (await this.updater()).checkForUpdates();
    if (!result?.isUpdateAvailable || !result.downloadPromise) return null;
    await result.downloadPromise;
    return { version: result.updateInfo.version };
  }

  restartAndInstall(): void {
    // Silent: the per-user NSIS installer updates in place without its wizard; then start the new version.
    this.#loaded?.quitAndInstall(true, true);
  }

  private updater(): Promise<AppUpdater> {
    this.#loading ??= import('electron-updater').then(({ autoUpdater }) => {
      autoUpdater.autoDownload = true;
      autoUpdater.autoInstallOnAppQuit = true; // "Later" means: install when the person quits
      autoUpdater.logger = quietLogger(this.logger);
      // The feed comes from configuration: app-update.yml written by electron-builder's `publish`,
      // unless IT points the app at its own copy of the release files in the admin config file.
      if (this.feedUrl) autoUpdater.setFeedURL({ provider: 'generic', url: this.feedUrl });
      return (this.#loaded = autoUpdater);
    });
    return this.#loading;
  }
}

/** Asks with a native dialog on the main window; Escape or closing the dialog means Later. */
export async function askToRestartDialog(update: DownloadedUpdate, parent?: BrowserWindow): Promise<boolean> {
  const options: MessageBoxOptions = {
    type: 'question',
    buttons: ['Restart', 'Later'],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
    title: 'Update ready',
    message: 'An update to ApprovalMax Connect is ready. Restart now?',
    detail: `Version ${update.version} has been downloaded. If you choose Later, it is installed the next time you quit ApprovalMax Connect.`,
  };
  const { response } =
    parent && !parent.isDestroyed()
      ? await dialog.showMessageBox(parent, options)
      : await dialog.showMessageBox(options);
  return response === 0;
}

/** The composition root's one call: checks at start and daily unless IT turned updates off. */
export function setupAutoUpdates(
  settings: UpdateSettings | undefined,
  logger: Logger,
  mainWindow: () => BrowserWindow | undefined,
): void {
  const { enabled, feedUrl } = settings ?? DEFAULT_UPDATE_SETTINGS;
  const policy = startUpdatePolicy({
    enabled,
    packaged: app.isPackaged,
    updater: new ElectronUpdater(logger, feedUrl),
    askToRestart: (update) => askToRestartDialog(update, mainWindow()),
    scheduler: systemScheduler,
    logger,
  });
  app.on('before-quit', () => policy.stop());
}

/** electron-updater logs every failed check with a stack; the policy reports failures once, calmly. */
function quietLogger(logger: Logger): UpdaterLogger {
  const line = (message: unknown) => logger.debug(`updater: ${String(message)}`);
  return { info: line, warn: line, error: line, debug: line };
}
