import { useState, type FormEvent } from 'react';
import type { ConnectionView } from '../../../preload/contract';
import { bridge } from '../../bridge';
import { CallError } from '../../shared/call-error';
import { fromNow, localTime } from '../../shared/format';
import { useAction } from '../../shared/use-action';
import { ConnectionCheck } from '../health/connection-check';

const STATUS: Record<ConnectionView['status'], { text: string; tone: 'good' | 'warning' | 'bad' }> = {
  connected: { text: 'Connected', tone: 'good' },
  refreshing: { text: 'Refreshing…', tone: 'good' },
  'needs-reconnect': { text: 'Needs reconnecting', tone: 'bad' },
  error: { text: 'Problem', tone: 'warning' },
};

interface CardProps {
  connection: ConnectionView;
  now: number;
  onReconnect(connection: ConnectionView): void;
  onDisconnect(connection: ConnectionView): void;
}

/** One connection: its organisations, its health in words, and what can be done with it. */
export function ConnectionCard({ connection, now, onReconnect, onDisconnect }: CardProps) {
  const [renaming, setRenaming] = useState(false);
  const refresh = useAction(() => bridge.connections.refresh({ id: connection.id }));
  const rename = useAction((label: string) => bridge.connections.rename({ id: connection.id, label }));
  const status = STATUS[connection.status];
  const titleId = `connection-${connection.id}`;
  const { label } = connection;
  async function saveName(next: string) {
    if ((await rename.run(next)).ok) setRenaming(false);
  }
  return (
    <article className={`card connection tone-${status.tone}`} aria-labelledby={titleId}>
      <header className="connection-header">
        {renaming ? (
          <RenameForm label={label} onSave={(next) => void saveName(next)} onCancel={() => setRenaming(false)} />
        ) : (
          <h2 id={titleId}>{label}</h2>
        )}
        <span className={`badge tone-${status.tone}`} aria-label={`Status: ${status.text}`}>
          {status.text}
        </span>
      </header>
      {connection.statusMessage && <p className={`status-message tone-${status.tone}`}>{connection.statusMessage}</p>}
      {connection.renewalNote && <p className="renewal-note">{connection.renewalNote}</p>}
      {connection.lifetime?.warning && <p className="lifetime-warning">{connection.lifetime.warning}</p>}
      <ConnectionFacts connection={connection} now={now} />
      {connection.lifetime && !connection.lifetime.warning && <p className="lifetime">{connection.lifetime.words}</p>}
      <ul className="organisations" aria-label={`Organisations of ${label}`}>
        {connection.organisations.map((o) => {
          const problem = connection.lastCheck?.organisationProblems.find((p) => p.companyId === o.companyId);
          return problem ? (
            <li key={o.companyId} className="org-problem">
              {o.name}: <span className="org-problem-words">{problem.words}</span>
            </li>
          ) : (
            <li key={o.companyId}>{o.name}</li>
          );
        })}
        {connection.organisations.length === 0 && <li className="muted">No organisations listed</li>}
      </ul>
      <div className="actions">
        <button
          type="button"
          onClick={() => void refresh.run()}
          disabled={refresh.busy || connection.status === 'refreshing'}
          aria-label={`Refresh ${label} now`}
        >
          Refresh now
        </button>
        <button
          type="button"
          className={connection.status === 'needs-reconnect' ? 'primary' : ''}
          onClick={() => onReconnect(connection)}
          aria-label={`Reconnect ${label}`}
        >
          Reconnect
        </button>
        <a
          className="button-link"
          href={`#inspector/${encodeURIComponent(connection.id)}`}
          aria-label={`Inspect the token of ${label}`}
        >
          Inspect token
        </a>
        <button type="button" onClick={() => setRenaming(true)} aria-label={`Rename ${label}`}>
          Rename
        </button>
        <button
          type="button"
          className="danger-outline"
          onClick={() => onDisconnect(connection)}
          aria-label={`Disconnect ${label}`}
        >
          Disconnect
        </button>
      </div>
      <CallError error={refresh.error ?? rename.error} />
      <ConnectionCheck connection={connection} now={now} />
      {connection.connectionId && <p className="hint">ApprovalMax connection id {connection.connectionId}</p>}
    </article>
  );
}

function RenameForm({
  label: initial,
  onSave,
  onCancel,
}: {
  label: string;
  onSave(label: string): void;
  onCancel(): void;
}) {
  const [label, setLabel] = useState(initial);
  function submit(event: FormEvent) {
    event.preventDefault();
    onSave(label);
  }
  return (
    <form className="rename" onSubmit={submit}>
      <input
        aria-label="Connection name"
        value={label}
        onChange={(e) => setLabel(e.target.value)}
        maxLength={120}
        autoFocus
      />
      <button type="submit" className="primary">
        Save name
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}

/** Where it connects, how long its access token lasts, and when it was made. */
function ConnectionFacts({ connection, now }: { connection: ConnectionView; now: number }) {
  const { expiresAt } = connection;
  return (
    <p className="muted">
      {connection.environmentName}
      {expiresAt && connection.status !== 'needs-reconnect' && (
        <>
          {' · '}access token {new Date(expiresAt).getTime() > now ? 'expires ' : 'expired '}
          <time dateTime={expiresAt} title={localTime(expiresAt)}>
            {fromNow(expiresAt, now)}
          </time>
          {connection.status === 'connected' && connection.renewal !== 'none' && ', renewed automatically'}
        </>
      )}
      {connection.lastRefreshedAt && <> · last refreshed {fromNow(connection.lastRefreshedAt, now)}</>}
      {' · '}connected <time dateTime={connection.createdAt}>{localTime(connection.createdAt)}</time>
    </p>
  );
}
