import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

/** Each log file is cut at this size; with three files the logs never take more than 3 MB. */
export const LOG_FILE_BYTES = 1024 * 1024;
/** app.log plus app.1.log and app.2.log. */
export const LOG_FILE_COUNT = 3;

/** Where the log files live: `<dataDir>/logs`, the folder "Open logs folder" shows. */
export const logsFolder = (dataDir: string): string => path.join(dataDir, 'logs');

/** A line writer over rotating files; feed it from createLineLogger so every line is redacted before it lands here. */
export interface LogFile {
  readonly folder: string;
  /** The current file, `<folder>/app.log`. */
  readonly file: string;
  write(line: string): void;
  /** False once a write failed (no folder, full disk): lines are then dropped until the next start. */
  isWorking(): boolean;
}

/**
 * Appends lines to `<dataDir>/logs/app.log`, rotating to app.1.log, app.2.log at 1 MB. Writes are
 * synchronous (lines are small and rare) so the last line before a crash is on disk. A disk
 * problem never stops the app: the log file just stops until the next start.
 */
export function openLogFile(dataDir: string, options: { maxBytes?: number; files?: number } = {}): LogFile {
  const folder = logsFolder(dataDir);
  const maxBytes = options.maxBytes ?? LOG_FILE_BYTES;
  const files = Math.max(1, options.files ?? LOG_FILE_COUNT);
  const name = (n: number) => path.join(folder, n === 0 ? 'app.log' : `app.${n}.log`);
  let size = 0;
  let broken = false;
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    size = Math.max(0, sizeOf(name(0)));
  } catch {
    broken = true;
  }
  const rotate = () => {
    rmSync(name(files - 1), { force: true });
    for (let n = files - 2; n >= 0; n--) if (sizeOf(name(n)) >= 0) renameSync(name(n), name(n + 1));
    size = 0;
  };
  return {
    folder,
    file: name(0),
    isWorking: () => !broken,
    write(line) {
      if (broken) return;
      const bytes = Buffer.byteLength(line) + 1;
      try {
        if (size > 0 && size + bytes > maxBytes) rotate();
        appendFileSync(name(0), line + '\n', { mode: 0o600 });
        size += bytes;
      } catch {
        broken = true;
      }
    },
  };
}

/** One line writer feeding several (the console and the log file), as createLineLogger takes one. */
export function writeToAll(...writers: readonly ((line: string) => void)[]): (line: string) => void {
  return (line) => {
    for (const write of writers) write(line);
  };
}

/** Bytes in a file; -1 when it does not exist (0 would be an empty file). */
function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return -1;
  }
}
