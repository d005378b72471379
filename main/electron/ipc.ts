import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { INVOKE_CHANNELS } from '../../preload/contract';
import { fail } from '../core/result';
import type { CoreService } from '../core/service';
import { isAppUrl } from './window-policy';

/** Registers every contract channel; calls from any frame but the app's own top frame are refused. */
export function registerIpc(core: CoreService, window: BrowserWindow): void {
  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(channel, (event, arg: unknown) =>
      isFromAppTopFrame(event, window)
        ? core.dispatch(channel, arg)
        : fail('forbidden-sender', 'This request did not come from the app window and was refused.'),
    );
  }
  core.events.subscribe((channel, payload) => {
    if (!window.isDestroyed()) window.webContents.send(channel, payload);
  });
}

/** As VS Code's validateEvent: right window, top frame, and the app's own origin. */
function isFromAppTopFrame(event: IpcMainInvokeEvent, window: BrowserWindow): boolean {
  const frame = event.senderFrame;
  return (
    !window.isDestroyed() &&
    event.sender === window.webContents &&
    frame !== null &&
    frame === window.webContents.mainFrame &&
    isAppUrl(frame.url)
  );
}
