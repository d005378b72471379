// The loaded items as a table, without React: which columns the items have (one level of nesting
// flattened, e.g. `contact.name`), what each cell says, how cells sort, and the cells an export sends.
// The table on screen, its text filter and the CSV all read a cell through `cellText`, so they agree.
// Everything a row needs is made once per item, when its page arrives (the cells' texts and the lower-case
// text the filter searches); the order of a column once per loaded list (`sortRanks`). A key press in the
// filter or a click on a heading then only compares what is already made (README "Benchmark").
import { localTime } from '../../shared/format';

/** How a column's values read and line up: money and numbers to the right, dates formatted. */
export type ColumnKind = 'text' | 'id' | 'number' | 'money' | 'date' | 'boolean' | 'json';

export interface ItemColumn {
  /** The field's path: `total`, `contact.name`. */
  readonly id: string;
  readonly label: string;
  readonly kind: ColumnKind;
  /** Width in pixels (the table has fixed column widths, so rows can be virtualised). */
  readonly width: number;
}

/** A list of fields in order, with each one's place: shared by every row that has exactly these fields. */
export interface RowFields {
  readonly ids: readonly string[];
  readonly at: ReadonlyMap<string, number>;
}

/** One loaded item with its fields flattened one level, and what its cells show, made once when it arrived. */
export interface ItemRow {
  /** Stable within a run: the item's position in load order, as text. */
  readonly id: string;
  /** 1-based position in load order. */
  readonly position: number;
  readonly item: unknown;
  readonly values: Readonly<Record<string, unknown>>;
  /** The item's fields; items of one list mostly share one such list, so a row keeps only its texts. */
  readonly fields: RowFields;
  /** What each field's cell shows (`cellText`), in the order of `fields`. */
  readonly texts: readonly string[];
  /** Every cell's text in lower case, one line each, hidden columns too: what the text filter searches. */
  readonly search: string;
}

/** The columns found and which show at first. */
export interface ItemColumns {
  readonly columns: readonly ItemColumn[];
  /** Column id → false for those hidden at first (the visibility state the table starts with). */
  readonly hidden: Readonly<Record<string, boolean>>;
}

/** Fields people look for first, in the order they read them; the rest can be added from the column chooser. */
const PREFERRED = [
  'documentNumber',
  'number',
  'name',
  'friendlyName',
  'email',
  'role',
  'reference',
  'contact.name',
  'date',
  'dueDate',
  'deliveryDate',
  'total',
  'amountDue',
  'requestStatus.name',
  'modifiedAt',
];
/** With fewer preferred fields than this, the first fields found show instead. */
const FEW_PREFERRED = 3;
const FIRST_SHOWN = 8;

/** Fields that are amounts of money, written with the item's `currencyCode`. */
const MONEY = new Set(['total', 'amountDue', 'amountPaid', 'subTotal', 'totalTax', 'amount', 'taxAmount']);

const LABELS: Readonly<Record<string, string>> = {
  documentNumber: 'Number',
  'contact.name': 'Contact',
  'requestStatus.name': 'Status',
  'requestStatus.value': 'Status value',
  amountDue: 'Amount due',
  currencyCode: 'Currency',
  modifiedAt: 'Modified',
  externalUrl: 'Link',
};

const WIDTHS: Readonly<Record<ColumnKind, number>> = {
  text: 190,
  id: 300,
  number: 110,
  money: 150,
  date: 170,
  boolean: 90,
  json: 240,
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** An item's fields, one level of nesting flattened: `{ contact: { name } }` → `contact.name`; a non-object item is `value`. */
export function flattenItem(item: unknown): Record<string, unknown> {
  if (!isRecord(item)) return { value: item };
  const flat: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(item)) {
    if (isRecord(value) && Object.keys(value).length > 0)
      for (const [inner, innerValue] of Object.entries(value)) flat[`${key}.${inner}`] = innerValue;
    else flat[key] = value;
  }
  return flat;
}

