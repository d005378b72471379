import { BrowserWindow } from 'electron';
import { APP_URL, isAppUrl, mainWindowPreferences } from './window-policy';

/** Opens the one app window; it shows when painted so nobody sees a white flash. */
export function createMainWindow(preloadPath: string): BrowserWindow {
  const window = new BrowserWindow({ // eng-disable SANDBOX_JS_CHECK CONTEXT_ISOLATION_JS_CHECK AUXCLICK_JS_CHECK -- set by mainWindowPreferences() in window-policy.ts (asserted exactly by tests); middle-click opens nothing since hardening.ts denies new windows
    title: 'ApprovalMax Connect',
    width: 1120,
    height: 780,
    minWidth: 760,
    minHeight: 540,
    show: false,
    webPreferences: mainWindowPreferences(preloadPath),
  });
  window.once('ready-to-show', () => window.show());
  // The app never leaves its own pages (sign-in happens in its own window).
  window.webContents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  void window.loadURL(APP_URL);
  return window;
}
