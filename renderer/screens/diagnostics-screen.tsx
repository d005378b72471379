import { useEffect, useState } from 'react';
import type { AppInfo, DiagnosticsReport, ReportFormat } from '../../preload/contract';
import { bridge, call } from '../bridge';
import '../support.css';

/** One place for support: a redacted report to attach to a ticket, and the way to the log files. */
export function DiagnosticsScreen() {
  const [report, setReport] = useState<DiagnosticsReport | null>(null);
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [message, setMessage] = useState<{ tone: 'good' | 'bad'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void call(bridge.app.info()).then((r) => r.ok && setInfo(r.value));
  }, []);

  async function create() {
    setBusy(true);
    const result = await call(bridge.diagnostics.report());
    setBusy(false);
    if (result.ok) setReport(result.value);
    else setMessage({ tone: 'bad', text: result.error.message });
  }

  async function save(format: ReportFormat) {
    const result = await call(bridge.diagnostics.save({ format }));
    if (!result.ok) return setMessage({ tone: 'bad', text: result.error.message });
    setMessage(result.value.savedTo ? { tone: 'good', text: `Report saved to ${result.value.savedTo}.` } : null);
  }

  async function copy(format: ReportFormat) {
    const result = await call(bridge.diagnostics.copy({ format }));
    setMessage(result.ok ? { tone: 'good', text: `Report copied as ${format === 'markdown' ? 'Markdown' : 'JSON'}: paste it into your support ticket.` } : { tone: 'bad', text: result.error.message });
  }

  async function openLogs() {
    const result = await call(bridge.diagnostics.openLogsFolder());
    setMessage(result.ok ? { tone: 'good', text: `Opened the logs folder: ${result.value.folder}` } : { tone: 'bad', text: result.error.message });
  }

  return (
    <section className="screen" aria-labelledby="diagnostics-title">
      <header className="screen-header">
        <h1 id="diagnostics-title">Diagnostics</h1>
        <p className="lead">A report to attach to a support ticket: app and system, environments, connections and their token claims, the last checks and the timeline. Tokens, codes, secrets and Authorization values are removed.</p>
      </header>
      <div className="card diagnostics-actions">
        <div className="actions">
          <button type="button" className="primary" onClick={() => void create()} disabled={busy}>
            {busy ? 'Creating…' : report ? 'Create again' : 'Create report'}
          </button>
          <button type="button" onClick={() => void save('markdown')}>Save as Markdown…</button>
          <button type="button" onClick={() => void save('json')}>Save as JSON…</button>
          <button type="button" onClick={() => void copy('markdown')}>Copy Markdown</button>
          <button type="button" onClick={() => void copy('json')}>Copy JSON</button>
        </div>
        <div className="actions">
          <button type="button" onClick={() => void openLogs()}>Open logs folder</button>
          {info && <span className="hint">Log files (at most 3 × 1 MB, secrets removed) are kept in the “logs” folder of {info.dataDir}</span>}
        </div>
        {message && (
          <p className={message.tone === 'good' ? 'success' : 'form-error'} role={message.tone === 'bad' ? 'alert' : undefined} aria-live="polite">
            {message.text}
          </p>
        )}
      </div>
      {report && (
        <section className="card" aria-labelledby="preview-title">
          <h2 id="preview-title" className="section-title">Preview (Markdown)</h2>
          <pre className="code report-preview" aria-label="Report preview">{report.markdown}</pre>
        </section>
      )}
    </section>
  );
}
