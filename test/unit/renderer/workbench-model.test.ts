import { constructTable, type SortingState } from '@tanstack/react-table';
import { storeReactivityBindings } from '@tanstack/table-core/store-reactivity-bindings';
import { describe, expect, it } from 'vitest';

// The workbench's models are renderer code, outside tsconfig.test.json's files, so they are loaded by
// a path tsc does not follow; the few types the tests need are restated here.
interface ItemColumn {
  readonly id: string;
  readonly label: string;
  readonly kind: string;
  readonly width: number;
}
interface ItemRow {
  readonly id: string;
  readonly position: number;
  readonly item: unknown;
  readonly values: Readonly<Record<string, unknown>>;
  readonly search: string;
}
interface ItemsModel {
  flattenItem(item: unknown): Record<string, unknown>;
  itemRows(items: readonly unknown[]): ItemRow[];
  cellText(row: ItemRow, columnId: string): string;
  sortKey(row: ItemRow, columnId: string): number | string | undefined;
  compareKeys(a: number | string | undefined, b: number | string | undefined): number;
  columnLabel(id: string): string;
  discoverColumns(rows: readonly ItemRow[]): { columns: ItemColumn[]; hidden: Record<string, boolean> };
  exportCells(columns: readonly ItemColumn[], rows: readonly ItemRow[]): { columns: string[]; rows: string[][] };
  externalLink(item: unknown): string | null;
  itemTitle(row: ItemRow): string;
}
interface TableModel {
  ITEMS_TABLE_FEATURES: Record<string, unknown>;
  ITEMS_TABLE_OPTIONS: Record<string, unknown>;
  itemColumnDefs(columns: readonly ItemColumn[], rows: readonly ItemRow[]): unknown[];
  shownColumnsOf(visible: readonly { id: string }[], byId: ReadonlyMap<string, ItemColumn>): ItemColumn[];
  shownCells(table: unknown, columns: readonly ItemColumn[]): { columns: string[]; rows: string[][] };
}
interface Endpoint {
  readonly id: string;
  readonly path: string;
  readonly name: string;
  readonly platform: string;
  readonly group: string;
  readonly parameters: readonly Record<string, unknown>[];
}
interface CatalogueModel {
  groupEndpoints(
    endpoints: readonly Endpoint[],
    search: string,
  ): { platform: string; groups: { name: string; endpoints: Endpoint[] }[] }[];
  initialValues(
    endpoint: Endpoint,
    previous: Record<string, string>,
    organisations: readonly { companyId: string; name: string }[],
  ): Record<string, string>;
  parameterHint(parameter: Record<string, unknown>): string;
}
interface Progress {
  runId: string;
  state: string;
  pages: number;
  items: number;
  waitingFor: string | null;
  waitingUntil: string | null;
  failedPage: number | null;
  maxPages: number | null;
}
interface Page {
  runId: string;
  number: number;
  report: { id: string };
  items: unknown[];
  hasMore: boolean;
}
interface RunModel {
  withPages(pages: readonly Page[], arrived: readonly Page[]): Page[];
  itemsOf(pages: readonly Page[]): unknown[];
  progressWords(progress: Progress): string;
  waitingWords(progress: Progress, now: number): string | null;
  progressBar(progress: Progress): { value: number; max: number };
  readPageCap(text: string): { ok: true; value: number } | { ok: false; problem: string };
  hasNextPage(progress: Progress | null): boolean;
}
const load = <T>(path: string) => import(/* @vite-ignore */ path) as Promise<T>;
const items = await load<ItemsModel>('../../../renderer/features/workbench/items-model');
const tableModel = await load<TableModel>('../../../renderer/features/workbench/items-table-model');
const catalogue = await load<CatalogueModel>('../../../renderer/features/workbench/catalogue-model');
const run = await load<RunModel>('../../../renderer/features/workbench/run-model');

// The API workbench (issue 13): its pure pieces. The items table's columns, cells, sort and filter, and
// the CSV export built from the same cells; the catalogue's grouping and search; a run's pages and words.

const bill = (n: number, extra: Record<string, unknown> = {}) => ({
  requestId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  documentNumber: `BILL-${n}`,
  contact: { contactId: `c-${n}`, name: `Supplier ${n % 3}` },
  total: n * 100.5,
  currencyCode: 'NZD',
  dueDate: `2024-12-${String((n % 28) + 1).padStart(2, '0')}T00:00:00`,
  requestStatus: { name: n % 2 ? 'Approved' : 'OnApproval', value: n % 2 },
  externalUrl: null,
  ...extra,
});

