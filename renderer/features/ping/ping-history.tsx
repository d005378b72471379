import type { PingHistoryItem } from '../../../preload/contract';
import { localTime } from '../../shared/format';

/** The last checks, newest first; each opens its full result again. Tokens are never kept. */
export function PingHistory({
  items,
  openId,
  onOpen,
  onClear,
}: {
  items: readonly PingHistoryItem[];
  openId: string | null;
  onOpen(id: string): void;
  onClear(): void;
}) {
  return (
    <section className="card ping-history" aria-labelledby="history-title">
      <div className="section-header">
        <h2 id="history-title">History</h2>
        {items.length > 0 && (
          <button type="button" onClick={onClear}>
            Clear history
          </button>
        )}
      </div>
      {items.length === 0 ? (
        <p className="muted">
          No checks yet. The last 50 per connection, and for pasted tokens, are kept here (without their tokens).
        </p>
      ) : (
        <ul aria-label="Earlier checks">
          {items.map((item) => (
            <li key={item.id}>
              <button
                type="button"
                className={`history-item tone-${item.tone}`}
                aria-current={item.id === openId ? 'true' : undefined}
                onClick={() => onOpen(item.id)}
              >
                <span className={`status-pill tone-${item.tone}`}>{item.status ?? '—'}</span>
                <span className="history-main">
                  <span className="history-headline">{item.headline}</span>
                  <span className="hint">
                    {item.target.kind === 'connection' ? item.target.label : 'Pasted token'} · {item.environmentName} ·
                    GET {item.path}
                  </span>
                </span>
                <time dateTime={item.startedAt}>{localTime(item.startedAt)}</time>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