// The list is made again as each page arrives; an item's row (its fields, texts and search text) is made
// once and kept while the item is, so a page costs only its own items.
const madeFor = new WeakMap<object, ItemRow>();

/** The items as table rows, in load order. */
export function itemRows(items: readonly unknown[]): ItemRow[] {
  return items.map((item, i) => {
    const keep = typeof item === 'object' && item !== null;
    const made = keep ? madeFor.get(item) : undefined;
    if (made?.position === i + 1) return made;
    const row = made ? { ...made, id: String(i + 1), position: i + 1 } : makeRow(item, i + 1);
    if (keep) madeFor.set(item, row);
    return row;
  });
}

/** Cells are lines of the search text: a filter (one line, trimmed) never matches across two cells. */
const CELL_SEPARATOR = '\n';

// The field lists met so far (a list's items usually have one or a few), kept within a bound.
const fieldLists = new Map<string, RowFields>();
const FIELD_LISTS_KEPT = 1000;

function fieldsOf(ids: string[]): RowFields {
  const key = JSON.stringify(ids);
  let fields = fieldLists.get(key);
  if (!fields) {
    if (fieldLists.size >= FIELD_LISTS_KEPT) fieldLists.clear();
    fields = { ids, at: new Map(ids.map((id, i) => [id, i])) };
    fieldLists.set(key, fields);
  }
  return fields;
}

function makeRow(item: unknown, position: number): ItemRow {
  const values = flattenItem(item);
  const fields = fieldsOf(Object.keys(values));
  const texts = fields.ids.map((id) => valueText(values, id));
  const search = texts
    .filter((text) => text !== '')
    .join(CELL_SEPARATOR)
    .toLocaleLowerCase();
  return { id: String(position), position, item, values, fields, texts, search };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
/** A date-time with no zone at midnight is a date (Xero sends due dates so). */
const MIDNIGHT_NO_ZONE = /^(\d{4}-\d{2}-\d{2})T00:00(:00(\.0+)?)?$/;
const dateOnly = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });
const money = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

const isDateText = (value: unknown): value is string =>
  typeof value === 'string' && (ISO_DATE.test(value) || ISO_DATE_TIME.test(value));

// A day reads the same in every time zone, and lists repeat days (due dates, dates): each is formatted once.
const dayTexts = new Map<string, string>();
const DAY_TEXTS_KEPT = 5000;

function dayText(day: string): string {
  let text = dayTexts.get(day);
  if (text === undefined) {
    if (dayTexts.size >= DAY_TEXTS_KEPT) dayTexts.clear();
    text = dateOnly.format(new Date(`${day}T00:00:00Z`));
    dayTexts.set(day, text);
  }
  return text;
}

function dateText(value: string): string {
  const day = ISO_DATE.test(value) ? value : MIDNIGHT_NO_ZONE.exec(value)?.[1];
  if (day) return dayText(day);
  const time = new Date(value);
  return Number.isNaN(time.getTime()) ? value : localTime(value);
}

/** The last part of a field's path: `contact.name` → `name`. */
const fieldName = (id: string) => id.slice(id.lastIndexOf('.') + 1);

/** `requestId`, `contact.contactId`, `id`: identifiers (wide, in a fixed-width font). */
const isIdField = (id: string) => /^id$|[a-z]Id$/.test(fieldName(id));

/** What a cell shows, as text: dates formatted, money with its currency, nested values as JSON, nothing for null. */
export function cellText(row: ItemRow, columnId: string): string {
  const at = row.fields.at.get(columnId);
  return at === undefined ? '' : row.texts[at]!;
}

function valueText(values: Readonly<Record<string, unknown>>, columnId: string): string {
  const value = values[columnId];
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    const currency = values.currencyCode;
    return MONEY.has(columnId) && typeof currency === 'string' && currency !== ''
      ? `${money.format(value)} ${currency}`
      : String(value);
  }
  if (typeof value === 'string') return isDateText(value) ? dateText(value) : value;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return JSON.stringify(value);
}

