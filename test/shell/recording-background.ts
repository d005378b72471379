// The Chromium shell's stand-ins for Electron's Notification, login item and tray: they record what
// the core asked for, so e2e specs can read it (README "Staying connected").
import type { TrayMenu } from '../../main/core/keep-alive/background-policy';
import type { LoginItem, Notifier, TrayIcon } from '../../main/core/ports';

/** Every system notification the app showed. */
export class RecordingNotifier implements Notifier {
  readonly shown: { title: string; body: string; at: string }[] = [];
  show(notice: { readonly title: string; readonly body: string }): void {
    this.shown.push({ title: notice.title, body: notice.body, at: new Date().toISOString() });
  }
}

/** Whether the app asked to start at login, latest last. */
export class RecordingLoginItem implements LoginItem {
  readonly calls: boolean[] = [];
  get openAtLogin(): boolean | null {
    return this.calls.at(-1) ?? null;
  }
  set(openAtLogin: boolean): void {
    this.calls.push(openAtLogin);
  }
}

/** The tray menu the app would show (null: no tray icon), and its "Check all" to click. */
export class RecordingTray implements TrayIcon {
  menu: TrayMenu | null = null;
  checkAll: (() => void) | null = null;
  show(menu: TrayMenu, onCheckAll: () => void): void {
    this.menu = menu;
    this.checkAll = onCheckAll;
  }
  hide(): void {
    this.menu = null;
    this.checkAll = null;
  }
}