describe('items as table rows: fields flattened one level, cells in plain text', () => {
  it('flattens nested objects one level and keeps deeper values whole', () => {
    expect(items.flattenItem({ a: 1, contact: { name: 'X', address: { city: 'Y' } }, tags: ['t'], empty: {} })).toEqual(
      { a: 1, 'contact.name': 'X', 'contact.address': { city: 'Y' }, tags: ['t'], empty: {} },
    );
    expect(items.flattenItem('plain')).toEqual({ value: 'plain' });
  });

  it('writes money with its currency, dates readably, nested values as JSON, nothing for null', () => {
    const [row] = items.itemRows([
      { ...bill(1), dueDate: '2024-12-02', tags: ['a'], isPaid: true, count: 12345, externalUrl: null },
    ]);
    expect(items.cellText(row!, 'total')).toBe('100.50 NZD');
    expect(items.cellText(row!, 'count')).toBe('12345');
    expect(items.cellText(row!, 'dueDate')).toBe('2 Dec 2024');
    expect(items.cellText(row!, 'tags')).toBe('["a"]');
    expect(items.cellText(row!, 'isPaid')).toBe('Yes');
    expect(items.cellText(row!, 'externalUrl')).toBe('');
    expect(items.cellText(row!, 'requestStatus.name')).toBe('Approved');
    // A zone-less midnight is a date; a real time keeps its time.
    const [dated] = items.itemRows([{ a: '2024-12-02T00:00:00', b: '2024-12-02T14:05:00Z' }]);
    expect(items.cellText(dated!, 'a')).toBe('2 Dec 2024');
    expect(items.cellText(dated!, 'b')).toMatch(/2024, \d\d:\d\d$/);
  });

  it('finds columns in reading order, shows the usual ones, keeps the rest for the chooser', () => {
    const found = items.discoverColumns(items.itemRows([bill(1), bill(2, { extra: 'x' })]));
    const ids = found.columns.map((c) => c.id);
    expect(ids.slice(0, 5)).toEqual(['documentNumber', 'contact.name', 'dueDate', 'total', 'requestStatus.name']);
    expect(ids).toContain('extra');
    expect(found.hidden).toMatchObject({ requestId: false, currencyCode: false, extra: false });
    expect(found.hidden['total']).toBeUndefined();
    const kinds = Object.fromEntries(found.columns.map((c) => [c.id, c.kind]));
    expect(kinds).toMatchObject({ total: 'money', dueDate: 'date', requestId: 'id', 'requestStatus.value': 'number' });
    expect(found.columns.find((c) => c.id === 'requestStatus.name')?.label).toBe('Status');
    expect(items.columnLabel('contact.contactId')).toBe('Contact · contact id');
    expect(items.columnLabel('amountDue')).toBe('Amount due');
  });

  it('shows the first fields when few known ones are there (e.g. organisations)', () => {
    const found = items.discoverColumns(items.itemRows([{ companyId: 'c1', name: 'Org', plan: 'Premium' }]));
    expect(Object.keys(found.hidden)).toEqual([]);
  });

  it('sort keys: numbers as numbers, dates by time, text naturally, empty last', () => {
    expect(items.compareKeys(9, 10)).toBeLessThan(0);
    expect(items.compareKeys('INV-9', 'INV-10')).toBeLessThan(0);
    expect(items.compareKeys(undefined, 'a')).toBeGreaterThan(0);
    const [a, b] = items.itemRows([{ d: '2024-01-31' }, { d: '2024-02-01T00:00:00Z' }]);
    expect(items.compareKeys(items.sortKey(a!, 'd'), items.sortKey(b!, 'd'))).toBeLessThan(0);
  });

  it('names an item by its friendly name or number, else by its place', () => {
    const [named, plain] = items.itemRows([bill(7), { value: 1 }]);
    expect(items.itemTitle(named!)).toBe('BILL-7 (item 1)');
    expect(items.itemTitle(plain!)).toBe('Item 2');
  });

  it('links only to https addresses', () => {
    expect(items.externalLink({ externalUrl: 'https://go.xero.com/x' })).toBe('https://go.xero.com/x');
    expect(items.externalLink({ externalUrl: 'http://go.xero.com/x' })).toBeNull();
    expect(items.externalLink({ externalUrl: 'javascript:alert(1)' })).toBeNull();
    expect(items.externalLink({ externalUrl: null })).toBeNull();
  });
});

