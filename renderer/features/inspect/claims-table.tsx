import { memo, useDeferredValue, useMemo, useRef, useState } from 'react';
import type { InspectedRow } from '../../../preload/contract';
import { fromNow, localTime } from '../../shared/format';
import { CopyButton } from '../../shared/copy-button';
import { useNow } from '../../shared/use-now';

/** Rows shown at a time: a token with thousands of claims is read a page at a time, never all at once. */
export const PAGE_SIZE = 100;

/**
 * Claims (or header fields) with their meaning in plain words; dates in local time, UTC on hover.
 * Memoised: it renders again only when its rows change (the live countdown elsewhere never reaches it).
 * More than PAGE_SIZE rows are shown a page at a time, with a box to find one by name or value.
 */
export const ClaimsTable = memo(function ClaimsTable({
  rows,
  label,
  noun,
}: {
  rows: readonly InspectedRow[];
  label: string;
  noun: string;
}) {
  // How often this table rendered, on the element (data-renders): lets a test prove a countdown tick leaves it alone.
  const renders = useRef(0);
  renders.current += 1;
  const [page, setPage] = useState(0);
  const [find, setFind] = useState('');
  // Another token (or the refreshed one) starts again at its first page, unfiltered.
  const [rowsShown, setRowsShown] = useState(rows);
  if (rowsShown !== rows) {
    setRowsShown(rows);
    setPage(0);
    setFind('');
  }
  const wanted = useDeferredValue(find.trim().toLowerCase());
  const found = useMemo(
    () =>
      wanted === ''
        ? rows
        : rows.filter((r) => r.name.toLowerCase().includes(wanted) || r.display.toLowerCase().includes(wanted)),
    [rows, wanted],
  );
  const paged = rows.length > PAGE_SIZE;
  const pages = Math.max(1, Math.ceil(found.length / PAGE_SIZE));
  const current = Math.min(page, pages - 1);
  const shown = paged ? found.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE) : rows;
  return (
    <>
      {paged && (
        <div className="table-pager" role="group" aria-label={`${label} pages`}>
          <label className="pager-find">
            <span>Find a {noun}</span>
            <input
              type="search"
              value={find}
              onChange={(e) => (setFind(e.target.value), setPage(0))}
              spellCheck={false}
              autoComplete="off"
            />
          </label>
          <span className="hint" aria-live="polite">
            {found.length === 0
              ? `No ${noun} matches.`
              : `${count(current * PAGE_SIZE + 1)}–${count(current * PAGE_SIZE + shown.length)} of ${count(found.length)}${found.length < rows.length ? ` found (${count(rows.length)} in all)` : ''}, ${PAGE_SIZE} at a time`}
          </span>
          <button type="button" className="small" onClick={() => setPage(current - 1)} disabled={current === 0}>
            Previous {PAGE_SIZE}
          </button>
          <button type="button" className="small" onClick={() => setPage(current + 1)} disabled={current >= pages - 1}>
            Next {PAGE_SIZE}
          </button>
        </div>
      )}
      <table className="claims" aria-label={label} data-renders={renders.current}>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Value</th>
            <th scope="col">What it means</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => (
            <ClaimRow key={row.name} row={row} />
          ))}
        </tbody>
      </table>
    </>
  );
});

const count = (n: number) => n.toLocaleString('en-GB');

const ClaimRow = memo(function ClaimRow({ row }: { row: InspectedRow }) {
  return (
    <tr className={row.flags.length ? 'flagged' : undefined}>
      <th scope="row" className="mono">
        {row.name}
      </th>
      <td>
        {row.date ? (
          <>
            <time
              dateTime={row.date.iso}
              title={`${row.date.iso.replace('T', ' ').replace('.000Z', ' UTC')} (${row.date.epochSeconds})`}
            >
              {localTime(row.date.iso)}
            </time>
            <RelativeTime iso={row.date.iso} />
          </>
        ) : (
          <span className="mono">{row.display}</span>
        )}
        {row.flags.map((flag) => (
          <span key={flag} className="flag">
            ⚠ {flag}
          </span>
        ))}
      </td>
      <td>
        {row.meaning ?? <span className="hint">Not a claim this app knows.</span>}
        <span className="row-copy">
          <CopyButton
            label={`Copy ${row.name}`}
            text={typeof row.value === 'string' ? row.value : JSON.stringify(row.value)}
          />
        </span>
      </td>
    </tr>
  );
});

/** "· in 37 minutes": its own clock, ticking every second only within two minutes of the time (when the words change that fast). */
function RelativeTime({ iso }: { iso: string }) {
  const [fast, setFast] = useState(false);
  const now = useNow(fast ? 1000 : 30_000);
  const near = Math.abs(Date.parse(iso) - now) < 120_000;
  if (near !== fast) setFast(near);
  return <span className="hint"> · {fromNow(iso, now)}</span>;
}
