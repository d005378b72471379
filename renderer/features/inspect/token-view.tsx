import { memo, useMemo, useState, type ReactNode } from 'react';
import type { TokenInspection, TokenInspectionOk } from '../../../preload/contract';
import { fromNow, localTime } from '../../shared/format';
import { useNow } from '../../shared/use-now';
import { ClaimsTable } from './claims-table';
import { CopyButton } from '../../shared/copy-button';

/** Above this size a token is shown with a warning (most access tokens are 1–2 KB); it is still decoded and shown. */
export const LARGE_TOKEN_BYTES = 64 * 1024;

/**
 * Everything a decoded token says, for a support person who has ten seconds. Memoised, and holds no
 * clock: only the countdown in the summary ticks every second, so a token with thousands of claims
 * is rendered once, not once a second.
 */
export const TokenView = memo(function TokenView({ inspection }: { inspection: TokenInspection }) {
  if (!inspection.ok)
    return (
      <section className="card result tone-bad" role="alert" aria-label="Token problem">
        <h2>This is not a token this app can read</h2>
        <p>{inspection.error.reason}</p>
        <p className="hint">
          Copy the token again from where it came from: it has three parts separated by dots and usually starts with
          “eyJ”.
        </p>
      </section>
    );
  const size = tokenBytes(inspection);
  const warnings = size > LARGE_TOKEN_BYTES ? [largeTokenWarning(size), ...inspection.warnings] : inspection.warnings;
  return (
    <>
      <ExpirySummary inspection={inspection} />
      {warnings.length > 0 && (
        <ul className="warnings" aria-label="Warnings">
          {warnings.map((w) => (
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
      <RowsSection
        id="claims-title"
        title="Claims"
        noun="claim"
        copyLabel="Copy payload JSON"
        json={inspection.json.payload}
        rows={inspection.claims}
      />
      <RowsSection
        id="header-title"
        title="Header"
        noun="header field"
        copyLabel="Copy header JSON"
        json={inspection.json.header}
        rows={inspection.header}
      >
        <p className="hint">Signature: {inspection.signatureBytes} bytes.</p>
      </RowsSection>
      <JsonSection header={inspection.json.header} payload={inspection.json.payload} />
    </>
  );
});

/** The token's length as sent: base64url (no padding) of its header and payload bytes and of its signature, joined by two dots. */
export function tokenBytes(inspection: TokenInspectionOk): number {
  const encoder = new TextEncoder();
  const encoded = (bytes: number) => Math.floor(bytes / 3) * 4 + [0, 2, 3][bytes % 3]!;
  return (
    encoded(encoder.encode(inspection.json.header).length) +
    encoded(encoder.encode(inspection.json.payload).length) +
    encoded(inspection.signatureBytes) +
    2
  );
}

const kb = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString('en-GB')} KB`;

const largeTokenWarning = (bytes: number) =>
  `This token is very large: ${kb(bytes)} (most access tokens are 1–2 KB). It is decoded and shown below, long tables a page at a time, but servers often refuse requests whose headers are this big.`;

/** A titled table of claims or header fields, with a copy of its JSON. */
function RowsSection(props: {
  id: string;
  title: string;
  noun: string;
  copyLabel: string;
  json: string;
  rows: TokenInspectionOk['claims'];
  children?: ReactNode;
}) {
  return (
    <section className="card" aria-labelledby={props.id}>
      <div className="section-head">
        <h2 id={props.id}>{props.title}</h2>
        <CopyButton label={props.copyLabel} text={props.json} />
      </div>
      <ClaimsTable rows={props.rows} label={props.title} noun={props.noun} />
      {props.children}
    </section>
  );
}

/** The header and payload as indented JSON: formatted only once the section is opened. */
function JsonSection({ header, payload }: { header: string; payload: string }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="card" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>JSON view</summary>
      {open && <PrettyJson header={header} payload={payload} />}
    </details>
  );
}

function PrettyJson({ header, payload }: { header: string; payload: string }) {
  const headerText = useMemo(() => pretty(header), [header]);
  const payloadText = useMemo(() => pretty(payload), [payload]);
  return (
    <>
      <pre className="code" role="region" aria-label="Header JSON" tabIndex={0}>
        {headerText}
      </pre>
      <pre className="code" role="region" aria-label="Payload JSON" tabIndex={0}>
        {payloadText}
      </pre>
    </>
  );
}

/** The verdict at the top: when the token expires, counting down live, with who issued it. Only the countdown ticks. */
const ExpirySummary = memo(function ExpirySummary({ inspection }: { inspection: TokenInspectionOk }) {
  const { times, issuer } = inspection;
  return (
    <LiveExpiry
      expiresAt={times.expiresAt}
      state={times.state}
      notes={times.notes.map((n) => (
        <p key={n} className="hint">
          {n}
        </p>
      ))}
    >
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
    </LiveExpiry>
  );
});

/**
 * The one part of the inspector with a clock of its own (every second): the card's tone, the
 * countdown and the "valid until" line. Its children come from the parent, so a tick leaves them be.
 */
function LiveExpiry(props: {
  expiresAt: TokenInspectionOk['times']['expiresAt'];
  state: TokenInspectionOk['times']['state'];
  notes: ReactNode;
  children: ReactNode;
}) {
  const { expiresAt: exp, state: stated } = props;
  const now = useNow(1000);
  const live = exp ? Math.round((new Date(exp.iso).getTime() - now) / 1000) : null;
  const state = exp && live !== null ? (live > 0 ? 'valid' : 'expired') : stated;
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
          {exp && (
            <p className="hint">
              {live !== null && live > 0 ? 'Valid until' : 'Expired on'} {localTime(exp.iso)} (local time) ·{' '}
              {exp.iso.replace('T', ' ').replace('.000Z', ' UTC')}
            </p>
          )}
          {props.notes}
        </div>
      </div>
      {props.children}
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
