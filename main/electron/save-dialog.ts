import path from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import type { SaveDialog } from '../core/ports';

/** The system save dialog, attached to the app window, starting in the user's Documents folder. */
export class ElectronSaveDialog implements SaveDialog {
  constructor(private readonly window: () => BrowserWindow | undefined) {}

  async choosePath(request: Parameters<SaveDialog['choosePath']>[0]): Promise<string | null> {
    const options = {
      title: request.title,
      defaultPath: path.join(app.getPath('documents'), request.defaultName),
      filters: request.filters.map((f) => ({ name: f.name, extensions: [...f.extensions] })),
      properties: ['createDirectory', 'showOverwriteConfirmation'] as (
        'createDirectory' | 'showOverwriteConfirmation'
      )[],
    };
    const parent = this.window();
    const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  }
}
