import { useEffect, useMemo, useState } from 'react';
import type { ActivityEntry, ActivityKind } from '../../preload/contract';
import { bridge, call } from '../bridge';
import { Field } from '../components/field';
import { localTime } from '../format';
import { useConnections } from '../hooks/use-connections';
import '../support.css';

const KINDS: { value: ActivityKind; label: string }[] = [
  { value: 'connect', label: 'Connected' },
  { value: 'refresh', label: 'Refreshed' },
  { value: 'reconnect-needed', label: 'Needs reconnecting' },
  { value: 'disconnect', label: 'Disconnected' },
  { value: 'ping', label: 'Ping' },
  { value: 'error', label: 'Error' },
];
const KIND_LABEL = Object.fromEntries(KINDS.map((k) => [k.value, k.label])) as Record<ActivityKind, string>;

/** Everything the app did, newest first, kept across restarts; narrowed by connection and kind. */
export function ActivityScreen() {
  const [entries, setEntries] = useState<ActivityEntry[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [connectionId, setConnectionId] = useState('');
  const [kind, setKind] = useState<ActivityKind | ''>('');
  const { connections } = useConnections();

  useEffect(() => {
    void call(bridge.activity.list({})).then((r) => (r.ok ? setEntries(r.value) : setError(r.error.message)));
    return bridge.activity.on('added', (entry) => setEntries((list) => [entry, ...list]));
  }, []);

  // Connections that were removed still name their entries: offer them too.
  const choices = useMemo(() => {
    const named = new Map((connections ?? []).map((c) => [c.id, c.label]));
    for (const e of entries) if (e.connectionId && !named.has(e.connectionId)) named.set(e.connectionId, `${e.connectionLabel ?? 'A removed connection'} (removed)`);
    return [...named];
  }, [connections, entries]);
  const shown = entries.filter((e) => (connectionId === '' || e.connectionId === connectionId) && (kind === '' || e.kind === kind));

  return (
    <section className="screen" aria-labelledby="activity-title">
      <header className="screen-header">
        <h1 id="activity-title">Activity</h1>
        <p className="lead">Every connect, refresh, reconnect, disconnect, ping and error on this computer, newest first. The last 1,000 are kept; no token is ever written here.</p>
      </header>
      <div className="card filters" role="group" aria-label="Filters">
        <Field label="Connection">
          <select value={connectionId} onChange={(e) => setConnectionId(e.target.value)}>
            <option value="">All connections</option>
            {choices.map(([id, label]) => (
              <option key={id} value={id}>
                {label}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Kind">
          <select value={kind} onChange={(e) => setKind(e.target.value as ActivityKind | '')}>
            <option value="">Everything</option>
            {KINDS.map((k) => (
              <option key={k.value} value={k.value}>
                {k.label}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {error && <p className="form-error" role="alert">{error}</p>}
      <section className="card timeline" aria-label="Timeline">
        {shown.length === 0 ? (
          <p className="muted">{entries.length === 0 ? 'Nothing has happened yet. Connect an organisation or test the API, and it appears here.' : 'Nothing matches these filters.'}</p>
        ) : (
          <ol>
            {shown.map((e, i) => (
              <li key={`${e.at}-${i}`} className={`tone-${e.tone}`}>
                <time dateTime={e.at}>{localTime(e.at)}</time>
                <span className={`kind-badge tone-${e.tone}`}>{KIND_LABEL[e.kind]}</span>
                <span className="timeline-text">
                  {e.summary}
                  {e.connectionLabel && !e.summary.includes(e.connectionLabel) && <span className="hint"> · {e.connectionLabel}</span>}
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>
    </section>
  );
}
