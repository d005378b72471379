// Deterministic data for the Public API's lists: seeded from the organisation and the list, the same every run.
import { createHash } from 'node:crypto';
import { ITEMS_PER_LIST, REQUEST_STATUSES, type DataList } from './data-lists';

/** An approval request as the simulated lists answer it. */
export interface RequestItem {
  requestId: string;
  companyId: string;
  documentNumber: string;
  reference: string;
  friendlyName: string;
  contact: { contactId: string; name: string };
  total: number;
  currencyCode: string;
  /** Bills only. */
  amountDue?: number;
  dueDate?: string;
  /** Purchase orders only. */
  deliveryDate?: string;
  requestStatus: { name: string; value: number };
  externalUrl: string | null;
  modifiedAt: string;
}

/** A user of the organisation, as `userProfiles` answers it. */
export interface UserProfile {
  userId: string;
  email: string;
  name: string;
  role: string;
}

/** The newest item's modifiedAt; older items step back from it, so the data never depends on today's date. */
const NEWEST = Date.parse('2025-11-28T09:30:00Z');

const CONTACTS = [
  'Acme Supplies Ltd', 'Bayside Office Furniture', 'City Couriers', 'Delta Electrical', 'Eastside Print Co',
  'Fern Cleaning Services', 'Global Freight', 'Harbourview Catering', 'Ironbark Timber', 'Jade Stationery',
  'Kauri Legal', 'Lakeside Motors', 'Metro Telecom', 'Northern Fuels', 'Orchard Produce',
  'Pacific Insurance Brokers', 'Quay Street Cafe', 'Ridgeline IT Services', 'Southern Cross Security',
  'Tasman Packaging', 'Urban Landscaping', 'Vista Marketing', 'Westpoint Hardware', 'Zenith Consulting',
]; // prettier-ignore
const FIRST_NAMES = [
  'Aroha', 'Ben', 'Chloe', 'Daniel', 'Ella', 'Finn', 'Grace', 'Hamish', 'Isla', 'Jack', 'Kiri', 'Liam',
  'Mia', 'Noah', 'Olivia', 'Priya', 'Quinn', 'Ruby', 'Sam', 'Tane', 'Uma', 'Victor', 'Wiremu', 'Zoe',
]; // prettier-ignore
const LAST_NAMES = [
  'Anderson', 'Brown', 'Chen', 'Davies', 'Edwards', 'Fraser', 'Gupta', 'Henare', 'Ito', 'Jones', 'Kumar', 'Lee',
  'Mitchell', 'Ngata', "O'Brien", 'Patel', 'Reid', 'Singh', 'Taylor', 'Walker', 'Wilson', 'Young', 'Zhang', 'Moore',
]; // prettier-ignore
const CURRENCIES = ['NZD', 'AUD', 'GBP', 'USD'];
const ROLES = ['Administrator', 'Manager', 'Approver', 'Approver', 'Submitter', 'Submitter', 'Submitter', 'Auditor'];
/** Roughly how often each status turns up: mostly approved, some on review, a few of the rest. */
const STATUS_WEIGHTS = [10, 25, 45, 10, 10];

const XERO_URLS: Record<string, string> = {
  'xero/purchase-orders': 'https://go.xero.com/Accounts/Payable/PurchaseOrders/View/',
  'xero/bills': 'https://go.xero.com/AccountsPayable/View.aspx?InvoiceID=',
  'xero/credit-notes': 'https://go.xero.com/AccountsPayable/ViewCreditNote.aspx?creditNoteID=',
  'xero/sales-invoices': 'https://go.xero.com/AccountsReceivable/View.aspx?InvoiceID=',
  'xero/batch-payments': 'https://go.xero.com/Bank/ViewBatchPayment.aspx?batchPaymentID=',
  'xero/quotes': 'https://go.xero.com/Accounts/Receivable/Quotes/View/',
};

function digest(seed: string): Buffer {
  return createHash('sha256').update(seed).digest();
}

