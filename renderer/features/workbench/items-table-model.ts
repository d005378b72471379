// The glue between the items model and the headless table: which table features the items table
// uses, its options, and its columns. Each column sorts by its rows' places in `compareKeys` order
// (`sortRanks`, made once per loaded list and column). The text filter is a row model of its own in the
// table's `filteredRowModel` slot, reading each row's search text (every cell as shown, made when the item
// arrived). No React here: the table works the same under Node in the tests, which build it from these
// same features and options.
import {
  columnFilteringFeature,
  columnVisibilityFeature,
  createSortedRowModel,
  globalFilteringFeature,
  rowSortingFeature,
  tableFeatures,
  type ColumnDef,
} from '@tanstack/react-table';
import { exportCells, normaliseFilter, rowMatches, sortRanks, type ItemColumn, type ItemRow } from './items-model';

/** What the filter reads of the table: the rows before filtering and the filter text. */
export interface FilteredTable<TModel> {
  getPreFilteredRowModel(): TModel;
  readonly atoms: { readonly globalFilter?: { get(): unknown } };
}
export interface RowsOf {
  readonly rows: readonly { readonly original: ItemRow }[];
}

/**
 * The text filter: the rows whose cells (hidden ones too) show the filter text, as the table's filtered
 * row model ("implement your own", the slot's documentation says). The library's own
 * `createFilteredRowModel` gives every row two new objects on every change of the filter or the data and
 * calls the filter once per row and column; this keeps the rows the table made, calls one `includes` per
 * row, and makes the same list again only when the filter or the rows change.
 */
export function createSearchedRowModel() {
  return <TModel extends RowsOf>(table: FilteredTable<TModel>) => {
    let made: { from: TModel; wanted: string; model: TModel } | undefined;
    return (): TModel => {
      const from = table.getPreFilteredRowModel();
      const wanted = normaliseFilter(String(table.atoms.globalFilter?.get() ?? ''));
      if (wanted === '') return from;
      if (made?.from !== from || made.wanted !== wanted) {
        const rows = from.rows.filter((row) => rowMatches(row.original, wanted));
        // Flat rows are the rows (items have no sub-rows); rows by id keeps the unfiltered map, as the library's does for sorting.
        made = { from, wanted, model: { ...from, rows, flatRows: rows } };
      }
      return made.model;
    };
  };
}

/** The table's behaviour, registered once: sorting, one text filter over every column, hiding columns. */
export const ITEMS_TABLE_FEATURES = tableFeatures({
  rowSortingFeature,
  // The global filter's state needs the column filters' (the library says so); no column filter is set.
  columnFilteringFeature,
  globalFilteringFeature,
  columnVisibilityFeature,
  filteredRowModel: createSearchedRowModel(),
  sortedRowModel: createSortedRowModel(),
});
export type ItemsTableFeatures = typeof ITEMS_TABLE_FEATURES;

/** The options the screen's table and the tests' table share, so what the tests check is what the screen does. */
export const ITEMS_TABLE_OPTIONS = {
  getRowId: (row: ItemRow) => row.id,
  enableSortingRemoval: true,
  // Every column sorts ascending first (numbers too), then descending, then back to load order.
  sortDescFirst: false,
} as const;

type Ranked = { getValue(id: string): unknown };
const byRank = (a: Ranked, b: Ranked, id: string) => (a.getValue(id) as number) - (b.getValue(id) as number);

/**
 * The table's columns for the columns found in `rows` (the very list the table is given as its data):
 * each reads a row's place in its order, made the first time the column is sorted; empty cells sort last
 * either way.
 */
export function itemColumnDefs(
  columns: readonly ItemColumn[],
  rows: readonly ItemRow[],
): ColumnDef<ItemsTableFeatures, ItemRow>[] {
  return columns.map((column) => {
    let ranks: readonly (number | undefined)[] | undefined;
    return {
      id: column.id,
      header: column.label,
      accessorFn: (row: ItemRow) =>
        rows[row.position - 1] === row ? (ranks ??= sortRanks(rows, column.id))[row.position - 1] : undefined,
      sortFn: byRank,
      sortUndefined: 'last',
    };
  });
}

/** The shown columns in the table's own order, so the CSV's columns are the table's. */
export function shownColumnsOf(
  visible: readonly { readonly id: string }[],
  byId: ReadonlyMap<string, ItemColumn>,
): ItemColumn[] {
  return visible.map((c) => byId.get(c.id)).filter((c): c is ItemColumn => c !== undefined);
}

/** The cells "Export CSV" sends: the shown columns, and the rows the table draws (the filter's, in the sorted order). */
export function shownCells(
  table: { getRowModel(): { readonly rows: readonly { readonly original: ItemRow }[] } },
  columns: readonly ItemColumn[],
): { columns: string[]; rows: string[][] } {
  return exportCells(
    columns,
    table.getRowModel().rows.map((row) => row.original),
  );
}
