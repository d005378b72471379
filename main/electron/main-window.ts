import { BrowserWindow, nativeTheme, type BrowserWindowConstructorOptions } from 'electron';
import { APP_URL, isAppUrl, mainWindowPreferences } from './window-policy';

/** Opens the app window and shows it at once (with the theme's background, so there is no white flash). */
export function createMainWindow(preloadPath: string, packaged: boolean): BrowserWindow {
  const options: BrowserWindowConstructorOptions = {
    title: 'ApprovalMax Connect',
    width: 1120,
    height: 780,
    minWidth: 760,
    minHeight: 540,
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#14171c' : '#f6f7f9',
    webPreferences: mainWindowPreferences(preloadPath, packaged),
  };
  const window = new BrowserWindow(options); // eng-disable SANDBOX_JS_CHECK CONTEXT_ISOLATION_JS_CHECK AUXCLICK_JS_CHECK -- set by mainWindowPreferences() in window-policy.ts (asserted exactly by tests); middle-click opens nothing since hardening.ts denies new windows
  // The app never leaves its own pages (sign-in happens in its own window).
  window.webContents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  void window.loadURL(APP_URL);
  return window;
}
