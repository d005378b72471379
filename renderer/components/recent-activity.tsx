import type { ActivityEntry } from '../../preload/contract';

/** What the app did in this session, newest first, as main reports it. */
export function RecentActivity({ entries }: { entries: readonly ActivityEntry[] }) {
  if (entries.length === 0) return null;
  return (
    <section className="card activity" aria-labelledby="activity-title">
      <h2 id="activity-title">Recent checks</h2>
      <ul>
        {entries.map((entry, i) => (
          <li key={`${entry.at}-${i}`} className={`tone-${entry.tone}`}>
            <time dateTime={entry.at}>{new Date(entry.at).toLocaleTimeString()}</time>
            <span>{entry.summary}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
