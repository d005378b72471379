// The windows' security settings as plain data and pure checks: no runtime 'electron' import, so
// unit tests assert them under plain Node (electron is imported for its types only).
import type { MenuItemConstructorOptions, WebPreferences } from 'electron';

/** The renderer's own origin: a custom scheme, so the page is never a file:// or an http:// page. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'connect';
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** What every window of the app shares: isolated, sandboxed, no Node anywhere, web security on. */
const ISOLATED: WebPreferences = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  spellcheck: false,
};

/** The main window's web preferences, exported so a test can assert every one of them; packaged builds have no developer tools. */
export function mainWindowPreferences(preloadPath: string, packaged = false): WebPreferences {
  return { preload: preloadPath, ...ISOLATED, devTools: !packaged };
}

/** The sign-in window's one in-memory partition: no "persist:" prefix, wiped before and after every flow. */
export const AUTH_PARTITION = 'auth-sign-in';

/**
 * The standard menus. Packaged builds replace the View menu (whose default holds Reload and Toggle
 * Developer Tools) with zoom and full screen only.
 */
export function appMenuTemplate(packaged: boolean, platform: string): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions = packaged
    ? {
        label: 'View',
        submenu: [
          { role: 'resetZoom' },
          { role: 'zoomIn' },
          { role: 'zoomOut' },
          { type: 'separator' },
          { role: 'togglefullscreen' },
        ],
      }
    : { role: 'viewMenu' };
  return [
    ...(platform === 'darwin' ? [{ role: 'appMenu' } as const] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    view,
    { role: 'windowMenu' },
  ];
}

/** The sign-in window's web preferences, exported so a test can assert them: no preload, its own partition. */
export function authWindowPreferences(partition: string): WebPreferences {
  return { partition, ...ISOLATED };
}

/** True when a frame URL is the app's own page (and not a page it was tricked into loading). */
export function isAppUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}

/** "identity.approvalmax.com (secure)": where the user is typing their password, for the window title. */
export function describeOrigin(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.host} (${parsed.protocol === 'https:' ? 'secure' : 'NOT secure'})`;
  } catch {
    return 'unknown page';
  }
}
