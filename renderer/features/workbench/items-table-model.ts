// The glue between the items model and the headless table: which table features the items table uses,
// its options and its columns. The library keeps the state (sorting, the filter text, shown columns),
// the rows and the headers' sort toggles; the filtered and sorted row models are this file's own, in the
// slots the library offers for them ("pass the exported createFilteredRowModel() / createSortedRowModel()
// or implement your own"), because with 5,000 rows the library's own cost most of a key press or click:
// see README "Benchmark". No React here: the table works the same under Node in the tests, which build
// it from these same features and options.
import {
  columnFilteringFeature,
  columnVisibilityFeature,
  globalFilteringFeature,
  rowSortingFeature,
  tableFeatures,
  type ColumnDef,
  type SortingState,
} from '@tanstack/react-table';
import { exportCells, normaliseFilter, rowMatches, sortRanks, type ItemColumn, type ItemRow } from './items-model';

/** A table row as the row models use it: the item row and its index in the data. */
export interface TableRow {
  readonly original: ItemRow;
  readonly index: number;
}
/** A row model: the rows, in order (items have no sub-rows, so the flat rows are the rows). */
export interface ItemsRowModel<TRow extends TableRow> {
  readonly rows: readonly TRow[];
  readonly flatRows: readonly TRow[];
}
/** What the row models read of the table: the rows before them, the state, the columns. */
export interface ItemsRowModelTable<TModel> {
  getPreFilteredRowModel(): TModel;
  getPreSortedRowModel(): TModel;
  getColumn(id: string): { readonly accessorFn?: (row: ItemRow, index: number) => unknown } | undefined;
  readonly atoms: {
    readonly globalFilter?: { get(): unknown };
    readonly sorting?: { get(): SortingState | undefined };
  };
}

/**
 * The text filter: the rows any of whose cells (hidden ones too) show the filter text, in load order. The
 * library's `createFilteredRowModel` gives every row two new objects on every change of the filter or the
 * data and calls the filter once per row and column; this keeps the table's rows, reads each row's
 * search text once (one `includes`), and makes the list again only when the filter or the rows change.
 */
export function createSearchedRowModel() {
  return <TRow extends TableRow, TModel extends ItemsRowModel<TRow>>(table: ItemsRowModelTable<TModel>) => {
    let made: { from: TModel; wanted: string; model: TModel } | undefined;
    return (): TModel => {
      const from = table.getPreFilteredRowModel();
      const wanted = normaliseFilter(String(table.atoms.globalFilter?.get() ?? ''));
      if (wanted === '') return from;
      if (made?.from !== from || made.wanted !== wanted) {
        const rows = from.rows.filter((row) => rowMatches(row.original, wanted));
        // Rows by id stays the unfiltered map, as with the library's own filter.
        made = { from, wanted, model: { ...from, rows, flatRows: rows } };
      }
      return made.model;
    };
  };
}

/**
 * The sort: the rows in their columns' order (each column's value is the row's place, see
 * `itemColumnDefs`), equal ones in load order; an empty cell sorts last either way. The library's
 * `createSortedRowModel` asks each row for its value four times a comparison through its row API (some
 * 240,000 calls to sort 5,000 rows); this reads each row's place once per sorted column, straight from
 * the column's accessor, and compares numbers. Made again only when the sorting or the rows change.
 */
export function createRankedSortedRowModel() {
  return <TRow extends TableRow, TModel extends ItemsRowModel<TRow>>(table: ItemsRowModelTable<TModel>) => {
    let made: { from: TModel; sorting: SortingState; model: TModel } | undefined;
    return (): TModel => {
      const from = table.getPreSortedRowModel();
      const sorting = (table.atoms.sorting?.get() ?? []).filter((sort) => table.getColumn(sort.id)?.accessorFn);
      if (sorting.length === 0 || from.rows.length === 0) return from;
      if (made?.from !== from || !sameSorting(made.sorting, sorting)) {
        const by = sorting.map(({ id, desc }) => {
          const place = table.getColumn(id)!.accessorFn!;
          return {
            places: from.rows.map((row) => place(row.original, row.index) as number | undefined),
            order: desc ? -1 : 1,
          };
        });
        const order = from.rows.map((_, i) => i);
        order.sort((a, b) => {
          for (const { places, order: direction } of by) {
            const [pa, pb] = [places[a], places[b]];
            if (pa === pb) continue;
            if (pa === undefined) return 1;
            if (pb === undefined) return -1;
            return (pa - pb) * direction;
          }
          return from.rows[a]!.index - from.rows[b]!.index;
        });
        const rows = order.map((i) => from.rows[i]!);
        made = { from, sorting, model: { ...from, rows, flatRows: rows } };
      }
      return made.model;
    };
  };
}

const sameSorting = (a: SortingState, b: SortingState) =>
  a.length === b.length && a.every((sort, i) => sort.id === b[i]!.id && sort.desc === b[i]!.desc);

/** The table's behaviour, registered once: sorting, one text filter over every column, hiding columns. */
export const ITEMS_TABLE_FEATURES = tableFeatures({
  rowSortingFeature,
  // The global filter's state needs the column filters' (the library says so); no column filter is set.
  columnFilteringFeature,
  globalFilteringFeature,
  columnVisibilityFeature,
  filteredRowModel: createSearchedRowModel(),
  sortedRowModel: createRankedSortedRowModel(),
});
export type ItemsTableFeatures = typeof ITEMS_TABLE_FEATURES;

/** The options the screen's table and the tests' table share, so what the tests check is what the screen does. */
export const ITEMS_TABLE_OPTIONS = {
  getRowId: (row: ItemRow) => row.id,
  enableSortingRemoval: true,
  // Every column sorts ascending first (numbers too), then descending, then back to load order.
  sortDescFirst: false,
} as const;

/**
 * The table's columns for the columns found in `rows` (the very list the table is given as its data).
 * A column's value is a row's place in the column's ascending order (`compareKeys` of the cells' sort
 * keys, see `sortRanks`: made once per list and column, in idle time or at the first sort), or undefined
 * for an empty cell.
 */
export function itemColumnDefs(
  columns: readonly ItemColumn[],
  rows: readonly ItemRow[],
): ColumnDef<ItemsTableFeatures, ItemRow>[] {
  return columns.map((column) => ({
    id: column.id,
    header: column.label,
    accessorFn: (row: ItemRow) =>
      rows[row.position - 1] === row ? sortRanks(rows, column.id)[row.position - 1] : undefined,
  }));
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