/** What a cell sorts by: numbers as numbers, dates by time, the rest by their text; nothing sorts last. */
export function sortKey(row: ItemRow, columnId: string): number | string | undefined {
  const value = row.values[columnId];
  if (value === null || value === undefined || value === '') return undefined;
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (isDateText(value)) {
    const time = Date.parse(ISO_DATE.test(value) ? `${value}T00:00:00Z` : value);
    if (!Number.isNaN(time)) return time;
  }
  return cellText(row, columnId);
}

const collator = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });

/** Ascending order of two sort keys: numbers before text, text in natural order ("INV-9" before "INV-10"). */
export function compareKeys(a: number | string | undefined, b: number | string | undefined): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return collator.compare(a, b);
}

interface Keyed<K> {
  readonly index: number;
  readonly key: K;
}
interface KeyedText extends Keyed<string> {
  readonly rough: string;
}
const byNumberKey = (a: Keyed<number>, b: Keyed<number>) => a.key - b.key;
const byRough = (a: KeyedText, b: KeyedText) => (a.rough < b.rough ? -1 : a.rough > b.rough ? 1 : 0);
const byCollator = (a: KeyedText, b: KeyedText) => (a.key === b.key ? 0 : collator.compare(a.key, b.key));

// Each loaded list's columns' places, made once per list and column (a list is made again as pages arrive).
const placesMade = new WeakMap<readonly ItemRow[], Map<string, readonly (number | undefined)[]>>();

/**
 * Each row's place in a column's ascending order (`compareKeys` of `sortKey`s), by the rows' index: a
 * number, the same for equal keys, or undefined for an empty cell (it sorts last). Made once per loaded
 * list and column and kept with the list, so sorting compares two numbers instead of two texts.
 */
export function sortRanks(rows: readonly ItemRow[], columnId: string): readonly (number | undefined)[] {
  let made = placesMade.get(rows);
  if (!made) placesMade.set(rows, (made = new Map()));
  let places = made.get(columnId);
  if (!places) made.set(columnId, (places = placesOf(rows, columnId)));
  return places;
}

/**
 * A column of numbers or dates keeps its keys as they are; one with texts gets places from one sort. The
 * collator is exact but slow (~0.2 µs a comparison, ~55,000 of them to sort 5,000 texts): the texts are
 * first sorted by their lower case in plain code-unit order, which leaves them almost in the collator's
 * order, and the collator's own sort (TimSort, stable) then finishes in a few comparisons a text.
 */
function placesOf(rows: readonly ItemRow[], columnId: string): readonly (number | undefined)[] {
  const keys = rows.map((row) => sortKey(row, columnId));
  if (!keys.some((key) => typeof key === 'string')) return keys as readonly (number | undefined)[];
  const numbers: Keyed<number>[] = [];
  const texts: KeyedText[] = [];
  keys.forEach((key, index) => {
    if (typeof key === 'number') numbers.push({ index, key });
    else if (key !== undefined) texts.push({ index, key, rough: key.toLowerCase() });
  });
  const places: (number | undefined)[] = new Array<undefined>(rows.length);
  // Numbers before texts: the numbers take the first places.
  let place = -1;
  let previous: number | string | undefined;
  for (const { index, key } of numbers.sort(byNumberKey)) {
    if (key !== previous) place++;
    places[index] = place;
    previous = key;
  }
  previous = undefined;
  for (const { index, key } of texts.sort(byRough).sort(byCollator)) {
    if (previous === undefined || (key !== previous && collator.compare(previous as string, key) !== 0)) place++;
    places[index] = place;
    previous = key;
  }
  return places;
}

/** The filter text as matched: trimmed, in any case. */
export const normaliseFilter = (text: string): string => text.trim().toLocaleLowerCase();

