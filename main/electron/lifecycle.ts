import { app, dialog, type BrowserWindow } from 'electron';
import type { AppLifecycle, MainWindowHandle } from '../boot/desktop-lifecycle';

/** Electron's `app` and `dialog.showErrorBox` as the start-up port (main/boot/desktop-lifecycle.ts). */
export const electronLifecycle: AppLifecycle = {
  platform: process.platform,
  requestSingleInstanceLock: () => app.requestSingleInstanceLock(),
  whenReady: () => app.whenReady(),
  on: (event, listener) => void app.on(event as 'activate', () => listener()),
  beforeQuit: (wait) =>
    void app.on('before-quit', (event) => {
      const pending = wait();
      if (!pending) return;
      event.preventDefault();
      void pending.finally(() => app.quit());
    }),
  showError: (title, message) => dialog.showErrorBox(title, message),
  quit: () => app.quit(),
  exit: (code) => app.exit(code),
};

/** A BrowserWindow as the handle start-up focuses on a second launch or a Dock click. */
export function windowHandle(window: BrowserWindow): MainWindowHandle {
  return {
    isDestroyed: () => window.isDestroyed(),
    focus: () => {
      if (window.isMinimized()) window.restore();
      window.show();
      window.focus();
    },
  };
}
