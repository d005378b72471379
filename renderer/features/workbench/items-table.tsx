import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useRef } from 'react';
import { cellText, type ItemColumn, type ItemRow } from './items-model';
import type { ItemsTable } from './use-items-table';

/** Every row is this tall (one line, cut with an ellipsis), so only the rows in view are drawn. */
const ROW_HEIGHT = 34;
const OPEN_WIDTH = 64;
const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;

/**
 * The loaded items as an ARIA table (header row, then one row per item with `aria-rowindex`), of which
 * only the rows in view are in the page: thousands of rows scroll without drawing them all.
 */
export function ItemsTableView({ items, onOpen }: { items: ItemsTable; onOpen(row: ItemRow): void }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = items.table.getRowModel().rows;
  const shown = items.shownColumns;
  const width = shown.reduce((sum, c) => sum + c.width, OPEN_WIDTH);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (index) => rows[index]!.id,
    overscan: 12,
  });
  return (
    <div ref={scrollRef} className="wb-table-scroll">
      <div
        role="table"
        aria-label="Loaded items"
        aria-rowcount={rows.length + 1}
        aria-colcount={shown.length + 1}
        className="wb-table"
        style={{ width }}
        data-testid="workbench-items-table"
      >
        <div role="rowgroup" className="wb-thead">
          <div role="row" aria-rowindex={1} className="wb-tr">
            <div role="columnheader" className="wb-th wb-open" style={{ width: OPEN_WIDTH }}>
              <span className="visually-hidden">Open</span>
            </div>
            {shown.map((column) => (
              <HeaderCell key={column.id} column={column} items={items} />
            ))}
          </div>
        </div>
        <div role="rowgroup" className="wb-tbody" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((slot) => (
            <BodyRow
              key={slot.key}
              row={rows[slot.index]!.original}
              rowIndex={slot.index + 2}
              top={slot.start}
              columns={shown}
              onOpen={onOpen}
            />
          ))}
        </div>
      </div>
      {rows.length === 0 && <p className="muted wb-no-rows">No loaded item matches the filter.</p>}
    </div>
  );
}

function HeaderCell({ column, items }: { column: ItemColumn; items: ItemsTable }) {
  const tableColumn = items.table.getColumn(column.id);
  const sorted = tableColumn?.getIsSorted() ?? false;
  return (
    <div
      role="columnheader"
      aria-sort={sorted ? ARIA_SORT[sorted] : undefined}
      className={`wb-th kind-${column.kind}`}
      style={{ width: column.width }}
    >
      <button type="button" className="wb-sort" onClick={tableColumn?.getToggleSortingHandler()} title={column.id}>
        <span className="wb-sort-label">{column.label}</span>
        <span className="wb-sort-mark" aria-hidden="true">
          {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
        </span>
      </button>
    </div>
  );
}

/**
 * One item: a button that opens its JSON (the whole row opens it too, for the mouse), then its cells.
 * Memoised: while scrolling, only the rows coming into view are drawn, not every row in view again.
 */
const BodyRow = memo(function BodyRow({
  row,
  rowIndex,
  top,
  columns,
  onOpen,
}: {
  row: ItemRow;
  rowIndex: number;
  top: number;
  columns: readonly ItemColumn[];
  onOpen(row: ItemRow): void;
}) {
  return (
    <div
      role="row"
      aria-rowindex={rowIndex}
      className="wb-tr"
      style={{ transform: `translateY(${top}px)` }}
      onClick={() => onOpen(row)}
    >
      <div role="cell" className="wb-td wb-open" style={{ width: OPEN_WIDTH }}>
        <button
          type="button"
          className="small"
          aria-label={`Open item ${row.position} as JSON`}
          onClick={(e) => (e.stopPropagation(), onOpen(row))}
        >
          JSON
        </button>
      </div>
      {columns.map((column) => (
        <BodyCell key={column.id} row={row} column={column} />
      ))}
    </div>
  );
});

function BodyCell({ row, column }: { row: ItemRow; column: ItemColumn }) {
  const text = cellText(row, column.id);
  return (
    <div role="cell" className={`wb-td kind-${column.kind}`} style={{ width: column.width }} title={text}>
      {text}
    </div>
  );
}
