// The glue between the items model and the headless table: which table features the items table
// uses, its options, and its columns. Each column sorts by its rows' places in `compareKeys` order
// (`sortRanks`, made once per loaded list and column), and the one text filter reads each row's search
// text (every cell as shown, made when the item arrived). No React here: the table works the same under
// Node in the tests, which build it from these same options.
import {
  columnFilteringFeature,
  columnVisibilityFeature,
  createFilteredRowModel,
  createSortedRowModel,
  globalFilteringFeature,
  rowSortingFeature,
  tableFeatures,
  type ColumnDef,
  type FilterFn,
} from '@tanstack/react-table';
import { normaliseFilter, rowMatches, sortRanks, type ItemColumn, type ItemRow } from './items-model';

/** The table's behaviour, registered once: sorting, one text filter over every column, hiding columns. */
export const ITEMS_TABLE_FEATURES = tableFeatures({
  rowSortingFeature,
  columnFilteringFeature,
  globalFilteringFeature,
  columnVisibilityFeature,
  filteredRowModel: createFilteredRowModel(),
  sortedRowModel: createSortedRowModel(),
});
export type ItemsTableFeatures = typeof ITEMS_TABLE_FEATURES;

/** The filter matches what any cell shows (dates as formatted, money with its currency; hidden columns too), in any case. */
export const matchesRowText: FilterFn<ItemsTableFeatures, ItemRow> = (row, _columnId, wanted: string) =>
  rowMatches(row.original, wanted);
matchesRowText.resolveFilterValue = (value: unknown) => normaliseFilter(String(value));

/** The options the screen's table and the tests' table share, so what the tests check is what the screen does. */
export const ITEMS_TABLE_OPTIONS = {
  getRowId: (row: ItemRow) => row.id,
  globalFilterFn: matchesRowText,
  enableSortingRemoval: true,
  // Every column sorts ascending first (numbers too), then descending, then back to load order.
  sortDescFirst: false,
} as const;

type Ranked = { getValue(id: string): unknown };
const byRank = (a: Ranked, b: Ranked, id: string) => (a.getValue(id) as number) - (b.getValue(id) as number);

/**
 * The table's columns for the columns found in `rows` (the very list the table is given): each reads a
 * row's place in its order, made the first time the column is sorted; empty cells sort last either way.
 * Only the first column asks the global filter, since the filter reads the row's whole text: one call per
 * row, not one per column.
 */
export function itemColumnDefs(
  columns: readonly ItemColumn[],
  rows: readonly ItemRow[],
): ColumnDef<ItemsTableFeatures, ItemRow>[] {
  return columns.map((column, i) => {
    let ranks: Map<ItemRow, number> | undefined;
    return {
      id: column.id,
      header: column.label,
      accessorFn: (row: ItemRow) => (ranks ??= sortRanks(rows, column.id)).get(row),
      sortFn: byRank,
      sortUndefined: 'last',
      enableGlobalFilter: i === 0,
    };
  });
}
