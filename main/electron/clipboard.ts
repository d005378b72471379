import { clipboard } from 'electron';
import type { Clipboard } from '../core/ports';

/** The system clipboard through Electron (main process only: the renderer never touches it). */
export const electronClipboard: Clipboard = {
  writeText: async (text) => clipboard.writeText(text),
  readText: async () => clipboard.readText(),
};