/** Whether what any of the row's cells shows (hidden columns too) holds the (normalised) filter text. */
export const rowMatches = (row: ItemRow, wanted: string): boolean => row.search.includes(wanted);

/** `requestStatus.name` → "Status", `contact.contactId` → "Contact · contact id", `amountDue` → "Amount due". */
export function columnLabel(id: string): string {
  const known = LABELS[id];
  if (known) return known;
  const words = (name: string) =>
    name
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .replace(/[_-]+/g, ' ')
      .toLowerCase();
  const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
  const [parent, child] = id.includes('.') ? [id.slice(0, id.indexOf('.')), id.slice(id.indexOf('.') + 1)] : [id, ''];
  return child ? `${capital(words(parent))} · ${words(child)}` : capital(words(parent));
}

function kindOf(id: string, sample: unknown, hasCurrency: boolean): ColumnKind {
  if (typeof sample === 'number') return MONEY.has(id) && hasCurrency ? 'money' : 'number';
  if (typeof sample === 'boolean') return 'boolean';
  if (typeof sample === 'object' && sample !== null) return 'json';
  if (isDateText(sample)) return 'date';
  if (isIdField(id)) return 'id';
  return 'text';
}

/** The columns the rows have, in a reading order (known fields first), with which show at first. */
export function discoverColumns(rows: readonly ItemRow[]): ItemColumns {
  const samples = new Map<string, unknown>();
  let hasCurrency = false;
  // Runs again on every page over every row: a row whose field list has given every one of its columns a
  // sample already has nothing to add.
  const sampled = new Set<RowFields>();
  for (const row of rows) {
    const currency = row.values.currencyCode;
    if (typeof currency === 'string' && currency !== '') hasCurrency = true;
    if (sampled.has(row.fields)) continue;
    let complete = true;
    for (const id of row.fields.ids) {
      const sample = samples.get(id);
      if (sample !== undefined && sample !== null) continue;
      const value = row.values[id];
      samples.set(id, value);
      if (value === undefined || value === null) complete = false;
    }
    if (complete) sampled.add(row.fields);
  }
  const found = [...samples.keys()];
  const preferred = PREFERRED.filter((id) => samples.has(id));
  const order = [...preferred, ...found.filter((id) => !preferred.includes(id))];
  const shown = new Set(preferred.length >= FEW_PREFERRED ? preferred : found.slice(0, FIRST_SHOWN));
  const columns = order.map((id): ItemColumn => {
    const kind = kindOf(id, samples.get(id), hasCurrency);
    return { id, label: columnLabel(id), kind, width: WIDTHS[kind] };
  });
  const hidden = Object.fromEntries(order.filter((id) => !shown.has(id)).map((id) => [id, false]));
  return { columns, hidden };
}

/** What "Export CSV" sends: the shown columns' headings and exactly the cells shown, row by row in the shown order. */
export function exportCells(
  columns: readonly Pick<ItemColumn, 'id' | 'label'>[],
  rows: readonly ItemRow[],
): { columns: string[]; rows: string[][] } {
  return {
    columns: columns.map((c) => c.label),
    rows: rows.map((row) => columns.map((c) => cellText(row, c.id))),
  };
}

/** The item's link into Xero (or another platform), only when it is an https address. */
export function externalLink(item: unknown): string | null {
  if (!isRecord(item) || typeof item.externalUrl !== 'string') return null;
  try {
    const url = new URL(item.externalUrl);
    return url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** What a person calls an item: its friendly name or number when it has one, else its place in the list. */
export function itemTitle(row: ItemRow): string {
  for (const field of ['friendlyName', 'documentNumber', 'name', 'email']) {
    const value = row.values[field];
    if (typeof value === 'string' && value.trim() !== '') return `${value} (item ${row.position})`;
  }
  return `Item ${row.position}`;
}
