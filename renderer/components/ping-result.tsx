import type { PingReport } from '../../preload/contract';
import { HeaderTable } from './header-table';

const ICON = { good: '✓', warning: '!', bad: '✕' } as const;

/** The verdict first, in plain words; the technical detail underneath for support teams. */
export function PingResult({ report }: { report: PingReport }) {
  const { verdict, response, request } = report;
  return (
    <section className={`card result tone-${verdict.tone}`} aria-labelledby="result-title">
      <div className="verdict" role="status" aria-live="polite">
        <span className="verdict-icon" aria-hidden="true">
          {ICON[verdict.tone]}
        </span>
        <div>
          <h2 id="result-title">{verdict.headline}</h2>
          <p>{verdict.explanation}</p>
          <p className="next-step">
            <strong>What to do:</strong> {verdict.nextStep}
          </p>
        </div>
      </div>
      <dl className="facts">
        <div>
          <dt>Status</dt>
          <dd>{response ? `${response.status} ${response.statusText}` : 'No answer'}</dd>
        </div>
        <div>
          <dt>Time</dt>
          <dd>{Math.round(report.elapsedMs)} ms</dd>
        </div>
        <div>
          <dt>Address</dt>
          <dd className="mono">{request.url}</dd>
        </div>
      </dl>
      {response && (
        <details open>
          <summary>Response body{response.bodyTruncated ? ' (cut at 256 KB)' : ''}</summary>
          <pre className="code" aria-label="Response body">{prettyBody(response.body)}</pre>
        </details>
      )}
      {response && (
        <details>
          <summary>Response headers ({response.headers.length})</summary>
          <HeaderTable headers={response.headers} label="Response headers" />
        </details>
      )}
      <details>
        <summary>Request sent</summary>
        <p className="mono">
          {request.method} {request.url}
        </p>
        <HeaderTable headers={request.headers} label="Request headers" />
      </details>
    </section>
  );
}

function prettyBody(body: string): string {
  if (body === '') return '(empty)';
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}
