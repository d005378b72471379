// The Electron preload: the only file that touches ipcRenderer. Runs sandboxed, so it is bundled
// into one CommonJS file and exposes nothing but the typed bridge.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createBridge } from './bridge';
import { BRIDGE_GLOBAL } from './contract';

const bridge = createBridge(
  (channel, arg) => ipcRenderer.invoke(channel, arg),
  (channel, listener) => {
    // Never hand the raw IPC event to the page: it would leak `sender`.
    const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => void ipcRenderer.removeListener(channel, wrapped);
  },
);

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
