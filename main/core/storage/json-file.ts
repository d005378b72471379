import { randomUUID } from 'node:crypto';
import { access, open, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';

/** What reading a versioned JSON file found. */
export type JsonFileRead<T> =
  | { readonly kind: 'ok'; readonly value: T }
  | { readonly kind: 'missing' }
  /** Unreadable or invalid: the file was moved aside to `keptAs` and never overwritten. */
  | { readonly kind: 'corrupt'; readonly keptAs: string; readonly reason: string };

/** Reads and validates; a corrupt file is renamed aside (never silently replaced) and reported. */
export async function readJsonFile<T>(file: string, schema: z.ZodType<T>, now: () => number): Promise<JsonFileRead<T>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw error;
  }
  let reason: string;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    if (parsed.success) return { kind: 'ok', value: parsed.data };
    reason = `it does not have the expected shape (${parsed.error.issues[0]?.path.join('.') || 'top level'})`;
  } catch {
    reason = 'it is not valid JSON';
  }
  const keptAs = await freeName(`${file}.corrupt-${new Date(now()).toISOString().replace(/[:.]/g, '-')}`);
  await rename(file, keptAs);
  return { kind: 'corrupt', keptAs, reason };
}

/** `base`, or `base-2`, `base-3`… so an earlier kept-aside copy is never overwritten. */
async function freeName(base: string): Promise<string> {
  for (let n = 1; ; n++) {
    const name = n === 1 ? base : `${base}-${n}`;
    try {
      await access(name);
    } catch {
      return name;
    }
  }
}

/**
 * Writes atomically: a temp file in the same folder, then renamed over the old one. `flush` (the
 * default) also waits for the disk, for data that must survive a power cut, not only a crash.
 */
export async function writeJsonFile(file: string, value: unknown, { flush = true }: { flush?: boolean } = {}): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomUUID()}.tmp`);
  const handle = await open(temp, 'w', 0o600);
  try {
    try {
      await handle.writeFile(JSON.stringify(value, null, 2) + '\n', 'utf8');
      if (flush) await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

/** Plain words for a failed write (full disk, no permission), naming nothing secret. */
export function describeWriteFailure(error: unknown, what: string): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const why =
    code === 'ENOSPC' ? 'the disk is full' : code === 'EACCES' || code === 'EPERM' ? 'the app is not allowed to write to its data folder' : 'the file could not be written';
  return `Could not save ${what} because ${why}. Nothing was lost: free some space or check the folder's permissions, then try again.`;
}
