import { useState } from 'react';
import type { ConnectionView } from '../../preload/contract';
import { fromNow, localTime } from '../format';

const STATUS: Record<ConnectionView['status'], { text: string; tone: 'good' | 'warning' | 'bad' }> = {
  connected: { text: 'Connected', tone: 'good' },
  refreshing: { text: 'Refreshing…', tone: 'good' },
  'needs-reconnect': { text: 'Needs reconnecting', tone: 'bad' },
  error: { text: 'Problem', tone: 'warning' },
};

/** The per-connection actions the home screen offers. */
export interface ConnectionActions {
  refresh(id: string): void;
  reconnect(connection: ConnectionView): void;
  rename(id: string, label: string): Promise<boolean>;
  disconnect(connection: ConnectionView): void;
}

/** One connection: its organisations, its health in words, and what can be done with it. */
export function ConnectionCard({ connection, actions, now, busy }: { connection: ConnectionView; actions: ConnectionActions; now: number; busy: boolean }) {
  const [renaming, setRenaming] = useState(false);
  const [label, setLabel] = useState(connection.label);
  const status = STATUS[connection.status];
  const titleId = `connection-${connection.id}`;

  async function saveName(event: React.FormEvent) {
    event.preventDefault();
    if (await actions.rename(connection.id, label)) setRenaming(false);
  }

  return (
    <article className={`card connection tone-${status.tone}`} aria-labelledby={titleId}>
      <header className="connection-header">
        {renaming ? (
          <form className="rename" onSubmit={saveName}>
            <input aria-label="Connection name" value={label} onChange={(e) => setLabel(e.target.value)} maxLength={120} autoFocus />
            <button type="submit" className="primary">Save name</button>
            <button type="button" onClick={() => (setRenaming(false), setLabel(connection.label))}>Cancel</button>
          </form>
        ) : (
          <h2 id={titleId}>{connection.label}</h2>
        )}
        <span className={`badge tone-${status.tone}`} aria-label={`Status: ${status.text}`}>
          {status.text}
        </span>
      </header>
      {connection.statusMessage && <p className={`status-message tone-${status.tone}`}>{connection.statusMessage}</p>}
      <p className="muted">
        {connection.environmentName}
        {connection.expiresAt && connection.status !== 'needs-reconnect' && (
          <>
            {' · '}access token {new Date(connection.expiresAt).getTime() > now ? 'expires ' : 'expired '}
            <time dateTime={connection.expiresAt} title={localTime(connection.expiresAt)}>
              {fromNow(connection.expiresAt, now)}
            </time>
            {connection.status === 'connected' && ', renewed automatically'}
          </>
        )}
        {connection.lastRefreshedAt && <> · last refreshed {fromNow(connection.lastRefreshedAt, now)}</>}
        {' · '}connected <time dateTime={connection.createdAt}>{localTime(connection.createdAt)}</time>
      </p>
      <ul className="organisations" aria-label={`Organisations of ${connection.label}`}>
        {connection.organisations.map((o) => (
          <li key={o.companyId}>{o.name}</li>
        ))}
        {connection.organisations.length === 0 && <li className="muted">No organisations listed</li>}
      </ul>
      <div className="actions">
        <button type="button" onClick={() => actions.refresh(connection.id)} disabled={busy || connection.status === 'refreshing'} aria-label={`Refresh ${connection.label} now`}>
          Refresh now
        </button>
        <button type="button" className={connection.status === 'needs-reconnect' ? 'primary' : ''} onClick={() => actions.reconnect(connection)} aria-label={`Reconnect ${connection.label}`}>
          Reconnect
        </button>
        <a className="button-link" href={`#inspector/${encodeURIComponent(connection.id)}`} aria-label={`Inspect the token of ${connection.label}`}>
          Inspect token
        </a>
        <button type="button" onClick={() => setRenaming(true)} aria-label={`Rename ${connection.label}`}>
          Rename
        </button>
        <button type="button" className="danger-outline" onClick={() => actions.disconnect(connection)} aria-label={`Disconnect ${connection.label}`}>
          Disconnect
        </button>
      </div>
      {connection.connectionId && <p className="hint">ApprovalMax connection id {connection.connectionId}</p>}
    </article>
  );
}
