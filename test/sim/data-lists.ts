// The Public API's data lists: one table that the routes, the item generator and the OpenAPI document share.

/** Where the Public API's data endpoints live; `{companyId}` is the organisation. */
export const COMPANY_PATH = '/api/v1/companies/{companyId}';

/** One list the Public API serves under `/api/v1/companies/{companyId}/`. */
export interface DataList {
  /** Path under the organisation, e.g. `xero/bills`; also the list's key. */
  readonly path: string;
  readonly platform: 'Xero' | 'Standalone' | 'General';
  /** Words for descriptions, e.g. "bill" / "bills". */
  readonly singular: string;
  readonly plural: string;
  /** Approval requests: documentNumber prefix, `/{requestId}` item endpoint, `requestStatus`/`modifiedSince` filters. */
  readonly request: boolean;
  /** Prefix of `documentNumber`, e.g. `BILL` → "BILL-0042" (requests only). */
  readonly prefix: string;
  /** Item schema name in the OpenAPI document (ASP.NET's namespace-and-type style). */
  readonly schema: string;
  /** OperationId stem, e.g. `XeroBills` → `XeroBills_GetList`. */
  readonly operation: string;
}

function xero(path: string, singular: string, plural: string, prefix: string, type: string): DataList {
  const schema = `PublicApiApplicationRequestsXeroXero${type}`;
  return {
    path: `xero/${path}`,
    platform: 'Xero',
    singular,
    plural,
    request: true,
    prefix,
    schema,
    operation: `Xero${type}s`,
  };
}

export const DATA_LISTS: readonly DataList[] = [
  xero('purchase-orders', 'purchase order', 'purchase orders', 'PO', 'PurchaseOrder'),
  xero('bills', 'bill', 'bills', 'BILL', 'Bill'),
  xero('credit-notes', 'credit note', 'credit notes', 'CN', 'CreditNote'),
  xero('sales-invoices', 'sales invoice', 'sales invoices', 'INV', 'SalesInvoice'),
  xero('batch-payments', 'batch payment', 'batch payments', 'BP', 'BatchPayment'),
  xero('quotes', 'quote', 'quotes', 'QU', 'Quote'),
  {
    path: 'standalone/documents',
    platform: 'Standalone',
    singular: 'standalone document',
    plural: 'standalone documents',
    request: true,
    prefix: 'DOC',
    schema: 'PublicApiApplicationRequestsStandaloneStandaloneDocument',
    operation: 'StandaloneDocuments',
  },
  {
    path: 'userProfiles',
    platform: 'General',
    singular: 'user profile',
    plural: 'user profiles',
    request: false,
    prefix: '',
    schema: 'PublicApiApplicationUsersUserProfile',
    operation: 'UserProfiles',
  },
];

/** Approval request statuses: the `requestStatus` filter takes the name, items carry `{ name, value }`. */
export const REQUEST_STATUSES = [
  { name: 'Draft', value: 0 },
  { name: 'OnReview', value: 1 },
  { name: 'Approved', value: 2 },
  { name: 'Rejected', value: 3 },
  { name: 'Cancelled', value: 4 },
] as const;

export type RequestStatusName = (typeof REQUEST_STATUSES)[number]['name'];

/** Items per list per organisation. */
export const ITEMS_PER_LIST = 250;

/** `limit`'s bounds and default on every list. */
export const LIMIT = { minimum: 1, maximum: 100, default: 100 } as const;

/** The query parameters a list accepts; any other name is answered 404, as the real API does. */
export function listParameters(list: DataList): readonly string[] {
  return list.request
    ? ['limit', 'continuationToken', 'requestStatus', 'modifiedSince']
    : ['limit', 'continuationToken'];
}

/** Finds the list by its path under the organisation (case-insensitive, like ASP.NET routing). */
export function dataListByPath(path: string): DataList | undefined {
  const lower = path.toLowerCase();
  return DATA_LISTS.find((list) => list.path.toLowerCase() === lower);
}
