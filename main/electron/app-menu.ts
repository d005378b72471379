import { Menu } from 'electron';
import { appMenuTemplate } from './window-policy';

/** The standard menus; packaged builds leave out the developer tools (see appMenuTemplate). */
export function setAppMenu(packaged: boolean): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(packaged, process.platform)));
}
