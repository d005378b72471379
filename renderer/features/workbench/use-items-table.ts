import { useTable, type ColumnVisibilityState, type SortingState } from '@tanstack/react-table';
import { useDeferredValue, useMemo, useState } from 'react';
import { discoverColumns, normaliseFilter, type ItemRow } from './items-model';
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
  // Made again with the rows: each column's order is made (once, when first sorted) for the list it is given.
  const columns = useMemo(() => itemColumnDefs(found.columns, rows), [found.columns, rows]);
  const byId = useMemo(() => new Map(found.columns.map((c) => [c.id, c])), [found.columns]);
  const [sorting, setSorting] = useState<SortingState>([]);
  const [filter, setFilter] = useState('');
  // The box keeps up with typing whatever the rows cost to draw; the rows follow.
  const appliedFilter = useDeferredValue(filter);
  // As matched: "Supplier 1" and "supplier 1 " are the same filter, and the table does not filter again.
  const globalFilter = normaliseFilter(appliedFilter);
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
    onGlobalFilterChange: (next) => setFilter(typeof next === 'function' ? next(appliedFilter) : next),
    onColumnVisibilityChange: (next) =>
      setChosen((before) => (typeof next === 'function' ? next({ ...found.hidden, ...before }) : next)),
  });

  // In the table's own order, so the CSV's columns are the table's. The same list while the columns stay
  // (the table keeps its own list until they change), so rows already drawn are not drawn again.
  const visible = table.getVisibleLeafColumns();
  const shownColumns = useMemo(() => shownColumnsOf(visible, byId), [visible, byId]);
  /** The cells "Export CSV" sends: the shown columns, and the rows the filter leaves in the sorted order. */
  const cellsAsShown = () => shownCells(table, shownColumns);
  return {
    table,
    columns: found.columns,
    shownColumns,
    filter,
    setFilter,
    filtering: appliedFilter !== filter,
    visibility: columnVisibility,
    setVisible: (id: string, visible: boolean) => setChosen((before) => ({ ...before, [id]: visible })),
    resetColumns: () => setChosen({}),
    cellsAsShown,
  };
}

export type ItemsTable = ReturnType<typeof useItemsTable>;
