import { app } from 'electron';
import { launchedAtLogin, loginItemSettings } from '../core/keep-alive/background-policy';
import type { LoginItem } from '../core/ports';

/** Electron's login item behind the core's LoginItem port (Windows and macOS; Electron has none on Linux). */
export const electronLoginItem: LoginItem | undefined =
  process.platform === 'win32' || process.platform === 'darwin'
    ? { set: (openAtLogin) => app.setLoginItemSettings(loginItemSettings(process.platform, openAtLogin)) }
    : undefined;

/** Whether the login item started this run (decided in background-policy.ts). */
export function wasLaunchedAtLogin(): boolean {
  return launchedAtLogin(process.platform, process.argv, () => app.getLoginItemSettings().wasOpenedAtLogin);
}
