// The Electron composition root: Electron adapters handed to the start-up both shells share
// (main/boot/). Everything with a decision in it lives there, where tests reach it.
import path from 'node:path';
import { app, type BrowserWindow } from 'electron';
import { runDesktopApp } from '../boot/desktop-lifecycle';
import { dataDirOf, logStartupFailure, startApp, type ShellStart, type StartedApp } from '../boot/start-app';
import type { ProxyPrompt } from '../core/proxy/proxy-credentials';
import { setAppMenu } from './app-menu';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { ElectronAuthWindow } from './auth-window';
import { electronClipboard } from './clipboard';
import { ElectronExternalBrowser } from './external-browser';
import { hardenWebContents } from './hardening';
import { registerIpc } from './ipc';
import { electronLifecycle, windowHandle } from './lifecycle';
import { createMainWindow } from './main-window';
import { electronTransport } from './net';
import { electronFolderOpener } from './open-path';
import { answerProxyLogins } from './proxy-login';
import { ElectronSaveDialog } from './save-dialog';
import { setupAutoUpdates } from './updater';

let mainWindow: BrowserWindow | undefined;
let core: StartedApp['core'] | undefined;
// Proxies may ask before the core exists (the update check, a slow start): they are then cancelled.
const askProxy: ProxyPrompt = (challenge) => (core ? core.proxy.ask(challenge) : Promise.resolve(null));

const start: ShellStart = {
  shell: 'electron',
  version: app.getVersion(),
  defaultDataDir: app.getPath('userData'),
  env: process.env,
  console: (line) => process.stderr.write(line + '\n'),
  ports: () => ({
    authWindow: new ElectronAuthWindow(() => mainWindow),
    browser: new ElectronExternalBrowser(),
    clipboard: electronClipboard,
    saveDialog: new ElectronSaveDialog(() => mainWindow),
    folders: electronFolderOpener,
    http: electronTransport(askProxy),
  }),
};

void runDesktopApp(electronLifecycle, {
  prepare: () => {
    // Tests and admins can move all app data; Electron needs it before `ready`.
    if (process.env.APPROVALMAX_CONNECT_DATA_DIR) app.setPath('userData', dataDirOf(start));
    app.enableSandbox();
    registerAppScheme();
  },
  start: async () => {
    const running = await startApp(start);
    core = running.core;
    setAppMenu(app.isPackaged);
    hardenWebContents();
    answerProxyLogins(askProxy);
    serveRenderer(path.join(__dirname, '../renderer'));
    registerIpc(running.core, () => mainWindow);
    setupAutoUpdates(running.config.updates, running.logger, () => mainWindow);
    return running;
  },
  openMainWindow: () => {
    mainWindow = createMainWindow(path.join(__dirname, '../preload/index.cjs'), app.isPackaged);
    return windowHandle(mainWindow);
  },
  logFailure: (error) => logStartupFailure(start, error),
});
