import { useTable, type ColumnVisibilityState, type SortingState } from '@tanstack/react-table';
import { useEffect, useMemo, useState } from 'react';
import { discoverColumns, normaliseFilter, sortRanks, type ItemColumn, type ItemRow } from './items-model';
import {
  ITEMS_TABLE_FEATURES,
  ITEMS_TABLE_OPTIONS,
  itemColumnDefs,
  shownCells,
  shownColumnsOf,
} from './items-table-model';

/** The loaded items as a sortable, filterable table whose columns can be added and removed; keeps its state across views. */
export function useItemsTable(rows: ItemRow[]) {
  const found = useMemo(() => discoverColumns(rows), [rows]);
  // Made again with the rows: each column reads its order in the list it is given.
  const columns = useMemo(() => itemColumnDefs(found.columns, rows), [found.columns, rows]);
  const byId = useMemo(() => new Map(found.columns.map((c) => [c.id, c])), [found.columns]);
  const [sorting, setSorting] = useState<SortingState>([]);
  const [filter, setFilter] = useState('');
  // As matched: "Supplier 1" and "supplier 1 " are the same filter, and the table does not filter again.
  // Filtering reads one ready-made text per row (well under a millisecond for 5,000) and only the rows in
  // view are drawn, so the rows follow each key press in the same frame: nothing is deferred.
  const globalFilter = normaliseFilter(filter);
  // The user's own choices over the defaults, so a column found on a later page starts as the defaults say.
  const [chosen, setChosen] = useState<ColumnVisibilityState>({});
  const columnVisibility = useMemo(() => ({ ...found.hidden, ...chosen }), [found.hidden, chosen]);

  const table = useTable({
    features: ITEMS_TABLE_FEATURES,
    columns,
    data: rows,
    ...ITEMS_TABLE_OPTIONS,
    state: { sorting, globalFilter, columnVisibility },
    onSortingChange: setSorting,
    onGlobalFilterChange: (next) => setFilter(typeof next === 'function' ? next(filter) : next),
    onColumnVisibilityChange: (next) =>
      setChosen((before) => (typeof next === 'function' ? next({ ...found.hidden, ...before }) : next)),
  });

  // In the table's own order, so the CSV's columns are the table's. The same list while the columns stay
  // (the table keeps its own list until they change), so rows already drawn are not drawn again.
  const visible = table.getVisibleLeafColumns();
  const shownColumns = useMemo(() => shownColumnsOf(visible, byId), [visible, byId]);
  useColumnOrdersWhenIdle(rows, shownColumns);
  /** The cells "Export CSV" sends: the shown columns, and the rows the filter leaves in the sorted order. */
  const cellsAsShown = () => shownCells(table, shownColumns);
  return {
    table,
    columns: found.columns,
    shownColumns,
    filter,
    setFilter,
    visibility: columnVisibility,
    setVisible: (id: string, visible: boolean) => setChosen((before) => ({ ...before, [id]: visible })),
    resetColumns: () => setChosen({}),
    cellsAsShown,
  };
}

export type ItemsTable = ReturnType<typeof useItemsTable>;

/** How long the rows must stay the same (no page arriving) before the shown columns' orders are made. */
const SETTLED_MS = 500;

/**
 * Makes each shown column's order (`sortRanks`: one sort of 5,000 texts takes a few milliseconds) in idle
 * time, one column per idle moment, once the rows have settled: the first click on a heading then only
 * sorts numbers. A list that changes meanwhile (a page arriving) starts it again for the new list.
 */
function useColumnOrdersWhenIdle(rows: readonly ItemRow[], columns: readonly ItemColumn[]) {
  useEffect(() => {
    const pending = columns.map((c) => c.id);
    let idle: number | undefined;
    const next = () => {
      const id = pending.shift();
      if (id !== undefined) {
        sortRanks(rows, id);
        idle = requestIdleCallback(next);
      }
    };
    const settled = setTimeout(() => (idle = requestIdleCallback(next)), SETTLED_MS);
    return () => {
      clearTimeout(settled);
      if (idle !== undefined) cancelIdleCallback(idle);
    };
  }, [rows, columns]);
}
