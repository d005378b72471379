import { useMemo, useState } from 'react';
import type { BridgeError, PingCopy, PingReport } from '../../../preload/contract';
import { CallError } from '../../shared/call-error';
import { localTime } from '../../shared/format';
import { HeaderTable } from '../../shared/header-table';
import { JsonTree, readBody } from '../../shared/json-tree';
import { ProblemView, SkewWarning, TimingsView } from './ping-details';

const ICON = { good: '✓', warning: '!', bad: '✕' } as const;

interface ResultProps {
  report: PingReport;
  /** The copy buttons; left out where the report cannot be copied by id (a workbench page). */
  onCopy?(what: PingCopy): void;
  copyNote?: string | null;
  copyError?: BridgeError | null;
}

/** The verdict first, in plain words; the technical detail underneath for support teams. */
export function PingResult({ report, onCopy, copyNote, copyError }: ResultProps) {
  const { verdict, response } = report;
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
        <Fact term="Address" value={report.request.url} mono />
      </dl>
      {report.problem && <ProblemView problem={report.problem} />}
      <ResultDetails report={report} />
      {onCopy && (
        <CopyActions hasResponse={response !== null} onCopy={onCopy} copyNote={copyNote} copyError={copyError} />
      )}
    </section>
  );
}

function CopyActions({
  hasResponse,
  onCopy,
  copyNote,
  copyError,
}: {
  hasResponse: boolean;
  onCopy(what: PingCopy): void;
  copyNote?: string | null;
  copyError?: BridgeError | null;
}) {
  return (
    <div className="actions copy-actions">
      <button type="button" onClick={() => onCopy('curl')}>
        Copy as cURL
      </button>
      <button type="button" onClick={() => onCopy('curl-with-token')}>
        Copy as cURL with the real token…
      </button>
      {hasResponse && (
        <button type="button" onClick={() => onCopy('response')}>
          Copy response
        </button>
      )}
      {copyNote && (
        <span className="hint" aria-live="polite">
          {copyNote}
        </span>
      )}
      <CallError error={copyError} compact />
    </div>
  );
}

/** Body, headers, the request as sent, and timings: folded, for whoever needs them. */
function ResultDetails({ report }: { report: PingReport }) {
  const { response, request } = report;
  return (
    <>
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
        <pre className="code" role="region" aria-label="cURL command" tabIndex={0}>
          {report.curl}
        </pre>
      </details>
      <details>
        <summary>Timings</summary>
        <TimingsView timings={report.timings} />
      </details>
    </>
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

/** The body as a JSON tree when it is JSON that fits one, else as text (with the reason when it is JSON too big or deep); either way "as text" is one click. */
function Body({ body }: { body: string }) {
  const read = useMemo(() => readBody(body), [body]);
  const [asText, setAsText] = useState(false);
  const text = (
    <pre className="code body-text" role="region" aria-label="Response body" tabIndex={0}>
      {body === '' ? '(empty)' : body}
    </pre>
  );
  if (read.kind === 'text')
    return (
      <>
        {read.reason && <p className="hint body-note">{read.reason}</p>}
        {text}
      </>
    );
  return (
    <>
      <div className="body-view" role="group" aria-label="Show the body">
        <button type="button" className="small" aria-pressed={!asText} onClick={() => setAsText(false)}>
          As a tree
        </button>
        <button type="button" className="small" aria-pressed={asText} onClick={() => setAsText(true)}>
          As text
        </button>
      </div>
      {asText ? (
        text
      ) : (
        <div className="code json" role="region" aria-label="Response body" tabIndex={0}>
          <JsonTree value={read.value} />
        </div>
      )}
    </>
  );
}
