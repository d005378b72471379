import type { PingCopy, PingReport } from '../../preload/contract';
import { localTime } from '../format';
import { HeaderTable } from './header-table';
import { JsonTree, parseJson } from './json-tree';
import { ProblemView, SkewWarning, TimingsView } from './ping-details';

const ICON = { good: '✓', warning: '!', bad: '✕' } as const;

/** The verdict first, in plain words; the technical detail underneath for support teams. */
export function PingResult({ report, onCopy, copyNote }: { report: PingReport; onCopy(what: PingCopy): void; copyNote: string | null }) {
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
      {report.clockSkew && <SkewWarning skew={report.clockSkew} />}
      <dl className="facts">
        <Fact term="Status" value={response ? `${response.status} ${response.statusText}`.trim() : 'No answer'} />
        <Fact term="Time" value={`${Math.round(report.elapsedMs)} ms`} />
        <Fact term="Token" value={report.target.kind === 'connection' ? report.target.label : 'Pasted'} />
        <Fact term="Sent" value={localTime(report.startedAt)} />
        <Fact term="Address" value={request.url} mono />
      </dl>
      {report.problem && <ProblemView problem={report.problem} />}
      {response && (
        <details open>
          <summary>Response body{response.bodyTruncated ? ' (cut short)' : ''}</summary>
          <Body body={response.body} />
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
        <pre className="code" aria-label="cURL command">{report.curl}</pre>
      </details>
      <details>
        <summary>Timings</summary>
        <TimingsView timings={report.timings} />
      </details>
      <div className="actions copy-actions">
        <button type="button" onClick={() => onCopy('curl')}>Copy as cURL</button>
        <button type="button" onClick={() => onCopy('curl-with-token')}>Copy as cURL with the real token…</button>
        {response && <button type="button" onClick={() => onCopy('response')}>Copy response</button>}
        {copyNote && (
          <span className="hint" aria-live="polite">
            {copyNote}
          </span>
        )}
      </div>
    </section>
  );
}

function Fact({ term, value, mono }: { term: string; value: string; mono?: boolean }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd className={mono ? 'mono' : undefined}>{value}</dd>
    </div>
  );
}

function Body({ body }: { body: string }) {
  const json = body === '' ? undefined : parseJson(body);
  if (json && typeof json.value === 'object' && json.value !== null)
    return (
      <div className="code json" aria-label="Response body">
        <JsonTree value={json.value} />
      </div>
    );
  return <pre className="code" aria-label="Response body">{body === '' ? '(empty)' : body}</pre>;
}
