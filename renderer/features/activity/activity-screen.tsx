import { useMemo, useState } from 'react';
import type { ActivityEntry, ActivityKind, ConnectionView } from '../../../preload/contract';
import { bridge } from '../../bridge';
import { CallError } from '../../shared/call-error';
import { Field } from '../../shared/field';
import { localTime } from '../../shared/format';
import { Screen } from '../../shared/screen';
import { updateOn, useQuery } from '../../shared/use-query';
import { useConnections } from '../connections/use-connections';
import './activity.css';

const KINDS: { value: ActivityKind; label: string }[] = [
  { value: 'connect', label: 'Connected' },
  { value: 'refresh', label: 'Refreshed' },
  { value: 'reconnect-needed', label: 'Needs reconnecting' },
  { value: 'disconnect', label: 'Disconnected' },
  { value: 'check', label: 'Checked' },
  { value: 'ping', label: 'Ping' },
  { value: 'error', label: 'Error' },
];
const KIND_LABEL = Object.fromEntries(KINDS.map((k) => [k.value, k.label])) as Record<ActivityKind, string>;

/** Everything the app did, newest first, kept across restarts; narrowed by connection and kind. */
export function ActivityScreen() {
  const activity = useQuery(() => bridge.activity.list({}), {
    refetchOn: [
      updateOn(
        (apply) => bridge.activity.on('added', apply),
        (list: ActivityEntry[] | null, entry: ActivityEntry) => [entry, ...(list ?? [])],
      ),
    ],
  });
  const connections = useConnections().data;
  const [connectionId, setConnectionId] = useState('');
  const [kind, setKind] = useState<ActivityKind | ''>('');
  const entries = useMemo(() => activity.data ?? [], [activity.data]);
  const choices = useMemo(() => connectionChoices(connections, entries), [connections, entries]);
  const shown = entries.filter(
    (e) => (connectionId === '' || e.connectionId === connectionId) && (kind === '' || e.kind === kind),
  );

  return (
    <Screen
      title="Activity"
      lead="Every connect, refresh, check, reconnect, disconnect, ping and error on this computer, newest first. The last 1,000 are kept; no token is ever written here."
    >
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
      <CallError error={activity.error} />
      <Timeline
        entries={shown}
        empty={
          entries.length === 0
            ? 'Nothing has happened yet. Connect an organisation or test the API, and it appears here.'
            : 'Nothing matches these filters.'
        }
      />
    </Screen>
  );
}

/** The connections to filter by; removed ones still name their entries, so they are offered too. */
function connectionChoices(
  connections: readonly ConnectionView[] | null,
  entries: readonly ActivityEntry[],
): [string, string][] {
  const named = new Map((connections ?? []).map((c) => [c.id, c.label]));
  for (const e of entries)
    if (e.connectionId && !named.has(e.connectionId))
      named.set(e.connectionId, `${e.connectionLabel ?? 'A removed connection'} (removed)`);
  return [...named];
}

function Timeline({ entries, empty }: { entries: readonly ActivityEntry[]; empty: string }) {
  return (
    <section className="card timeline" aria-label="Timeline">
      {entries.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ol>
          {entries.map((e, i) => (
            <li key={`${e.at}-${i}`} className={`tone-${e.tone}`}>
              <time dateTime={e.at}>{localTime(e.at)}</time>
              <span className={`kind-badge tone-${e.tone}`}>{KIND_LABEL[e.kind]}</span>
              <span className="timeline-text">
                {e.summary}
                {e.connectionLabel && !e.summary.includes(e.connectionLabel) && (
                  <span className="hint"> · {e.connectionLabel}</span>
                )}
                {e.details && e.details.length > 0 && (
                  <ul className="timeline-details">
                    {e.details.map((line, j) => (
                      <li key={j}>{line}</li>
                    ))}
                  </ul>
                )}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
