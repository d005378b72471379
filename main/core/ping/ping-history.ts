import path from 'node:path';
import { z } from 'zod';
import type { PingHistoryItem, PingReport } from '../../../preload/contract';
import { redactText } from '../logging';
import type { Logger } from '../ports';
import { BackgroundSaver, openJsonFile, readNotice, type JsonFileWriter } from '../storage/json-file';
import { pingReportSchema } from './ping-report-schema';

/** How many pings are kept per connection, and for pasted tokens together. */
export const HISTORY_PER_TARGET = 50;
/** Stored bodies are cut shorter than live ones: 50 × 256 KB per connection would make a slow file. */
export const STORED_BODY_CHARS = 64 * 1024;

const fileSchema = z.object({ version: z.literal(1), pings: z.array(pingReportSchema) });

/** The history bucket a report belongs to: its connection, or all pasted tokens together. */
export const historyKey = (report: Pick<PingReport, 'target'>): string =>
  report.target.kind === 'connection' ? `connection:${report.target.connectionId}` : 'pasted';

/** ping-history.json: the last pings, newest first, bounded per target, never holding a token. */
export class PingHistory {
  /** Written behind the reply, a burst of pings in one write; a convenience list needs no disk flush. */
  private readonly saver: BackgroundSaver;
  /**
   * Reports added since the list was last brought up to date, oldest first: adding is only this
   * push, so a reply never waits for redaction or trimming; every read and every write settles them.
   */
  private added: PingReport[] = [];

  private constructor(
    write: JsonFileWriter,
    private pings: PingReport[],
    logger: Logger,
  ) {
    this.saver = new BackgroundSaver(
      () => write({ version: 1, pings: this.settled() }, { flush: false, compact: true }),
      (error) =>
        logger.warn('ping history: could not save', { code: (error as NodeJS.ErrnoException).code ?? 'unknown' }),
    );
  }

  /** Reads the file; a damaged one is kept aside, an unreadable one never written this session; both reported, and history starts empty. */
  static async open(
    dataDir: string,
    now: () => number,
    logger: Logger,
  ): Promise<{ history: PingHistory; notices: string[] }> {
    const file = path.join(dataDir, 'ping-history.json');
    const { read, write } = await openJsonFile(file, fileSchema, now);
    const notices = readNotice(read, 'The ping history', file, {
      corrupt: 'a new history started',
      unreadable: 'Pings from now on are listed but not saved.',
    });
    return { history: new PingHistory(write, read.kind === 'ok' ? read.value.pings : [], logger), notices };
  }

  /** Adds a report (redacted and with its body cut) and drops the oldest beyond 50 for its target; resolves once that is on disk. */
  add(report: PingReport): Promise<void> {
    this.added.push(report);
    return this.saver.changed();
  }

  list(): PingHistoryItem[] {
    return this.settled().map(summarise);
  }

  get(id: string): PingReport | undefined {
    return this.settled().find((p) => p.id === id);
  }

  /** The latest reports across every target, for the diagnostics report. */
  latest(count: number): readonly PingReport[] {
    return this.settled().slice(0, count);
  }

  /** Resolves once every change so far is on disk (a clean shutdown). */
  flush(): Promise<void> {
    return this.saver.flush();
  }

  clear(): Promise<void> {
    this.added = [];
    this.pings = [];
    return this.saver.changed();
  }

  /** The list with every added report in it (redacted, body cut, newest first), the oldest beyond 50 per target dropped. */
  private settled(): PingReport[] {
    if (this.added.length === 0) return this.pings;
    const added = this.added.reverse().map(sanitise);
    this.added = [];
    const ids = new Set<string>();
    const counts = new Map<string, number>();
    this.pings = [...added, ...this.pings].filter((p) => {
      if (ids.has(p.id)) return false; // an older report under the same id
      ids.add(p.id);
      const key = historyKey(p);
      const seen = (counts.get(key) ?? 0) + 1;
      counts.set(key, seen);
      return seen <= HISTORY_PER_TARGET;
    });
    return this.pings;
  }
}

function summarise(p: PingReport): PingHistoryItem {
  return {
    id: p.id,
    startedAt: p.startedAt,
    target: p.target,
    environmentName: p.environmentName,
    path: p.path,
    status: p.response?.status ?? null,
    tone: p.verdict.tone,
    headline: p.verdict.headline,
  };
}

/** What is written to disk: JWT-shaped strings and secret parameters removed, the body cut to 64 KB. */
function sanitise(report: PingReport): PingReport {
  const response = report.response && {
    ...report.response,
    headers: report.response.headers.map(([n, v]): [string, string] => [n, redactText(v)]),
    body: redactText(report.response.body.slice(0, STORED_BODY_CHARS)),
    bodyTruncated: report.response.bodyTruncated || report.response.body.length > STORED_BODY_CHARS,
  };
  return { ...report, request: { ...report.request, url: redactText(report.request.url) }, response };
}
