import type { ReactNode } from 'react';
import type { TokenInspection, TokenInspectionOk } from '../../../preload/contract';
import { fromNow, localTime } from '../../shared/format';
import { useNow } from '../../shared/use-now';
import { ClaimsTable } from './claims-table';
import { CopyButton } from '../../shared/copy-button';

/** Everything a decoded token says, for a support person who has ten seconds. */
export function TokenView({ inspection }: { inspection: TokenInspection }) {
  const now = useNow(1000);
  if (!inspection.ok)
    return (
      <section className="card result tone-bad" role="alert" aria-label="Token problem">
        <h2>This is not a token this app can read</h2>
        <p>{inspection.error.reason}</p>
        <p className="hint">Copy the token again from where it came from: it has three parts separated by dots and usually starts with “eyJ”.</p>
      </section>
    );
  return (
    <>
      <ExpirySummary inspection={inspection} now={now} />
      {inspection.warnings.length > 0 && (
        <ul className="warnings" aria-label="Warnings">
          {inspection.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      {inspection.scopes.length > 0 && (
        <section className="card" aria-labelledby="scopes-title">
          <h2 id="scopes-title">What it allows</h2>
          <ul className="token-scopes">
            {inspection.scopes.map((s) => (
              <li key={s.scope}>
                <span className="mono">{s.scope}</span> — {s.meaning ?? 'a scope this app does not know'}
              </li>
            ))}
          </ul>
        </section>
      )}
      <RowsSection id="claims-title" title="Claims" copyLabel="Copy payload JSON" json={inspection.json.payload} rows={inspection.claims} now={now} />
      <RowsSection id="header-title" title="Header" copyLabel="Copy header JSON" json={inspection.json.header} rows={inspection.header} now={now}>
        <p className="hint">Signature: {inspection.signatureBytes} bytes.</p>
      </RowsSection>
      <details className="card">
        <summary>JSON view</summary>
        <pre className="code" role="region" aria-label="Header JSON" tabIndex={0}>{pretty(inspection.json.header)}</pre>
        <pre className="code" role="region" aria-label="Payload JSON" tabIndex={0}>{pretty(inspection.json.payload)}</pre>
      </details>
    </>
  );
}

/** A titled table of claims or header fields, with a copy of its JSON. */
function RowsSection(props: { id: string; title: string; copyLabel: string; json: string; rows: TokenInspectionOk['claims']; now: number; children?: ReactNode }) {
  return (
    <section className="card" aria-labelledby={props.id}>
      <div className="section-head">
        <h2 id={props.id}>{props.title}</h2>
        <CopyButton label={props.copyLabel} text={props.json} />
      </div>
      <ClaimsTable rows={props.rows} label={props.title} now={props.now} />
      {props.children}
    </section>
  );
}

function ExpirySummary({ inspection, now }: { inspection: TokenInspectionOk; now: number }) {
  const { times, issuer } = inspection;
  const exp = times.expiresAt;
  const live = exp ? Math.round((new Date(exp.iso).getTime() - now) / 1000) : null;
  const state = exp && live !== null ? (live > 0 ? 'valid' : 'expired') : times.state;
  const tone = state === 'valid' ? 'good' : state === 'expired' ? 'bad' : 'warning';
  return (
    <section className={`card result tone-${tone}`} aria-label="Summary">
      <div className="verdict">
        <div>
          <h2 className="expiry">
            {exp && live !== null
              ? live > 0
                ? `Expires ${fromNow(exp.iso, now)} (${countdown(live)})`
                : `Expired ${fromNow(exp.iso, now)}`
              : state === 'no-expiry'
                ? 'This token never expires'
                : 'Not valid yet'}
          </h2>
          {exp && <p className="hint">{live !== null && live > 0 ? 'Valid until' : 'Expired on'} {localTime(exp.iso)} (local time) · {exp.iso.replace('T', ' ').replace('.000Z', ' UTC')}</p>}
          {times.notes.map((n) => (
            <p key={n} className="hint">{n}</p>
          ))}
        </div>
      </div>
      <dl className="facts">
        <div>
          <dt>Issuer</dt>
          <dd>{issuer ? (issuer.environment ? issuer.environment.name : issuer.description) : 'Not stated'}</dd>
        </div>
        <div>
          <dt>Algorithm</dt>
          <dd>{inspection.algorithm ?? 'none'}</dd>
        </div>
        {inspection.connectionId && (
          <div>
            <dt>ApprovalMax connection</dt>
            <dd className="mono">{inspection.connectionId}</dd>
          </div>
        )}
      </dl>
      {issuer && <p className="hint mono">{issuer.value}</p>}
    </section>
  );
}

function countdown(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${h > 0 ? `${h}:` : ''}${String(m).padStart(h > 0 ? 2 : 1, '0')}:${String(s).padStart(2, '0')} left`;
}

function pretty(json: string): string {
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
}
