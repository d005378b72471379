import { randomUUID } from 'node:crypto';
import { access, open, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';

/** What reading a versioned JSON file found. */
export type JsonFileRead<T> =
  | { readonly kind: 'ok'; readonly value: T }
  | { readonly kind: 'missing' }
  /** Invalid JSON or the wrong shape: the file was moved aside to `keptAs` and never overwritten. */
  | { readonly kind: 'corrupt'; readonly keptAs: string; readonly reason: string }
  /** There but not readable (permissions, a lock, a folder in its place): left exactly as it is. */
  | { readonly kind: 'unreadable'; readonly reason: string };

/** Reads and validates; a corrupt file is renamed aside, an unreadable one left alone, and both reported. */
export async function readJsonFile<T>(file: string, schema: z.ZodType<T>, now: () => number): Promise<JsonFileRead<T>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'unreadable', reason: unreadableReason(error) };
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
  try {
    await rename(file, keptAs);
  } catch (error) {
    // Damaged and cannot be moved aside (a read-only folder, a lock): leave it exactly as it is.
    return {
      kind: 'unreadable',
      reason: `${reason}, and it could not be kept aside because ${unreadableReason(error)}`,
    };
  }
  return { kind: 'corrupt', keptAs, reason };
}

/** Plain words for why a file that is there could not be read, completing "…because ___". */
export function unreadableReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'this user account is not allowed to read it';
  if (code === 'EBUSY') return 'another program is holding it (an antivirus scan or a sync client such as OneDrive)';
  if (code === 'EISDIR') return 'a folder stands where the file should be';
  return `the system refused (${code ?? 'no error code'})`;
}

/** What a store says about its file after reading it; `ok` and `missing` need no words. */
export interface ReadConsequence {
  /** Ends "The file was kept as …; ___." */
  readonly corrupt: string;
  /** A sentence on what the user misses this session while the file is left alone. */
  readonly unreadable: string;
}

/** The notice for a read (none when fine or absent); `what` starts the sentence, e.g. "Your saved connections". */
export function readNotice(
  read: JsonFileRead<unknown>,
  what: string,
  file: string,
  consequence: ReadConsequence,
): string[] {
  if (read.kind === 'corrupt')
    return [
      `${what} could not be read because ${read.reason}. The file was kept as ${read.keptAs}; ${consequence.corrupt}.`,
    ];
  if (read.kind !== 'unreadable') return [];
  return [
    `${what} (${file}) could not be read because ${read.reason}. The app started without that file and changed nothing in it. ${consequence.unreadable} ` +
      `Check the file's permissions or close the program holding it, then restart the app.`,
  ];
}

/** Refusal to write a file that could not be read at start, so what it holds is never overwritten. */
export class UnreadableFileError extends Error {
  readonly code = 'UNREADABLE_AT_START';
  constructor(readonly file: string) {
    super(`${path.basename(file)} could not be read at start, so it is left untouched`);
    this.name = 'UnreadableFileError';
  }
}

/** How a file is written: `flush` (the default) waits for the disk; `compact` leaves out the indentation. */
export interface JsonWriteOptions {
  readonly flush?: boolean;
  readonly compact?: boolean;
}

/** Writes a store's file (see writeJsonFile), or refuses with UnreadableFileError. */
export type JsonFileWriter = (value: unknown, options?: JsonWriteOptions) => Promise<void>;

/** Reads a store's file at start; the writer it returns refuses for the whole session if the file was unreadable. */
export async function openJsonFile<T>(
  file: string,
  schema: z.ZodType<T>,
  now: () => number,
): Promise<{ read: JsonFileRead<T>; write: JsonFileWriter }> {
  const read = await readJsonFile(file, schema, now);
  const write: JsonFileWriter =
    read.kind === 'unreadable'
      ? () => Promise.reject(new UnreadableFileError(file))
      : (value, options) => writeJsonFile(file, value, options);
  return { read, write };
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
 * `compact` writes without indentation: for large files rewritten often (the ping history, the
 * timeline), where the indentation is a third of the text. The value is serialised before anything
 * is opened, so it is the value as it was at the call.
 */
export async function writeJsonFile(
  file: string,
  value: unknown,
  { flush = true, compact = false }: JsonWriteOptions = {},
): Promise<void> {
  await writeTextFileAtomically(file, (compact ? JSON.stringify(value) : JSON.stringify(value, null, 2)) + '\n', flush);
}

/** Writes beside the target and renames over it, so a failed write never leaves half a file in its place. */
export async function writeTextFileAtomically(file: string, text: string, flush = true): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomUUID()}.tmp`);
  const handle = await open(temp, 'w', 0o600);
  try {
    try {
      await handle.writeFile(text, 'utf8');
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
  if (error instanceof UnreadableFileError) {
    return `Could not save ${what} because its file could not be read when the app started, so the app leaves that file untouched. Nothing was lost: check the file's permissions or close the program holding it, then restart the app.`;
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const why =
    code === 'ENOSPC'
      ? 'the disk is full'
      : code === 'EACCES' || code === 'EPERM'
        ? 'the app is not allowed to write to its data folder'
        : 'the file could not be written';
  return `Could not save ${what} because ${why}. Nothing was lost: free some space or check the folder's permissions, then try again.`;
}

/**
 * Saves a store's latest state behind the change that asked for it, one write at a time. `changed()`
 * starts no work itself: the write starts on a later turn of the event loop (so a reply to the
 * renderer waits neither for the disk nor for starting the write) and saves the state as it is then,
 * so every change made before it starts (a burst of pings, a refresh storm) goes into that one
 * write. A change made while a write runs is saved by the next one, so an older state never lands
 * after a newer one. `changed()` resolves once a write holding the change is done; `flush()` starts a
 * waiting write at once and resolves once every change so far is on disk (a clean quit). A failed
 * write goes to `onError`; neither ever rejects.
 */
export class BackgroundSaver {
  /** The write that will save the next changes, not started yet: changes until it starts join it. */
  private next: { readonly done: Promise<void>; readonly resolve: () => void } | null = null;
  private timer: NodeJS.Immediate | null = null;
  /** Every write started so far, one after another. */
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly save: () => Promise<void>,
    private readonly onError: (error: unknown) => void,
  ) {}

  changed(): Promise<void> {
    if (this.next) return this.next.done;
    let resolve!: () => void;
    const done = new Promise<void>((r) => (resolve = r));
    this.next = { done, resolve };
    this.timer = setImmediate(() => this.start());
    return done;
  }

  flush(): Promise<void> {
    this.start();
    return this.writing;
  }

  private start(): void {
    if (!this.timer) return; // nothing waiting, or already queued behind the running write
    clearImmediate(this.timer);
    this.timer = null;
    const batch = this.next!;
    this.writing = this.writing.then(async () => {
      this.next = null; // from here on, changes wait for the next write
      try {
        await this.save();
      } catch (error) {
        this.onError(error);
      }
      batch.resolve();
    });
  }
}
