import { writeFile } from 'node:fs/promises';
import type { DiagnosticsReport, ReportFormat, Result } from '../../../preload/contract';
import type { ActivityLog } from '../activity/activity-log';
import type { CopyService } from '../app/copy-service';
import type { PingHistory } from '../ping/ping-history';
import type { Ports } from '../ports';
import { fail, ok } from '../result';
import { collectDiagnostics, type DiagnosticsData, type DiagnosticsSources } from './diagnostics-data';
import { renderMarkdown } from './markdown';
import { redactDeep, redactString } from './redact';

/** How much history goes into a report: enough to see a pattern, short enough to read. */
export const REPORT_PINGS = 20;
export const REPORT_TIMELINE = 100;

/** What the service needs besides the ports: the sources of the facts. */
export type DiagnosticsDeps = Omit<DiagnosticsSources, 'pings' | 'timeline' | 'now'> & {
  readonly ports: Pick<Ports, 'saveDialog' | 'folders' | 'clock' | 'logger'>;
  readonly history: PingHistory;
  readonly activity: ActivityLog;
  readonly copier: CopyService;
};

/** Builds the redacted support report, saves it through the save dialog, copies it, and opens the logs folder. */
export class DiagnosticsService {
  constructor(private readonly deps: DiagnosticsDeps) {}

  /** Both formats, redacted twice: field by field, then the finished text against every secret the app holds. */
  async build(): Promise<DiagnosticsReport> {
    const { deps } = this;
    const now = deps.ports.clock.now();
    const { data, secrets } = await collectDiagnostics({
      ...deps,
      pings: deps.history.latest(REPORT_PINGS),
      timeline: deps.activity.list().slice(0, REPORT_TIMELINE),
      now,
    });
    const safe = redactDeep(data, secrets) as DiagnosticsData;
    return {
      generatedAt: safe.generatedAt,
      markdown: redactString(renderMarkdown(safe), secrets),
      json: redactString(JSON.stringify(safe, null, 2) + '\n', secrets),
    };
  }

  async save(format: ReportFormat): Promise<Result<{ savedTo: string | null }>> {
    const report = await this.build();
    const markdown = format === 'markdown';
    const target = await this.deps.ports.saveDialog
      ?.choosePath({
        title: 'Save diagnostics report',
        defaultName: `approvalmax-connect-diagnostics-${report.generatedAt.slice(0, 16).replace(/[T:]/g, '-')}.${markdown ? 'md' : 'json'}`,
        filters: [markdown ? { name: 'Markdown', extensions: ['md'] } : { name: 'JSON', extensions: ['json'] }],
      })
      .catch(() => undefined);
    if (target === undefined)
      return fail(
        'storage',
        'The save dialog could not be opened. Use "Copy" instead and paste the report into your support ticket.',
      );
    if (target === null) return ok({ savedTo: null });
    try {
      await writeFile(target, markdown ? report.markdown : report.json, { encoding: 'utf8', mode: 0o600 });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const why =
        code === 'ENOSPC'
          ? 'the disk is full'
          : code === 'EACCES' || code === 'EPERM'
            ? 'the app may not write to that folder'
            : 'the file could not be written there';
      return fail(
        'storage',
        `The report was not saved because ${why}. Choose another folder, or use "Copy" and paste the report into your support ticket.`,
      );
    }
    this.deps.ports.logger.info('diagnostics: report saved', { format });
    return ok({ savedTo: target });
  }

  async copy(format: ReportFormat): Promise<Result<null>> {
    const report = await this.build();
    await this.deps.copier.copy(format === 'markdown' ? report.markdown : report.json);
    return ok(null);
  }

  async openLogsFolder(): Promise<Result<{ folder: string }>> {
    const folder = this.deps.logsFolder;
    try {
      if (!this.deps.ports.folders) throw new Error('no folder opener in this shell');
      await this.deps.ports.folders.open(folder);
      return ok({ folder });
    } catch {
      return fail('storage', `The logs folder could not be opened. You can find it yourself at ${folder}.`);
    }
  }
}