describe('the CSV export is the table as shown', () => {
  const loaded = items.itemRows(Array.from({ length: 60 }, (_, i) => bill(i + 1)));
  const found = items.discoverColumns(loaded);
  /** The headless table the screen uses, with its columns and glue, sorted and filtered as asked. */
  function shown(sorting: SortingState, filter: string, hidden: Record<string, boolean>) {
    const table = constructTable({
      features: { ...tableModel.ITEMS_TABLE_FEATURES, coreReactivityFeature: storeReactivityBindings() },
      columns: tableModel.itemColumnDefs(found.columns, loaded),
      data: loaded,
      ...tableModel.ITEMS_TABLE_OPTIONS,
      state: { sorting, globalFilter: filter, columnVisibility: { ...found.hidden, ...hidden } },
    } as never) as unknown as {
      getRowModel(): { rows: { original: ItemRow }[] };
      getVisibleLeafColumns(): { id: string }[];
    };
    const byId = new Map(found.columns.map((c) => [c.id, c]));
    const columns = table.getVisibleLeafColumns().map((c) => byId.get(c.id)!);
    return { columns, rows: table.getRowModel().rows.map((r) => r.original) };
  }

  it('sorted by total descending and filtered by shown text: the same cells, in the same order', () => {
    const view = shown([{ id: 'total', desc: true }], 'supplier 2', {});
    const csv = items.exportCells(view.columns, view.rows);
    expect(csv.columns).toEqual(view.columns.map((c) => c.label));
    expect(csv.rows).toEqual(view.rows.map((row) => view.columns.map((c) => items.cellText(row, c.id))));
    expect(csv.rows.length).toBe(20);
    const totals = view.rows.map((r) => r.values['total'] as number);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    expect(csv.rows.every((cells) => cells.includes('Supplier 2'))).toBe(true);
  });

  it('a column added or removed in the chooser is added to or left out of the CSV', () => {
    const view = shown([], '', { requestId: true, total: false });
    const csv = items.exportCells(view.columns, view.rows);
    expect(csv.columns).toContain('Request id');
    expect(csv.columns).not.toContain('Total');
    expect(csv.rows[0]).toContain(bill(1).requestId);
  });

  it('the filter matches what cells show (money as written), in any case', () => {
    expect(shown([], '301.50 nzd', {}).rows.map((r) => r.position)).toEqual([3]);
    expect(shown([], '  BILL-12 ', {}).rows.map((r) => r.position)).toEqual([12]);
  });

  it('sorting by date puts earlier due dates first; empty ones last either way', () => {
    const withEmpty = items.itemRows([{ dueDate: '2024-03-01' }, { dueDate: null }, { dueDate: '2024-01-01' }]);
    const columns = items.discoverColumns(withEmpty).columns;
    for (const desc of [false, true]) {
      const table = constructTable({
        features: { ...tableModel.ITEMS_TABLE_FEATURES, coreReactivityFeature: storeReactivityBindings() },
        columns: tableModel.itemColumnDefs(columns, withEmpty),
        data: withEmpty,
        ...tableModel.ITEMS_TABLE_OPTIONS,
        state: { sorting: [{ id: 'dueDate', desc }] },
      } as never) as unknown as { getRowModel(): { rows: { original: ItemRow }[] } };
      const order = table.getRowModel().rows.map((r) => r.original.position);
      expect(order).toEqual(desc ? [1, 3, 2] : [3, 1, 2]);
    }
  });

  it('after a sort and a filter, the table draws and the CSV holds what a plain reading of every cell gives', () => {
    // What makes sorting and filtering hard: numbers inside texts, case and accents (equal to the
    // collator: load order keeps), repeated texts, empty cells, a column of numbers and texts, hidden columns.
    const hard = items.itemRows(
      Array.from({ length: 90 }, (_, i) =>
        bill(i + 1, {
          reference:
            i % 9 === 0 ? null : [`INV-${i}`, `inv-${i % 7}`, `Émile ${i % 4}`, `emile ${i % 4}`, 'zeta'][i % 5],
          mixed: i % 4 === 0 ? i * 7 : `n${i % 11}`,
          ...(i % 10 === 3 ? { contact: { contactId: `c-${i}`, name: '' } } : {}),
        }),
      ),
    );
    const found = items.discoverColumns(hard);
    expect(found.hidden['requestId']).toBe(false);
    const everyColumn = found.columns.map((c) => c.id);
    const byId = new Map(found.columns.map((c) => [c.id, c]));
    const cases: [SortingState, string][] = [
      [[{ id: 'reference', desc: false }], 'inv'],
      [[{ id: 'reference', desc: true }], 'MILE '],
      [[{ id: 'mixed', desc: true }], ''],
      [[{ id: 'mixed', desc: false }], 'n1'],
      [[{ id: 'contact.name', desc: false }], 'nzd'],
      [[{ id: 'contact.name', desc: true }], ''],
      [[{ id: 'total', desc: false }], '1,0'],
      [[{ id: 'dueDate', desc: true }], 'dec 2024'],
      // Only the hidden request id holds this text.
      [[{ id: 'documentNumber', desc: true }], '000000000042'],
      [[], 'approved'],
      // Shift-click: by contact, then by total, largest first.
      [
        [
          { id: 'contact.name', desc: false },
          { id: 'total', desc: true },
        ],
        'bill',
      ],
    ];
    for (const [sorting, filter] of cases) {
      const table = constructTable({
        features: { ...tableModel.ITEMS_TABLE_FEATURES, coreReactivityFeature: storeReactivityBindings() },
        columns: tableModel.itemColumnDefs(found.columns, hard),
        data: hard,
        ...tableModel.ITEMS_TABLE_OPTIONS,
        state: { sorting, globalFilter: filter, columnVisibility: found.hidden },
      } as never) as unknown as {
        getRowModel(): { rows: { original: ItemRow }[] };
        getVisibleLeafColumns(): { id: string }[];
      };
      const columns = tableModel.shownColumnsOf(table.getVisibleLeafColumns(), byId);
      // Read without the table: rows any of whose cells (hidden ones too) show the filter, in any case;
      // ordered by the cells' sort keys, empty ones last either way, equal ones in load order.
      const wanted = filter.trim().toLocaleLowerCase();
      const expected = hard.filter((row) =>
        everyColumn.some((id) => items.cellText(row, id).toLocaleLowerCase().includes(wanted)),
      );
      expected.sort((a, b) => {
        for (const sort of sorting) {
          const [ka, kb] = [items.sortKey(a, sort.id), items.sortKey(b, sort.id)];
          if (ka === undefined && kb === undefined) continue;
          if (ka === undefined || kb === undefined) return ka === undefined ? 1 : -1;
          const order = items.compareKeys(ka, kb);
          if (order !== 0) return sort.desc ? -order : order;
        }
        return a.position - b.position;
      });
      const cells = expected.map((row) => columns.map((c) => items.cellText(row, c.id)));
      const drawn = table.getRowModel().rows.map((r) => columns.map((c) => items.cellText(r.original, c.id)));
      const csv = tableModel.shownCells(table, columns);
      const label = `${JSON.stringify(sorting)} filtered by "${filter}"`;
      expect(expected.length, label).toBeGreaterThan(0);
      expect(drawn, label).toEqual(cells);
      expect(csv.rows, label).toEqual(cells);
      expect(csv.columns, label).toEqual(columns.map((c) => c.label));
    }
  });
});

