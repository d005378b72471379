// "Keep connections alive in the background": what it means for starting, closing and the tray icon.
// The Electron shell only applies these answers (main/electron/background.ts), so they are tested here.

/** The setting in force: the admin file wins over the person's choice; off unless someone turned it on. */
export function effectiveKeepAlive(
  admin: boolean | undefined,
  chosen: boolean | null,
): { enabled: boolean; setByAdmin: boolean } {
  if (admin !== undefined) return { enabled: admin, setByAdmin: true };
  return { enabled: chosen ?? false, setByAdmin: false };
}

/** Electron's login items work on Windows and macOS only. */
export function loginItemSupported(platform: string, shell: 'electron' | 'chromium'): boolean {
  return shell === 'electron' && (platform === 'win32' || platform === 'darwin');
}

/** The app starts without a window only when the login item started it and keep-alive is on. */
export function startsHidden(enabled: boolean, launchedAtLogin: boolean): boolean {
  return enabled && launchedAtLogin;
}

/**
 * Closing the last window quits on Windows and Linux, unless keep-alive holds the app in the tray; a
 * Mac app stays running anyway (its Dock icon reopens a window).
 */
export function keepsRunningWithoutWindows(enabled: boolean, platform: string): boolean {
  return enabled || platform === 'darwin';
}

/** The argument the Windows login item starts the app with, so it knows to start hidden. */
export const HIDDEN_AT_LOGIN_ARGUMENT = '--hidden';

/**
 * What Electron's `app.setLoginItemSettings` gets: on Windows the login item passes `--hidden` (the only
 * way to tell a login start apart there); on macOS `wasOpenedAtLogin` tells (`openAsHidden` is gone
 * since macOS 13 and Electron's current API).
 */
export function loginItemSettings(platform: string, openAtLogin: boolean): { openAtLogin: boolean; args?: string[] } {
  return platform === 'win32' ? { openAtLogin, args: [HIDDEN_AT_LOGIN_ARGUMENT] } : { openAtLogin };
}

/** Whether the login item started this run: `--hidden` on Windows, the system's word on macOS, never elsewhere. */
export function launchedAtLogin(platform: string, argv: readonly string[], wasOpenedAtLogin: () => boolean): boolean {
  if (platform === 'win32') return argv.includes(HIDDEN_AT_LOGIN_ARGUMENT);
  if (platform === 'darwin') return wasOpenedAtLogin();
  return false;
}

/** One entry of the tray icon's menu; the shell maps each id to its action. */
export type TrayMenuItem =
  | { readonly id: 'open' | 'check-all' | 'quit'; readonly label: string; readonly enabled: boolean }
  | { readonly id: 'status'; readonly label: string; readonly enabled: false }
  | { readonly id: 'separator' };

/** What the tray icon shows. */
export interface TrayMenu {
  readonly tooltip: string;
  readonly items: readonly TrayMenuItem[];
}

/** What the tray knows about the connections. */
export interface TrayFacts {
  readonly connections: number;
  /** Connections that need reconnecting, failed to renew or are within days of lapsing. */
  readonly needingAttention: number;
  readonly checking: boolean;
}

/** The tray menu: a status line, Open, Check all, Quit. */
export function trayMenu(facts: TrayFacts): TrayMenu {
  const status =
    facts.connections === 0
      ? 'No connections yet'
      : facts.needingAttention > 0
        ? `${facts.needingAttention} of ${facts.connections} connection${facts.connections === 1 ? '' : 's'} need${facts.needingAttention === 1 ? 's' : ''} attention`
        : `${facts.connections} connection${facts.connections === 1 ? '' : 's'}, kept alive`;
  return {
    tooltip: `ApprovalMax Connect — ${status}`,
    items: [
      { id: 'status', label: status, enabled: false },
      { id: 'separator' },
      { id: 'open', label: 'Open ApprovalMax Connect', enabled: true },
      {
        id: 'check-all',
        label: facts.checking ? 'Checking connections…' : 'Check all connections',
        enabled: !facts.checking && facts.connections > 0,
      },
      { id: 'separator' },
      { id: 'quit', label: 'Quit ApprovalMax Connect', enabled: true },
    ],
  };
}
