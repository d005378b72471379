import { useEffect, useState } from 'react';
import type { CheckStep, ConnectionView } from '../../../preload/contract';
import { bridge } from '../../bridge';
import { CallError } from '../../shared/call-error';
import { fromNow, localTime } from '../../shared/format';
import { useAction } from '../../shared/use-action';
import './health.css';

const RESULT_WORD: Record<CheckStep['result'], string> = {
  passed: 'Passed',
  warning: 'Warning',
  failed: 'Failed',
  skipped: 'Skipped',
};
const TONE: Record<CheckStep['result'], 'good' | 'warning' | 'bad' | 'muted'> = {
  passed: 'good',
  warning: 'warning',
  failed: 'bad',
  skipped: 'muted',
};

/** The "Check connection" button, the last result and when, and the steps (live while a check runs). */
export function ConnectionCheck({ connection, now }: { connection: ConnectionView; now: number }) {
  const [steps, setSteps] = useState<readonly CheckStep[] | null>(null);
  const check = useAction(() => bridge.health.check({ id: connection.id }));
  const loadReport = useAction(() => bridge.health.report({ id: connection.id }));
  const { id, label, lastCheck } = connection;

  // Steps arrive one by one while this connection's check runs (also one started from "Check all").
  useEffect(
    () =>
      bridge.health.on('progress', ({ connectionId, step }) => {
        // A check starts with the identity server: the steps of an earlier one make way.
        if (connectionId === id)
          setSteps((shown) => (step.kind === 'identity-server' ? [step] : [...(shown ?? []), step]));
      }),
    [id],
  );

  async function run() {
    setSteps([]);
    const result = await check.run();
    if (result.ok) setSteps(result.value.steps);
  }
  async function toggleSteps() {
    if (steps) return setSteps(null);
    const result = await loadReport.run();
    if (result.ok && result.value) setSteps(result.value.steps);
  }

  return (
    <div className="connection-check">
      <div className="check-line">
        <button
          type="button"
          onClick={() => void run()}
          disabled={check.busy || connection.status === 'refreshing'}
          aria-label={`Check ${label}`}
        >
          {check.busy ? 'Checking…' : 'Check connection'}
        </button>
        {lastCheck && !check.busy && (
          <p className={`check-summary tone-${TONE[lastCheck.result]}`}>
            Last check (
            <time dateTime={lastCheck.checkedAt} title={localTime(lastCheck.checkedAt)}>
              {checkedWhen(lastCheck.checkedAt, now)}
            </time>
            ): <span className="check-result">{RESULT_WORD[lastCheck.result]}</span> — {lastCheck.summary}{' '}
            <button type="button" className="link" onClick={() => void toggleSteps()} aria-expanded={steps !== null}>
              {steps ? 'Hide steps' : 'Show steps'}
            </button>
          </p>
        )}
      </div>
      {steps && <CheckSteps label={label} steps={steps} running={check.busy} />}
      <CallError error={check.error ?? loadReport.error} compact />
    </div>
  );
}

/** "5 minutes ago"; a check newer than the screen's clock (it ticks every 30 s) is "just now". */
function checkedWhen(checkedAt: string, now: number): string {
  return Date.parse(checkedAt) >= now - 60_000 ? 'just now' : fromNow(checkedAt, now);
}

function CheckSteps({ label, steps, running }: { label: string; steps: readonly CheckStep[]; running: boolean }) {
  return (
    <ol className="check-steps" aria-label={`Check steps of ${label}`} aria-busy={running}>
      {steps.map((s, i) => (
        <li key={i} className={`tone-${TONE[s.result]}`}>
          <span className="step-result">{RESULT_WORD[s.result]}</span>
          <span>
            <strong>{s.title}</strong> — {s.detail}
            {s.action && <span className="step-action"> {s.action}</span>}
          </span>
        </li>
      ))}
      {running && <li className="muted">Checking…</li>}
    </ol>
  );
}
