import type { ClockSkew, PingTimings, ProblemDetails, ProblemParameter } from '../../../preload/contract';
import { CopyButton } from '../../shared/copy-button';

/** An ApprovalMax error as the people who read it need it: title, detail, each refused input, and the trace id support asks for. */
export function ProblemView({ problem }: { problem: ProblemDetails }) {
  return (
    <dl className="problem" aria-label="Error details">
      {problem.title && (
        <div>
          <dt>Title</dt>
          <dd>{problem.title}</dd>
        </div>
      )}
      {problem.detail && (
        <div>
          <dt>Detail</dt>
          <dd>{problem.detail}</dd>
        </div>
      )}
      {problem.code && (
        <div>
          <dt>Error code</dt>
          <dd className="mono">{problem.code}</dd>
        </div>
      )}
      {problem.parameters.length > 0 && (
        <div>
          <dt>What was refused</dt>
          <dd>
            <ul className="problem-parameters">
              {problem.parameters.map((parameter, i) => (
                <li key={i}>
                  <RefusedInput parameter={parameter} />
                </li>
              ))}
            </ul>
          </dd>
        </div>
      )}
      {problem.traceId && (
        <div>
          <dt>Trace id (quote it to ApprovalMax support)</dt>
          <dd className="problem-trace">
            <span className="mono">{problem.traceId}</span>
            <CopyButton label="Copy trace id" text={problem.traceId} />
          </dd>
        </div>
      )}
    </dl>
  );
}

/** One `error.parameters` entry: which input (and the value sent), then why it was refused. */
function RefusedInput({ parameter }: { parameter: ProblemParameter }) {
  const input = parameter.name ?? parameter.path;
  return (
    <>
      {input && <span className="mono">{input}</span>}
      {parameter.value !== null && <span className="mono"> = {parameter.value}</span>}
      {input || parameter.value !== null ? ': ' : ''}
      {parameter.message ?? 'refused, without a reason given'}
    </>
  );
}

/** The clock warning: shown above everything else, since it changes what every other result means. */
export function SkewWarning({ skew }: { skew: ClockSkew }) {
  if (!skew.warning) return null;
  return (
    <p className="notice skew" role="alert">
      {skew.warning}
    </p>
  );
}

/** Total time, the phases where the transport reports them, and which transport said so. */
export function TimingsView({ timings }: { timings: PingTimings }) {
  // The phases are the transport's own figures: scale bars to whichever is longer, theirs or the app's total.
  const scale = Math.max(
    timings.totalMs,
    timings.phases.reduce((sum, p) => sum + p.ms, 0),
    0.1,
  );
  return (
    <div className="timings">
      <table className="headers" aria-label="Timings">
        <tbody>
          {timings.phases.map((p) => (
            <tr key={p.label}>
              <th scope="row">{p.label}</th>
              <td className="mono">{p.ms.toFixed(1)} ms</td>
              <td className="bar-cell">
                <span className="bar" style={{ width: `${Math.min(100, (p.ms / scale) * 100)}%` }} />
              </td>
            </tr>
          ))}
          <tr>
            <th scope="row">Total, as the app measured it</th>
            <td className="mono">{timings.totalMs.toFixed(1)} ms</td>
            <td />
          </tr>
        </tbody>
      </table>
      <p className="hint">
        {timings.phases.length > 0
          ? `Phases measured by ${timings.transport}; they may not add up exactly to the app's total.`
          : `Measured with ${timings.transport}.`}
        {timings.note ? ` ${timings.note}` : ''}
      </p>
    </div>
  );
}
