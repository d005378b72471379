import { shell } from 'electron';
import type { FolderOpener } from '../core/ports';

/** Shows a folder in Finder / Explorer / the Linux file manager; Electron reports failure as a message, turned into a rejection here. */
export const electronFolderOpener: FolderOpener = {
  async open(folder) {
    const problem = await shell.openPath(folder);
    if (problem) throw new Error(problem);
  },
};
