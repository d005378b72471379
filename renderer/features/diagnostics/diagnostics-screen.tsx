import { useState, type ReactNode } from 'react';
import type { DiagnosticsReport, ReportFormat, Result } from '../../../preload/contract';
import { bridge } from '../../bridge';
import { CallError } from '../../shared/call-error';
import { Screen } from '../../shared/screen';
import { useAction } from '../../shared/use-action';
import { useAppInfo } from '../app/use-app-info';
import './diagnostics.css';

/** What can be done with the report besides reading it: each says in words what it did. */
type Share = { kind: 'save' | 'copy'; format: ReportFormat } | { kind: 'open-logs' };

async function share(what: Share): Promise<Result<string | null>> {
  if (what.kind === 'open-logs') {
    const result = await bridge.diagnostics.openLogsFolder();
    return result.ok ? { ok: true, value: `Opened the logs folder: ${result.value.folder}` } : result;
  }
  if (what.kind === 'save') {
    const result = await bridge.diagnostics.save({ format: what.format });
    return result.ok
      ? { ok: true, value: result.value.savedTo ? `Report saved to ${result.value.savedTo}.` : null }
      : result;
  }
  const result = await bridge.diagnostics.copy({ format: what.format });
  return result.ok
    ? {
        ok: true,
        value: `Report copied as ${what.format === 'markdown' ? 'Markdown' : 'JSON'}: paste it into your support ticket.`,
      }
    : result;
}

/** One place for support: a redacted report to attach to a ticket, and the way to the log files. */
export function DiagnosticsScreen() {
  const [report, setReport] = useState<DiagnosticsReport | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const create = useAction(async () => {
    const result = await bridge.diagnostics.report();
    if (result.ok) setReport(result.value);
    return result;
  });
  const shared = useAction(async (what: Share) => {
    create.clearError();
    const result = await share(what);
    setNote(result.ok ? result.value : null);
    return result;
  });

  return (
    <Screen
      title="Diagnostics"
      lead="A report to attach to a support ticket: app and system, environments, connections and their token claims, the last checks and the timeline. Tokens, codes, secrets and Authorization values are removed."
    >
      <ReportActions
        creating={create.busy}
        created={report !== null}
        onCreate={() => void create.run()}
        onShare={(what) => void shared.run(what)}
      >
        <CallError error={create.error ?? shared.error} />
        {note && !create.error && !shared.error && (
          <p className="success" aria-live="polite">
            {note}
          </p>
        )}
      </ReportActions>
      {report && (
        <section className="card" aria-labelledby="preview-title">
          <h2 id="preview-title" className="section-title">
            Preview (Markdown)
          </h2>
          <pre className="code report-preview" role="region" aria-label="Report preview" tabIndex={0}>
            {report.markdown}
          </pre>
        </section>
      )}
    </Screen>
  );
}

interface ActionsProps {
  creating: boolean;
  created: boolean;
  onCreate(): void;
  onShare(what: Share): void;
  /** What the last action said. */
  children: ReactNode;
}

function ReportActions({ creating, created, onCreate, onShare, children }: ActionsProps) {
  const info = useAppInfo().data;
  return (
    <div className="card diagnostics-actions">
      <div className="actions">
        <button type="button" className="primary" onClick={onCreate} disabled={creating}>
          {creating ? 'Creating…' : created ? 'Create again' : 'Create report'}
        </button>
        <button type="button" onClick={() => onShare({ kind: 'save', format: 'markdown' })}>
          Save as Markdown…
        </button>
        <button type="button" onClick={() => onShare({ kind: 'save', format: 'json' })}>
          Save as JSON…
        </button>
        <button type="button" onClick={() => onShare({ kind: 'copy', format: 'markdown' })}>
          Copy Markdown
        </button>
        <button type="button" onClick={() => onShare({ kind: 'copy', format: 'json' })}>
          Copy JSON
        </button>
      </div>
      <div className="actions">
        <button type="button" onClick={() => onShare({ kind: 'open-logs' })}>
          Open logs folder
        </button>
        {info && (
          <span className="hint">
            Log files (at most 3 × 1 MB, secrets removed) are kept in the “logs” folder of {info.dataDir}
          </span>
        )}
      </div>
      {children}
    </div>
  );
}
