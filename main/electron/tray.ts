import { Menu, nativeImage, Tray, type MenuItemConstructorOptions } from 'electron';
import type { TrayMenu, TrayMenuItem } from '../core/keep-alive/background-policy';
import type { TrayIcon } from '../core/ports';
import { TRAY_ICON_PNG_BASE64 } from './tray-icon';

/** Electron's Tray behind the core's TrayIcon port; the menu's content comes from trayMenu() in the core. */
export class ElectronTray implements TrayIcon {
  private tray: Tray | null = null;

  constructor(private readonly actions: { open(): void; quit(): void }) {}

  show(menu: TrayMenu, onCheckAll: () => void): void {
    if (!this.tray) {
      const image = nativeImage.createFromDataURL(`data:image/png;base64,${TRAY_ICON_PNG_BASE64}`);
      // The macOS menu bar wants a 16-point icon; Windows scales the 32-pixel one to its tray.
      this.tray = new Tray(process.platform === 'darwin' ? image.resize({ width: 16, height: 16 }) : image);
      // Windows: a click on the icon opens the app (the menu is on the right click).
      this.tray.on('click', () => this.actions.open());
    }
    this.tray.setToolTip(menu.tooltip);
    this.tray.setContextMenu(Menu.buildFromTemplate(menu.items.map((item) => this.entry(item, onCheckAll))));
  }

  hide(): void {
    this.tray?.destroy();
    this.tray = null;
  }

  private entry(item: TrayMenuItem, onCheckAll: () => void): MenuItemConstructorOptions {
    switch (item.id) {
      case 'separator':
        return { type: 'separator' };
      case 'status':
        return { label: item.label, enabled: false };
      case 'open':
        return { label: item.label, enabled: item.enabled, click: () => this.actions.open() };
      case 'check-all':
        return { label: item.label, enabled: item.enabled, click: onCheckAll };
      case 'quit':
        return { label: item.label, enabled: item.enabled, click: () => this.actions.quit() };
    }
  }
}