describe('the endpoint catalogue', () => {
  const endpoint = (name: string, platform: string, group: string, parameters: Record<string, unknown>[] = []) => ({
    id: `GET /${name}`,
    path: `/api/v1/${name.replace(/ /g, '-')}`,
    name,
    platform,
    group,
    parameters,
  });
  const list = [
    endpoint('Organisations', 'General', 'Organisations'),
    endpoint('Xero bills', 'Xero', 'Bills'),
    endpoint('Xero bill by request id', 'Xero', 'Bills'),
    endpoint('Xero purchase orders', 'Xero', 'Purchase orders'),
    endpoint('QuickBooks Online bills', 'QuickBooks Online', 'Bills'),
  ];

  it('groups by platform then request type, in the catalogue’s order', () => {
    const groups = catalogue.groupEndpoints(list, '');
    expect(groups.map((g) => g.platform)).toEqual(['General', 'Xero', 'QuickBooks Online']);
    expect(groups[1]!.groups.map((g) => [g.name, g.endpoints.length])).toEqual([
      ['Bills', 2],
      ['Purchase orders', 1],
    ]);
  });

  it('searches every word, in any case, over name, group, platform and path', () => {
    const names = (search: string) =>
      catalogue.groupEndpoints(list, search).flatMap((p) => p.groups.flatMap((g) => g.endpoints.map((e) => e.name)));
    expect(names('BILLS xero')).toEqual(['Xero bills', 'Xero bill by request id']);
    expect(names('purchase-orders')).toEqual(['Xero purchase orders']);
    expect(names('nothing like this')).toEqual([]);
  });

  it('a new endpoint keeps what was typed for the same names, else defaults; organisations by the connection', () => {
    const orgs = [
      { companyId: 'c-1', name: 'One' },
      { companyId: 'c-2', name: 'Two' },
    ];
    const bills = endpoint('Xero bills', 'Xero', 'Bills', [
      { name: 'companyId', kind: 'company', defaultValue: null },
      { name: 'limit', kind: 'integer', defaultValue: '100' },
      { name: 'requestStatus', kind: 'enum', defaultValue: null },
    ]);
    expect(catalogue.initialValues(bills, {}, orgs)).toEqual({ companyId: 'c-1', limit: '100', requestStatus: '' });
    expect(catalogue.initialValues(bills, { companyId: 'c-2', limit: '10' }, orgs)).toEqual({
      companyId: 'c-2',
      limit: '10',
      requestStatus: '',
    });
    expect(catalogue.initialValues(bills, {}, [])).toMatchObject({ companyId: '' });
  });

  it('hints say the description, the range and whether the value may be left out', () => {
    const hint = catalogue.parameterHint({
      description: 'Items per page.',
      minimum: 1,
      maximum: 100,
      required: false,
    });
    expect(hint).toBe('Items per page. From 1 to 100. Optional: leave it empty to leave it out.');
  });
});

