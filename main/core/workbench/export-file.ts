import { randomUUID } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';

/** Writes a file the user chose, or rejects with the system's error. */
export type FileWriter = (file: string, text: string) => Promise<void>;

/** Writes beside the target and renames over it, so a failed export never leaves half a file in its place. */
export const writeFileAtomically: FileWriter = async (file, text) => {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomUUID()}.tmp`);
  const handle = await open(temp, 'w', 0o600);
  try {
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
};

/** Why an export was not written, in plain words with what to do. */
export function describeExportFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const why =
    code === 'ENOSPC' || code === 'EDQUOT'
      ? 'the disk is full'
      : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
        ? 'the app may not write to that folder'
        : code === 'ENOENT' || code === 'ENOTDIR'
          ? 'that folder no longer exists'
          : 'the file could not be written there';
  return `The export was not saved because ${why}. Free some space or choose another folder, then export again; the loaded items are still here.`;
}
