import type { ConnectionView } from '../../../preload/contract';
import './health.css';

/** The home screen's warning for connections within days of lapsing (README "Staying connected"). */
export function LapseBanner({ connections }: { connections: readonly ConnectionView[] }) {
  const lapsing = connections.filter((c) => c.lifetime?.phase === 'lapsing-soon' && c.lifetime.warning);
  if (lapsing.length === 0) return null;
  return (
    <section className="card lapse-banner" aria-label="Connections about to stop">
      <h2>
        {lapsing.length === 1
          ? `${lapsing[0]!.label} stops working soon`
          : `${lapsing.length} connections stop working soon`}
      </h2>
      {lapsing.length === 1 ? (
        <p>{lapsing[0]!.lifetime!.warning}</p>
      ) : (
        <ul>
          {lapsing.map((c) => (
            <li key={c.id}>
              <strong>{c.label}: </strong>
              {c.lifetime!.warning}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
