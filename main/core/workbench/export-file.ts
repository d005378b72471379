import { writeTextFileAtomically } from '../storage/json-file';

/** Writes a file the user chose, or rejects with the system's error. */
export type FileWriter = (file: string, text: string) => Promise<void>;

/** Exports are written like the app's own files: beside the target, then renamed over it. */
export const writeFileAtomically: FileWriter = (file, text) => writeTextFileAtomically(file, text);

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
