import type { Endpoint, EndpointParameter } from '../../../preload/contract';
import { groupOfPath, nameOfPath, platformOfPath } from './endpoint-words';

// The reads the Public API is known to offer (approvalmax-api.md, "Public API"), for when the
// environment's OpenAPI document cannot be fetched or read.

/** The values `requestStatus` takes, as the Public API documents them. */
export const REQUEST_STATUSES: readonly string[] = ['Draft', 'OnReview', 'Approved', 'Rejected', 'Cancelled'];

const XERO_TYPES = ['purchase-orders', 'bills', 'credit-notes', 'sales-invoices', 'batch-payments', 'quotes'];

const param = (p: Partial<EndpointParameter> & Pick<EndpointParameter, 'name' | 'in' | 'kind'>): EndpointParameter => ({
  required: p.in === 'path',
  values: [],
  description: null,
  minimum: null,
  maximum: null,
  defaultValue: null,
  ...p,
});

const companyId = param({
  name: 'companyId',
  in: 'path',
  kind: 'company',
  description: 'The organisation to read, from those the connection covers.',
});
const requestId = param({
  name: 'requestId',
  in: 'path',
  kind: 'text',
  description: 'The id of one request, as `requestId` in a list.',
});
const limit = param({
  name: 'limit',
  in: 'query',
  kind: 'integer',
  minimum: 1,
  maximum: 100,
  defaultValue: '100',
  description: 'Items per page, 1 to 100.',
});
const continuationToken = param({
  name: 'continuationToken',
  in: 'query',
  kind: 'text',
  description: 'Where a page starts; "Next page" fills it in. Leave empty for the first page.',
});
const requestStatus = param({
  name: 'requestStatus',
  in: 'query',
  kind: 'enum',
  values: REQUEST_STATUSES,
  description: 'Only requests in this status.',
});
const modifiedSince = param({
  name: 'modifiedSince',
  in: 'query',
  kind: 'date-time',
  description: 'Only requests changed since this moment (ISO 8601, e.g. 2026-01-31T00:00:00Z).',
});

function endpoint(path: string, parameters: readonly EndpointParameter[], description: string | null = null): Endpoint {
  const platform = platformOfPath(path) ?? 'General';
  return {
    id: `GET ${path}`,
    path,
    name: nameOfPath(path, platform),
    platform,
    group: groupOfPath(path),
    description,
    paged: parameters.some((p) => p.name === 'continuationToken'),
    parameters,
  };
}

const requestLists = [limit, continuationToken, requestStatus, modifiedSince];
const organisation = '/api/v1/companies/{companyId}';

/** Every known read: availability, organisations, and per organisation its requests and user profiles. */
export const BUILT_IN_ENDPOINTS: readonly Endpoint[] = [
  endpoint('/ping', [], 'Whether the Public API is up.'),
  endpoint('/api/v1/companies', [], 'The organisations the connection covers.'),
  ...XERO_TYPES.flatMap((type) => [
    endpoint(`${organisation}/xero/${type}`, [companyId, ...requestLists]),
    endpoint(`${organisation}/xero/${type}/{requestId}`, [companyId, requestId]),
  ]),
  endpoint(`${organisation}/standalone/documents`, [companyId, ...requestLists]),
  endpoint(`${organisation}/standalone/documents/{requestId}`, [companyId, requestId]),
  endpoint(`${organisation}/userProfiles`, [companyId, limit, continuationToken], 'The organisation’s users.'),
];
