import path from 'node:path';
import { z } from 'zod';
import type { ActivityEntry, ActivityFilter } from '../../../preload/contract';
import type { EventHub } from '../events';
import { redactText } from '../logging';
import type { Logger } from '../ports';
import { BackgroundSaver, openJsonFile, readNotice, type JsonFileWriter } from '../storage/json-file';

/** The timeline keeps this many entries; the oldest are dropped first. */
export const ACTIVITY_LIMIT = 1000;

const entrySchema = z.object({
  at: z.string(),
  kind: z.enum(['ping', 'connect', 'refresh', 'reconnect-needed', 'disconnect', 'check', 'error']),
  summary: z.string(),
  tone: z.enum(['good', 'warning', 'bad']),
  connectionId: z.string().optional(),
  connectionLabel: z.string().optional(),
  details: z.array(z.string()).optional(),
});
const fileSchema = z.object({ version: z.literal(1), entries: z.array(entrySchema) });

/** Narrows a timeline to one connection and/or one kind; absent filter fields match everything. */
export function filterActivity(entries: readonly ActivityEntry[], filter: ActivityFilter): ActivityEntry[] {
  return entries.filter(
    (e) =>
      (filter.connectionId === undefined || e.connectionId === filter.connectionId) &&
      (filter.kind === undefined || e.kind === filter.kind),
  );
}

/** How every feature records what it did: one sink, the timeline (which also tells the renderer). */
export interface ActivitySink {
  record(entry: ActivityEntry): void;
}

/** activity.json: everything the app did, newest first, bounded, kept across restarts, never holding a secret. */
export class ActivityLog implements ActivitySink {
  /** Written behind the change (never before a reply), many entries in one write when they come together. */
  private readonly saver: BackgroundSaver;

  private constructor(
    write: JsonFileWriter,
    private readonly entries: ActivityEntry[],
    private readonly events: EventHub,
    logger: Logger,
  ) {
    this.saver = new BackgroundSaver(
      () => write({ version: 1, entries: this.entries }, { compact: true }),
      (error) =>
        logger.warn('activity: could not save the timeline', {
          code: (error as NodeJS.ErrnoException).code ?? 'unknown',
        }),
    );
  }

  /** Reads the file; a damaged one is kept aside, an unreadable one never written this session; both reported, and the timeline starts empty. */
  static async open(
    dataDir: string,
    events: EventHub,
    now: () => number,
    logger: Logger,
  ): Promise<{ log: ActivityLog; notices: string[] }> {
    const file = path.join(dataDir, 'activity.json');
    const { read, write } = await openJsonFile(file, fileSchema, now);
    const notices = readNotice(read, 'The activity timeline', file, {
      corrupt: 'a new timeline started',
      unreadable: 'The timeline shows only what happens from now on, and it is not saved.',
    });
    return {
      log: new ActivityLog(write, read.kind === 'ok' ? (read.value.entries as ActivityEntry[]) : [], events, logger),
      notices,
    };
  }

  /** Keeps one entry (its words redacted once more, to be sure) and tells the renderer. */
  record(entry: ActivityEntry): void {
    const clean: ActivityEntry = {
      ...entry,
      summary: redactText(entry.summary),
      ...(entry.details ? { details: entry.details.map(redactText) } : {}),
    };
    // In place: a write takes its copy (the JSON text) when it starts, and list() hands out new arrays.
    this.entries.unshift(clean);
    if (this.entries.length > ACTIVITY_LIMIT) this.entries.length = ACTIVITY_LIMIT;
    void this.saver.changed();
    this.events.emit('activity:added', clean);
  }

  list(filter: ActivityFilter = {}): ActivityEntry[] {
    return filterActivity(this.entries, filter);
  }

  /** Resolves once every change so far is on disk (tests, and a clean shutdown). */
  flush(): Promise<void> {
    return this.saver.flush();
  }
}
