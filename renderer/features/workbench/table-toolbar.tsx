import { useId } from 'react';
import type { ItemsTable } from './use-items-table';

const count = (n: number) => n.toLocaleString('en-GB');

/** Above the table: the text filter, how many rows it leaves, and the column chooser. */
export function TableToolbar({ items, total }: { items: ItemsTable; total: number }) {
  const filterId = useId();
  const shown = items.table.getRowModel().rows.length;
  return (
    <div className="wb-toolbar">
      <div className="wb-filter">
        <label className="label" htmlFor={filterId}>
          Filter
        </label>
        <input
          id={filterId}
          type="search"
          value={items.filter}
          onChange={(e) => items.setFilter(e.target.value)}
          placeholder="Text in any column"
          spellCheck={false}
          autoComplete="off"
          data-testid="workbench-filter"
        />
      </div>
      <p className="hint wb-count" aria-live="polite">
        {shown === total ? `${count(total)} items` : `${count(shown)} of ${count(total)} items match`}
      </p>
      <ColumnChooser items={items} />
    </div>
  );
}

/** Columns to add or remove, each found in the loaded items; a fold-out list of checkboxes. */
function ColumnChooser({ items }: { items: ItemsTable }) {
  const shown = items.columns.filter((c) => items.visibility[c.id] !== false).length;
  return (
    <details className="wb-columns">
      <summary>
        Columns ({shown} of {items.columns.length})
      </summary>
      <div className="wb-columns-panel">
        <fieldset>
          <legend className="visually-hidden">Columns to show</legend>
          {items.columns.map((column) => (
            <label key={column.id} className="wb-column-choice">
              <input
                type="checkbox"
                checked={items.visibility[column.id] !== false}
                onChange={(e) => items.setVisible(column.id, e.target.checked)}
              />
              <span>{column.label}</span>
              <span className="hint mono" aria-hidden="true">
                {column.id}
              </span>
            </label>
          ))}
        </fieldset>
        <button type="button" className="small" onClick={items.resetColumns}>
          Back to the usual columns
        </button>
      </div>
    </details>
  );
}
