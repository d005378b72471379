import path from 'node:path';
import { z } from 'zod';
import { openJsonFile, readNotice, type JsonFileWriter } from '../storage/json-file';
import type { NoticeTopic } from './notification-policy';

const fileSchema = z.object({
  version: z.literal(1),
  /** The person's choice of "Keep connections alive in the background"; null: never chosen (off). */
  background: z.boolean().nullable(),
  /** When each notice was last shown, by `<topic>:<connection id>`, so "once a day" survives a restart. */
  notified: z.record(z.string(), z.string()),
});
type KeepAliveFile = z.infer<typeof fileSchema>;

const EMPTY: KeepAliveFile = { version: 1, background: null, notified: {} };

/** keep-alive.json: the background setting and when each notice was last shown. */
export class KeepAliveStore {
  private constructor(
    private readonly write: JsonFileWriter,
    private data: KeepAliveFile,
  ) {}

  static async open(dataDir: string, now: () => number): Promise<{ store: KeepAliveStore; notices: string[] }> {
    const file = path.join(dataDir, 'keep-alive.json');
    const { read, write } = await openJsonFile(file, fileSchema, now);
    const notices = readNotice(read, 'The keep-alive settings', file, {
      corrupt: 'background keep-alive is off until you turn it on again',
      unreadable: 'Background keep-alive is off for now, and changing it cannot be saved.',
    });
    return { store: new KeepAliveStore(write, read.kind === 'ok' ? read.value : EMPTY), notices };
  }

  get background(): boolean | null {
    return this.data.background;
  }

  /** Saves the person's choice; rejects (leaving it unchanged) when the file cannot be written. */
  async setBackground(enabled: boolean): Promise<void> {
    await this.save({ ...this.data, background: enabled });
  }

  lastNotified(topic: NoticeTopic, connectionId: string): number | null {
    const at = this.data.notified[`${topic}:${connectionId}`];
    return at === undefined ? null : Date.parse(at);
  }

  /** Remembers a notice; a failed write only means it may be shown again after a restart. */
  async notified(topic: NoticeTopic, connectionId: string, at: number): Promise<void> {
    const notified = { ...this.data.notified, [`${topic}:${connectionId}`]: new Date(at).toISOString() };
    await this.save({ ...this.data, notified }).catch(() => undefined);
  }

  /** Forgets the notices of a connection that is gone. */
  async forget(connectionId: string): Promise<void> {
    const notified = Object.fromEntries(
      Object.entries(this.data.notified).filter(([key]) => !key.endsWith(`:${connectionId}`)),
    );
    if (Object.keys(notified).length === Object.keys(this.data.notified).length) return;
    await this.save({ ...this.data, notified }).catch(() => undefined);
  }

  private async save(next: KeepAliveFile): Promise<void> {
    await this.write(next);
    this.data = next;
  }
}
