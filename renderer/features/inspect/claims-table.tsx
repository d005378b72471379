import type { InspectedRow } from '../../../preload/contract';
import { fromNow, localTime } from '../../shared/format';
import { CopyButton } from '../../shared/copy-button';

/** Claims (or header fields) with their meaning in plain words; dates in local time, UTC on hover. */
export function ClaimsTable({ rows, label, now }: { rows: readonly InspectedRow[]; label: string; now: number }) {
  return (
    <table className="claims" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Value</th>
          <th scope="col">What it means</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.name} className={row.flags.length ? 'flagged' : undefined}>
            <th scope="row" className="mono">{row.name}</th>
            <td>
              {row.date ? (
                <>
                  <time dateTime={row.date.iso} title={`${row.date.iso.replace('T', ' ').replace('.000Z', ' UTC')} (${row.date.epochSeconds})`}>
                    {localTime(row.date.iso)}
                  </time>
                  <span className="hint"> · {fromNow(row.date.iso, now)}</span>
                </>
              ) : (
                <span className="mono">{row.display}</span>
              )}
              {row.flags.map((flag) => (
                <span key={flag} className="flag">⚠ {flag}</span>
              ))}
            </td>
            <td>
              {row.meaning ?? <span className="hint">Not a claim this app knows.</span>}
              <span className="row-copy">
                <CopyButton label={`Copy ${row.name}`} text={typeof row.value === 'string' ? row.value : JSON.stringify(row.value)} />
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
