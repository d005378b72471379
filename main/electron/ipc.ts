import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { INVOKE_CHANNELS } from '../../preload/contract';
import { FORBIDDEN_SENDER } from '../boot/shell-rules';
import type { CoreService } from '../core/service';
import { isAppUrl } from './window-policy';

/**
 * Registers every contract channel once, for whichever main window is current (macOS reopens it);
 * calls from any frame but that window's own top frame are refused.
 */
export function registerIpc(core: CoreService, mainWindow: () => BrowserWindow | undefined): void {
  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(channel, (event, arg: unknown) =>
      isFromAppTopFrame(event, mainWindow()) ? core.dispatch(channel, arg) : FORBIDDEN_SENDER,
    );
  }
  core.events.subscribe((channel, payload) => {
    const window = mainWindow();
    if (window && !window.isDestroyed()) window.webContents.send(channel, payload);
  });
}

/** As VS Code's validateEvent: right window, top frame, and the app's own origin. */
function isFromAppTopFrame(event: IpcMainInvokeEvent, window: BrowserWindow | undefined): boolean {
  const frame = event.senderFrame;
  return (
    window !== undefined &&
    !window.isDestroyed() &&
    event.sender === window.webContents &&
    frame !== null &&
    frame === window.webContents.mainFrame &&
    isAppUrl(frame.url)
  );
}
