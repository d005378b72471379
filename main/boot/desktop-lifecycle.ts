// The app's life from launch to quit, written once against a port so the Electron shell holds no
// logic: it passes Electron's `app` and `dialog` as an AppLifecycle, tests pass a fake.
import { describeStartupFailure } from './startup-failure';

/** What start-up needs of the desktop application object (Electron's `app` + `dialog.showErrorBox`). */
export interface AppLifecycle {
  readonly platform: string;
  requestSingleInstanceLock(): boolean;
  whenReady(): Promise<void>;
  on(event: 'second-instance' | 'activate' | 'window-all-closed', listener: () => void): void;
  /** Before quitting: a returned promise holds the quit until it settles (then the adapter quits again). */
  beforeQuit(wait: () => Promise<void> | undefined): void;
  /** A modal error box; safe before `ready` (Electron: dialog.showErrorBox). */
  showError(title: string, message: string): void;
  quit(): void;
  exit(code: number): void;
}

/** The main window as start-up sees it; never the sign-in window. */
export interface MainWindowHandle {
  isDestroyed(): boolean;
  /** Restore if minimised, show, and bring to the front. */
  focus(): void;
}

/** What start-up returns: stopping it writes what is still unsaved. */
export interface Stoppable {
  stop(): Promise<void>;
}

/** What start-up hands the shell's parts: a way to show the main window later (the tray's Open). */
export interface DesktopControls {
  /** Focuses the main window, or opens it when there is none (started hidden, or closed to the tray). */
  showWindow(): void;
}

/** The shell's parts, in the order they run. */
export interface DesktopAppParts<Running extends Stoppable> {
  /** Runs at load, before `ready` (Electron needs app.setPath and schemes there). May throw. */
  prepare(): void;
  /** Config, log, keychain, core: everything but the window. */
  start(controls: DesktopControls): Promise<Running>;
  openMainWindow(running: Running): MainWindowHandle;
  /** Background keep-alive: start without a window (launched at login), and stay running when the last window closes. */
  background?(running: Running): { readonly startHidden: boolean; keepsRunningWithoutWindows(): boolean };
  /** Writes a failure to logs/app.log when the data folder is known; returns the log file's path, if written. */
  logFailure(error: unknown): string | undefined;
}

/**
 * Single instance, windows, macOS conventions and one failure path: any start-up error shows a
 * plain-words dialog, lands in the log when it can, and exits, so no windowless process is left
 * holding the single-instance lock.
 */
export function runDesktopApp<Running extends Stoppable>(
  life: AppLifecycle,
  parts: DesktopAppParts<Running>,
): Promise<void> {
  const fail = (error: unknown) => {
    const logFile = safely(() => parts.logFailure(error));
    const { title, message } = describeStartupFailure(error, logFile);
    safely(() => life.showError(title, message));
    life.exit(1);
  };
  try {
    parts.prepare();
  } catch (error) {
    fail(error);
    return Promise.resolve();
  }
  if (!life.requestSingleInstanceLock()) {
    life.quit();
    return Promise.resolve();
  }
  let running: Running | undefined;
  let window: MainWindowHandle | undefined;
  const showWindow = () => {
    if (!running) return; // still starting: the window appears once start-up is done
    if (window && !window.isDestroyed()) window.focus();
    else window = parts.openMainWindow(running);
  };
  life.on('second-instance', showWindow);
  life.on('activate', showWindow);
  // Mac apps stay running without windows (the Dock icon reopens one); elsewhere the last window quits,
  // unless background keep-alive holds the app in the tray.
  life.on('window-all-closed', () => {
    const keep = running && parts.background?.(running).keepsRunningWithoutWindows();
    if (life.platform !== 'darwin' && !keep) life.quit();
  });
  // Quit waits once for the core to save what is still in flight (the last ping, the timeline).
  let stopping: Promise<void> | undefined;
  life.beforeQuit(() => {
    if (!running || stopping) return undefined;
    stopping = running.stop().catch(() => undefined);
    return stopping;
  });
  return life
    .whenReady()
    .then(async () => {
      running = await parts.start({ showWindow });
      if (!parts.background?.(running).startHidden) window = parts.openMainWindow(running);
    })
    .catch(fail);
}

function safely<T>(action: () => T): T | undefined {
  try {
    return action();
  } catch {
    return undefined;
  }
}
