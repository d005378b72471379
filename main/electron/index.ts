// The Electron composition root: wires Electron adapters to the core, one setup per feature.
import path from 'node:path';
import { app, BrowserWindow } from 'electron';
import { loadAppConfig } from '../core/app-config';
import { openLogFile, writeToAll } from '../core/log-file/rotating-log-file';
import { createLineLogger } from '../core/logging';
import { startCore } from '../core/service';
import { systemClock } from '../core/system-clock';
import { openSecretStore } from '../secrets/open-secret-store';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { ElectronAuthWindow } from './auth-window';
import { electronClipboard } from './clipboard';
import { ElectronExternalBrowser } from './external-browser';
import { hardenWebContents } from './hardening';
import { registerIpc } from './ipc';
import { createMainWindow } from './main-window';
import { electronFetch } from './net';
import { electronFolderOpener } from './open-path';
import { ElectronSaveDialog } from './save-dialog';
import { setupAutoUpdates } from './updater';

const PRODUCT_NAME = 'ApprovalMax Connect';

// Tests and admins can move all app data; this must happen before `ready`.
if (process.env.APPROVALMAX_CONNECT_DATA_DIR) app.setPath('userData', process.env.APPROVALMAX_CONNECT_DATA_DIR);
app.enableSandbox();
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('window-all-closed', () => app.quit());
  void app.whenReady().then(start);
}

async function start(): Promise<void> {
  const config = await loadAppConfig(process.env, {
    userDataDir: app.getPath('userData'),
    productName: PRODUCT_NAME,
    version: app.getVersion(),
    platform: process.platform,
    shell: 'electron',
  });
  const logFile = openLogFile(config.dataDir);
  const logger = createLineLogger(writeToAll((line) => process.stderr.write(line + '\n'), logFile.write), process.env.APPROVALMAX_CONNECT_LOG_LEVEL);
  const keychain = await openSecretStore({ service: config.keychainService, platform: process.platform, logger });
  const main: { window?: BrowserWindow } = {};
  const ports = {
    secrets: keychain.store,
    authWindow: new ElectronAuthWindow(() => main.window),
    browser: new ElectronExternalBrowser(),
    clipboard: electronClipboard,
    saveDialog: new ElectronSaveDialog(() => main.window),
    folders: electronFolderOpener,
    http: electronFetch,
    clock: systemClock,
    logger,
  };
  const core = await startCore(ports, config, keychain.notice ? [keychain.notice] : [], { keychain: keychain.backend });
  hardenWebContents();
  serveRenderer(path.join(__dirname, '../renderer'));
  main.window = createMainWindow(path.join(__dirname, '../preload/index.cjs'));
  registerIpc(core, main.window);
  setupAutoUpdates(config.updates, logger, () => main.window);
  app.on('before-quit', () => core.stop());
  app.on('second-instance', () => {
    const [existing] = BrowserWindow.getAllWindows();
    if (existing?.isMinimized()) existing.restore();
    existing?.focus();
  });
}