/** A UUID (version 4 layout) that always comes out the same for the same seed. */
export function seededUuid(seed: string): string {
  const b = digest(seed);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = b.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** mulberry32: a small seeded generator of numbers in [0, 1). */
function random(seed: string): () => number {
  let state = digest(seed).readUInt32LE(0);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(next: () => number, values: readonly T[]): T {
  return values[Math.floor(next() * values.length)]!;
}

function weighted(next: () => number, weights: readonly number[]): number {
  let roll = next() * weights.reduce((a, b) => a + b, 0);
  for (const [i, w] of weights.entries()) if ((roll -= w) < 0) return i;
  return weights.length - 1;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const title = (words: string) => words.charAt(0).toUpperCase() + words.slice(1);

function requestItems(companyId: string, list: DataList): RequestItem[] {
  const seed = `${companyId}|${list.path}`;
  const next = random(seed);
  const homeCurrency = pick(random(companyId), CURRENCIES);
  let modified = NEWEST;
  return Array.from({ length: ITEMS_PER_LIST }, (_, i) => {
    if (i > 0) modified -= Math.floor((10 + next() * 20 * 60) * 60) * 1000; // 10 minutes to 20 hours earlier
    const number = `${list.prefix}-${String(ITEMS_PER_LIST - i).padStart(4, '0')}`;
    const contactName = pick(next, CONTACTS);
    const status = REQUEST_STATUSES[weighted(next, STATUS_WEIGHTS)]!;
    const total = round2(20 + next() ** 2 * 24_980);
    const xeroUrl = XERO_URLS[list.path];
    const item: RequestItem = {
      requestId: seededUuid(`${seed}|${i}|request`),
      companyId,
      documentNumber: number,
      reference: `REF-${1000 + Math.floor(next() * 9000)}`,
      friendlyName: `${title(list.singular)} ${number} - ${contactName}`,
      contact: { contactId: seededUuid(`${companyId}|contact|${contactName}`), name: contactName },
      total,
      currencyCode: next() < 0.7 ? homeCurrency : pick(next, CURRENCIES),
      requestStatus: { name: status.name, value: status.value },
      // Drafts have not reached Xero yet; standalone documents never do.
      externalUrl: xeroUrl && status.name !== 'Draft' ? `${xeroUrl}${seededUuid(`${seed}|${i}|xero`)}` : null,
      modifiedAt: new Date(modified).toISOString(),
    };
    const later = isoDate(modified + Math.floor(7 + next() * 38) * 86_400_000);
    if (list.path === 'xero/bills') {
      item.amountDue = status.name === 'Approved' ? round2(total * Math.floor(next() * 4) * 0.25) : total;
      item.dueDate = later;
    } else if (list.path === 'xero/purchase-orders') item.deliveryDate = later;
    return reorder(item);
  });
}

/** Keeps the JSON field order of the API (amountDue/dueDate/deliveryDate right after currencyCode). */
function reorder(item: RequestItem): RequestItem {
  const { requestStatus, externalUrl, modifiedAt, ...rest } = item;
  return { ...rest, requestStatus, externalUrl, modifiedAt };
}

function userProfiles(companyId: string): UserProfile[] {
  const next = random(`${companyId}|userProfiles`);
  const names = FIRST_NAMES.flatMap((first) => LAST_NAMES.map((last) => [first, last] as const));
  for (let i = names.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [names[i], names[j]] = [names[j]!, names[i]!];
  }
  const domain = `org-${companyId.slice(0, 8)}.example`;
  return names
    .slice(0, ITEMS_PER_LIST)
    .map(([first, last], i) => ({
      userId: seededUuid(`${companyId}|user|${i}`),
      email: `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '') + `@${domain}`,
      name: `${first} ${last}`,
      role: pick(next, ROLES),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
}

const cache = new Map<string, readonly (RequestItem | UserProfile)[]>();

/**
 * Every item of one list of one organisation, in the order the API pages through them: requests by
 * modifiedAt, newest first; user profiles by name. Frozen and cached: the same array on every call.
 */
export function generateItems(companyId: string, list: DataList): readonly (RequestItem | UserProfile)[] {
  const key = `${companyId}|${list.path}`;
  let items = cache.get(key);
  if (!items) {
    const fresh: (RequestItem | UserProfile)[] = list.request ? requestItems(companyId, list) : userProfiles(companyId);
    items = Object.freeze(fresh.map((item) => Object.freeze(item)));
    cache.set(key, items);
  }
  return items;
}