describe('a run’s pages and progress', () => {
  let requests = 0;
  const page = (number: number, count: number): Page => ({
    runId: 'r',
    number,
    report: { id: `report-${++requests}` },
    items: Array.from({ length: count }, (_, i) => ({ page: number, i })),
    hasMore: true,
  });
  const progress = (change: Partial<Progress>): Progress => ({
    runId: 'r',
    state: 'more',
    pages: 2,
    items: 200,
    waitingFor: null,
    waitingUntil: null,
    failedPage: null,
    maxPages: null,
    ...change,
  });

  it('folds pages in page order; one that arrives twice (event and result, or a retry) replaces the first', () => {
    const pages = run.withPages(run.withPages([], [page(2, 1), page(1, 2)]), [page(2, 3)]);
    expect(pages.map((p) => [p.number, p.items.length])).toEqual([
      [1, 2],
      [2, 3],
    ]);
    expect(run.itemsOf(pages)).toHaveLength(5);
  });

  it('the same answer arriving again (the event, then the result) keeps the copy the table already has', () => {
    const first = page(1, 2);
    const pages = run.withPages([], [first]);
    const again = run.withPages(pages, [{ ...first, items: [...first.items] }]);
    expect(again).toBe(pages);
    expect(again[0]).toBe(first);
  });

  it('says where the run stands, with counts', () => {
    expect(run.progressWords(progress({ state: 'done' }))).toBe('All loaded: 2 pages, 200 items.');
    expect(run.progressWords(progress({ state: 'failed', failedPage: 3 }))).toBe(
      'Page 3 failed. The 2 pages, 200 items loaded before it are kept.',
    );
    expect(run.progressWords(progress({ state: 'failed', failedPage: 1, pages: 0, items: 0 }))).toBe('Page 1 failed.');
    expect(run.progressWords(progress({ state: 'capped', maxPages: 2 }))).toContain('Raise the cap');
    expect(run.hasNextPage(progress({ state: 'failed' }))).toBe(true);
    expect(run.hasNextPage(progress({ state: 'done' }))).toBe(false);
  });

  it('counts a rate-limit wait down to its end', () => {
    const waiting = progress({
      state: 'waiting',
      waitingFor: 'Waiting for the rate limit (100 reads a minute).',
      waitingUntil: '2024-01-01T00:00:30Z',
    });
    expect(run.waitingWords(waiting, Date.parse('2024-01-01T00:00:18Z'))).toBe(
      'Waiting for the rate limit (100 reads a minute). Resumes in 12 seconds.',
    );
    expect(run.waitingWords(progress({}), 0)).toBeNull();
  });

  it('the bar is pages out of the cap; a finished run is full', () => {
    expect(run.progressBar(progress({ state: 'loading', pages: 5, maxPages: 50 }))).toEqual({ value: 5, max: 50 });
    expect(run.progressBar(progress({ state: 'done', pages: 7, maxPages: 50 }))).toEqual({ value: 50, max: 50 });
  });

  it('reads the page cap as a whole number from 1 to 10,000', () => {
    expect(run.readPageCap(' 200 ')).toEqual({ ok: true, value: 200 });
    for (const bad of ['', '0', '2.5', 'lots', '10001']) expect(run.readPageCap(bad).ok).toBe(false);
  });
});
