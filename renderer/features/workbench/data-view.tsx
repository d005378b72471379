import { useMemo, useState } from 'react';
import type { ExportFormat, WorkbenchPage } from '../../../preload/contract';
import { CallError } from '../../shared/call-error';
import { JsonTree } from '../../shared/json-tree';
import { measureJson } from '../../shared/json-tree-model';
import { ItemDialog } from './item-dialog';
import { itemRows, type ItemRow } from './items-model';
import { ItemsTableView } from './items-table';
import { TableToolbar } from './table-toolbar';
import { useItemsTable } from './use-items-table';
import type { Run } from './use-run';

type View = 'table' | 'tree' | 'raw';
const VIEWS: readonly { id: View; label: string }[] = [
  { id: 'table', label: 'Table' },
  { id: 'tree', label: 'JSON tree' },
  { id: 'raw', label: 'Raw' },
];

/** What the run loaded, in one place: a table (sort, filter, columns), the JSON tree, or the last page's body; exported as shown. */
export function DataView({ run }: { run: Run }) {
  const [view, setView] = useState<View>('table');
  const [opened, setOpened] = useState<ItemRow | null>(null);
  const rows = useMemo(() => itemRows(run.items), [run.items]);
  const items = useItemsTable(rows);
  return (
    <section className="card wb-data" aria-labelledby="wb-data-title">
      <div className="section-header">
        <h2 id="wb-data-title">Loaded items ({run.items.length.toLocaleString('en-GB')})</h2>
        <div className="body-view" role="group" aria-label="Show the items as">
          {VIEWS.map((v) => (
            <button
              key={v.id}
              type="button"
              className="small"
              aria-pressed={view === v.id}
              onClick={() => setView(v.id)}
            >
              {v.label}
            </button>
          ))}
        </div>
      </div>
      {view === 'table' && (
        <>
          <TableToolbar items={items} total={rows.length} />
          <ItemsTableView items={items} onOpen={setOpened} />
        </>
      )}
      {view === 'tree' && <ItemsTree items={run.items} />}
      {view === 'raw' && <RawBody page={run.pages[run.pages.length - 1] ?? null} />}
      <ExportActions run={run} cellsAsShown={items.cellsAsShown} />
      {opened && <ItemDialog row={opened} runId={run.runId} onClose={() => setOpened(null)} />}
    </section>
  );
}

function ExportActions({ run, cellsAsShown }: { run: Run; cellsAsShown(): { columns: string[]; rows: string[][] } }) {
  const [saved, setSaved] = useState<string | null>(null);
  const save = async (format: ExportFormat) => {
    setSaved(null);
    const result = await run.exportItems.run(format, format === 'csv' ? cellsAsShown() : undefined);
    if (result.ok && result.value.saved) setSaved(`Saved to ${result.value.path ?? 'the chosen file'}.`);
  };
  return (
    <div className="actions copy-actions">
      <button type="button" onClick={() => void save('csv')} disabled={run.exportItems.busy}>
        Export CSV
      </button>
      <button type="button" onClick={() => void save('json')} disabled={run.exportItems.busy}>
        Export JSON
      </button>
      <span className="hint">CSV: the table as shown (its columns, filter and order). JSON: every item loaded.</span>
      {saved && (
        <span className="hint" role="status">
          {saved}
        </span>
      )}
      <CallError error={run.exportItems.error} compact />
    </div>
  );
}

/** All the items as one JSON tree, when they fit in one; else plain words on why not. */
function ItemsTree({ items }: { items: readonly unknown[] }) {
  const size = useMemo(() => measureJson(items), [items]);
  if (size.tooMany || size.tooDeep)
    return (
      <p className="hint">
        The loaded items are too many to show as one tree. Open a row in the table to see its JSON, or use Raw for the
        last page’s body.
      </p>
    );
  return (
    <div className="code json wb-tree" role="region" aria-label="Loaded items as JSON" tabIndex={0}>
      <JsonTree value={items} />
    </div>
  );
}

/** The last page's body exactly as it came. */
function RawBody({ page }: { page: WorkbenchPage | null }) {
  const response = page?.report.response;
  if (!page || !response) return <p className="hint">The last page had no answer to show.</p>;
  return (
    <>
      <p className="hint">
        Page {page.number}’s body{response.bodyTruncated ? ' (cut short: it was too long to keep whole)' : ''}.
      </p>
      <pre className="code body-text" role="region" aria-label="Last page body" tabIndex={0}>
        {response.body === '' ? '(empty)' : response.body}
      </pre>
    </>
  );
}
