import path from 'node:path';
import { z } from 'zod';
import type { ConnectionStatus } from '../../../preload/contract';
import { readJsonFile, writeJsonFile } from '../storage/json-file';

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
});

/** One connection's metadata as saved on disk; its tokens live in the keychain. */
export type ConnectionRecord = z.infer<typeof recordSchema> & { status: Exclude<ConnectionStatus, 'refreshing'> };

const fileSchema = z.object({ version: z.literal(1), connections: z.array(recordSchema) });

/** connections.json: versioned, written atomically, a corrupt file kept aside and reported. */
export class ConnectionStore {
  private constructor(
    private readonly file: string,
    private records: ConnectionRecord[],
  ) {}

  static async open(dataDir: string, now: () => number): Promise<{ store: ConnectionStore; notices: string[] }> {
    const file = path.join(dataDir, 'connections.json');
    const read = await readJsonFile(file, fileSchema, now);
    const notices =
      read.kind === 'corrupt'
        ? [`Your saved connections could not be read because ${read.reason}. The file was kept as ${read.keptAs}; connect your organisations again, or send that file to support.`]
        : [];
    return { store: new ConnectionStore(file, read.kind === 'ok' ? (read.value.connections as ConnectionRecord[]) : []), notices };
  }

  list(): readonly ConnectionRecord[] {
    return this.records;
  }

  get(id: string): ConnectionRecord | undefined {
    return this.records.find((r) => r.id === id);
  }

  /** Adds or replaces one record; the file is written before memory changes, so a failed write changes nothing. */
  async put(record: ConnectionRecord): Promise<void> {
    const next = [...this.records.filter((r) => r.id !== record.id), record];
    await writeJsonFile(this.file, { version: 1, connections: next });
    this.records = next;
  }

  async remove(id: string): Promise<void> {
    const next = this.records.filter((r) => r.id !== id);
    await writeJsonFile(this.file, { version: 1, connections: next });
    this.records = next;
  }
}
