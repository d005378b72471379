// The Electron composition root: Electron adapters handed to the start-up both shells share
// (main/boot/). Everything with a decision in it lives there, where tests reach it.
import path from 'node:path';
import { app, type BrowserWindow } from 'electron';
import { runDesktopApp } from '../boot/desktop-lifecycle';
import { keepsRunningWithoutWindows, startsHidden } from '../core/keep-alive/background-policy';
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
import { electronLoginItem, wasLaunchedAtLogin } from './login-item';
import { createMainWindow } from './main-window';
import { electronTransport } from './net';
import { ElectronNotifier } from './notifier';
import { electronFolderOpener } from './open-path';
import { answerProxyLogins } from './proxy-login';
import { ElectronSaveDialog } from './save-dialog';
import { ElectronTray } from './tray';
import { setupAutoUpdates } from './updater';

let mainWindow: BrowserWindow | undefined;
let core: StartedApp['core'] | undefined;
// The tray's Open and a notification's click show the main window once start-up hands over how.
let showWindow: () => void = () => undefined;
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
    notifier: new ElectronNotifier(() => showWindow()),
    ...(electronLoginItem ? { loginItem: electronLoginItem } : {}),
    tray: new ElectronTray({ open: () => showWindow(), quit: () => app.quit() }),
  }),
};

void runDesktopApp(electronLifecycle, {
  prepare: () => {
    // Tests and admins can move all app data; Electron needs it before `ready`.
    if (process.env.APPROVALMAX_CONNECT_DATA_DIR) app.setPath('userData', dataDirOf(start));
    app.enableSandbox();
    registerAppScheme();
  },
  start: async (controls) => {
    showWindow = controls.showWindow;
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
  // Background keep-alive (README "Staying connected"): the policy is in the core, Electron only applies it.
  background: (running) => ({
    startHidden: startsHidden(running.core.keepAlive.setting().enabled, wasLaunchedAtLogin()),
    keepsRunningWithoutWindows: () =>
      keepsRunningWithoutWindows(running.core.keepAlive.setting().enabled, process.platform),
  }),
  logFailure: (error) => logStartupFailure(start, error),
});
