import { app, Notification } from 'electron';
import type { Notifier } from '../core/ports';

/** The appId of electron-builder.yml: Windows shows (and lets people mute) notifications per this id. */
export const APP_USER_MODEL_ID = 'com.approvalmax.connect';

/**
 * Electron's Notification behind the core's Notifier port; clicking one shows the main window. When and
 * what to notify is decided in main/core/keep-alive/.
 */
export class ElectronNotifier implements Notifier {
  /** Shown notifications are kept until closed, so they are not garbage-collected while on screen. */
  private readonly shown = new Set<Notification>();

  constructor(private readonly open: () => void) {
    // Windows ties notifications to the Start-menu shortcut's id, which the NSIS installer sets to the appId.
    if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
  }

  show(notice: { readonly title: string; readonly body: string }): void {
    if (!Notification.isSupported()) return;
    const notification = new Notification({ title: notice.title, body: notice.body });
    this.shown.add(notification);
    const forget = () => this.shown.delete(notification);
    notification.on('click', () => {
      forget();
      this.open();
    });
    notification.on('close', forget);
    notification.show();
  }
}
