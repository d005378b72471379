import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { FolderOpener, SaveDialog } from '../../main/core/ports';

/** The Chromium shell's save dialog: no dialog, the file goes into a folder the test (or person) chose, under the suggested name. */
export class ShellSaveDialog implements SaveDialog {
  readonly requests: Parameters<SaveDialog['choosePath']>[0][] = [];
  constructor(readonly folder: string) {}

  async choosePath(request: Parameters<SaveDialog['choosePath']>[0]): Promise<string | null> {
    this.requests.push(request);
    mkdirSync(this.folder, { recursive: true });
    return path.join(this.folder, request.defaultName);
  }
}

/** The Chromium shell's "open a folder": records the call, so a test can see which folder the app asked for. */
export class RecordingFolderOpener implements FolderOpener {
  readonly opened: string[] = [];
  async open(folder: string): Promise<void> {
    this.opened.push(folder);
  }
}
