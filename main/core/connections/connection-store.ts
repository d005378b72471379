import path from 'node:path';
import { z } from 'zod';
import type { ConnectionStatus } from '../../../preload/contract';
import { checkReportSchema } from '../health/check-report-schema';
import { openJsonFile, readNotice, type JsonFileWriter } from '../storage/json-file';

const recordSchema = z.object({
  id: z.string(),
  label: z.string(),
  environmentId: z.string(),
  organisations: z.array(z.object({ companyId: z.string(), name: z.string() })),
  connectionId: z.string().nullable(),
  subject: z.string().nullable(),
  scopes: z.array(z.string()),
  createdAt: z.string(),
  lastRefreshedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  status: z.enum(['connected', 'needs-reconnect', 'error']),
  statusMessage: z.string().nullable(),
  /** Saved before this field existed: those connections asked for offline access and got it. */
  renewal: z.enum(['offline', 'session', 'none']).default('offline'),
  /** When the refresh token was issued or last renewed; absent in files saved before it existed (see renewedAtOf). */
  refreshTokenRenewedAt: z.string().optional(),
  /** The last "Check connection", with its steps. */
  lastCheck: checkReportSchema.nullable().optional(),
});

/** One connection's metadata as saved on disk; its tokens live in the keychain. */
export type ConnectionRecord = z.infer<typeof recordSchema> & { status: Exclude<ConnectionStatus, 'refreshing'> };

/**
 * When the refresh token was last issued or renewed. Connections saved before this was recorded count
 * from their last refresh, else from when they were made: each refresh renewed the token then.
 */
export function renewedAtOf(record: ConnectionRecord): string {
  return record.refreshTokenRenewedAt ?? record.lastRefreshedAt ?? record.createdAt;
}

const fileSchema = z.object({ version: z.literal(1), connections: z.array(recordSchema) });

/** A change waiting to be written: the new record, or null for a removal. */
type Change = ConnectionRecord | null;

/**
 * connections.json: versioned, written atomically, a corrupt file kept aside and reported, an unreadable
 * one reported and never written this session (every put fails with UnreadableFileError). Writes go
 * one at a time, each from the latest records, and changes that arrive meanwhile share the next write
 * (a storm of 200 refreshes is a handful of writes, and none undoes another).
 */
export class ConnectionStore {
  private queued = new Map<string, Change>();
  private writing = new Map<string, Change>();
  private waiters: { resolve(): void; reject(error: unknown): void }[] = [];
  private flushing: Promise<void> | null = null;

  private constructor(
    private readonly write: JsonFileWriter,
    private records: ConnectionRecord[],
  ) {}

  static async open(dataDir: string, now: () => number): Promise<{ store: ConnectionStore; notices: string[] }> {
    const file = path.join(dataDir, 'connections.json');
    const { read, write } = await openJsonFile(file, fileSchema, now);
    const notices = readNotice(read, 'Your saved connections', file, {
      corrupt: 'connect your organisations again, or send that file to support',
      unreadable:
        'Your connections are missing for now and new ones cannot be saved; there is no need to connect your organisations again.',
    });
    return {
      store: new ConnectionStore(write, read.kind === 'ok' ? (read.value.connections as ConnectionRecord[]) : []),
      notices,
    };
  }

  /** The records as they will be once the waiting writes land (a failed write takes its changes back). */
  list(): readonly ConnectionRecord[] {
    return applyChanges(applyChanges(this.records, this.writing), this.queued);
  }

  get(id: string): ConnectionRecord | undefined {
    return this.list().find((r) => r.id === id);
  }

  /** Adds or replaces one record (in place, keeping the order); resolves once it is on disk. */
  put(record: ConnectionRecord): Promise<void> {
    return this.enqueue(record.id, record);
  }

  remove(id: string): Promise<void> {
    return this.enqueue(id, null);
  }

  private enqueue(id: string, change: Change): Promise<void> {
    this.queued.set(id, change);
    const done = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    this.kick();
    return done;
  }

  /** Starts the writer unless it runs; a change that arrives as it finishes starts it again. */
  private kick(): void {
    if (this.flushing) return;
    this.flushing = (async () => {
      try {
        await this.flush();
      } finally {
        this.flushing = null;
        if (this.queued.size > 0) this.kick();
      }
    })();
  }

  private async flush(): Promise<void> {
    while (this.queued.size > 0) {
      [this.writing, this.queued] = [this.queued, new Map()];
      const waiters = this.waiters.splice(0);
      const next = applyChanges(this.records, this.writing);
      try {
        await this.write({ version: 1, connections: next });
        this.records = next;
        waiters.forEach((w) => w.resolve());
      } catch (error) {
        waiters.forEach((w) => w.reject(error));
      } finally {
        this.writing = new Map();
      }
    }
  }
}

function applyChanges(records: readonly ConnectionRecord[], changes: ReadonlyMap<string, Change>): ConnectionRecord[] {
  if (changes.size === 0) return [...records];
  const kept = records.flatMap((r) => {
    if (!changes.has(r.id)) return [r];
    const change = changes.get(r.id);
    return change ? [change] : [];
  });
  const known = new Set(records.map((r) => r.id));
  const added = [...changes.values()].filter((c): c is ConnectionRecord => c !== null && !known.has(c.id));
  return [...kept, ...added];
}
