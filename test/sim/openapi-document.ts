// The Public API's OpenAPI 3.0 document, served without a token at the path Swashbuckle uses.
import { COMPANY_PATH, DATA_LISTS, LIMIT, type DataList } from './data-lists';
import { ROUTES } from './endpoints';
import { API_SCOPES } from './fixtures';
import { componentSchemas, pageSchemaName, ref, SCHEMA } from './openapi-schemas';

export const OPENAPI_PATH = '/swagger/v1/swagger.json';

type Json = Record<string, unknown>;

const param = (name: string) => ({ $ref: `#/components/parameters/${name}` });

const PARAMETERS: Json = {
  companyId: {
    name: 'companyId',
    in: 'path',
    required: true,
    description: 'The organisation, as `/api/v1/companies` lists it.',
    schema: { type: 'string', format: 'uuid' },
  },
  requestId: {
    name: 'requestId',
    in: 'path',
    required: true,
    description: 'The approval request id.',
    schema: { type: 'string', format: 'uuid' },
  },
  limit: {
    name: 'limit',
    in: 'query',
    description: 'How many items a page holds.',
    schema: {
      type: 'integer',
      format: 'int32',
      minimum: LIMIT.minimum,
      maximum: LIMIT.maximum,
      default: LIMIT.default,
    },
  },
  continuationToken: {
    name: 'continuationToken',
    in: 'query',
    description: 'The previous page’s continuationToken, to get the next page.',
    schema: { type: 'string' },
  },
};

// Inline on purpose, beside the $ref'd ones: clients must handle both.
const FILTERS = [
  {
    name: 'requestStatus',
    in: 'query',
    description: 'Only requests with this status.',
    schema: ref(SCHEMA.status),
  },
  {
    name: 'modifiedSince',
    in: 'query',
    description: 'Only requests changed at or after this time.',
    schema: { type: 'string', format: 'date-time' },
  },
];

const problem = (description: string) => ({
  description,
  content: { 'application/json': { schema: ref(SCHEMA.problem) } },
});

function responses(ok: Json, extra: Record<string, string> = {}): Json {
  return {
    '200': { description: 'Success', content: { 'application/json': { schema: ok } } },
    ...Object.fromEntries(Object.entries(extra).map(([status, words]) => [status, problem(words)])),
    '401': problem('The token is missing, expired or not valid.'),
    '403': problem('The token’s connection or user has no access.'),
    '429': problem('Too many requests; wait as long as Retry-After says.'),
  };
}

const DATA_ERRORS = {
  '400': 'A value is not valid, or the organisation is disabled by its plan.',
  '404': 'Not found, or a query parameter the endpoint does not take.',
};

/** A name people search for: "Xero bills", "Standalone documents", "User profiles". */
function named(list: DataList, words: string): string {
  const text = list.platform === 'Xero' ? `Xero ${words}` : words;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function listOperation(list: DataList): Json {
  return {
    tags: [list.platform],
    summary: named(list, list.plural),
    description: `Lists the organisation's ${list.plural}, a page at a time${list.request ? ', newest change first' : ''}.`,
    operationId: `${list.operation}_GetList`,
    parameters: [param('companyId'), param('limit'), param('continuationToken'), ...(list.request ? FILTERS : [])],
    responses: responses(ref(pageSchemaName(list)), DATA_ERRORS),
  };
}

function itemOperation(list: DataList): Json {
  return {
    tags: [list.platform],
    summary: named(list, `${list.singular} by request id`),
    description: `Reads one ${list.singular}.`,
    operationId: `${list.operation}_GetById`,
    parameters: [param('companyId'), param('requestId')],
    responses: responses(ref(list.schema), DATA_ERRORS),
  };
}

const createPurchaseOrder = {
  tags: ['Xero'],
  summary: 'Create a Xero purchase order',
  description: 'Creates a purchase order and submits it for approval. Needs the write scope.',
  operationId: 'XeroPurchaseOrders_Create',
  parameters: [param('companyId')],
  requestBody: { required: true, content: { 'application/json': { schema: ref(SCHEMA.createPurchaseOrder) } } },
  responses: responses(ref('PublicApiApplicationRequestsXeroXeroPurchaseOrder'), DATA_ERRORS),
  security: [{ oauth2: [API_SCOPES.write] }],
};

function paths(): Json {
  const out: Record<string, Json> = {
    '/ping': {
      get: {
        tags: ['General'],
        summary: 'Ping',
        description: 'Checks that the API is reachable and accepts the token.',
        operationId: 'Ping_Get',
        responses: responses(ref(SCHEMA.pong)),
      },
    },
    '/api/v1/companies': {
      get: {
        tags: ['General'],
        summary: 'Organisations',
        description: 'Lists the organisations the token’s connection covers.',
        operationId: 'Companies_GetList',
        responses: responses({ type: 'array', items: ref(SCHEMA.company) }),
      },
    },
  };
  for (const list of DATA_LISTS) {
    const path = `${COMPANY_PATH}/${list.path}`;
    out[path] = { get: listOperation(list) };
    if (list.request) out[`${path}/{requestId}`] = { get: itemOperation(list) };
  }
  out[`${COMPANY_PATH}/xero/purchase-orders`]!.post = createPurchaseOrder;
  return out;
}

/** The whole document; the security scheme points at this simulator's identity server. */
export function openApiDocument(issuer: string): Json {
  return {
    openapi: '3.0.1',
    info: {
      title: 'ApprovalMax Public API',
      description: 'Read and create approval requests of ApprovalMax organisations.',
      version: 'v1',
    },
    tags: [
      { name: 'General', description: 'The API itself, organisations and their users.' },
      { name: 'Xero', description: 'Approval requests of organisations connected to Xero.' },
      { name: 'Standalone', description: 'Approval requests of standalone organisations.' },
    ],
    paths: paths(),
    components: {
      schemas: componentSchemas(),
      parameters: PARAMETERS,
      securitySchemes: {
        oauth2: {
          type: 'oauth2',
          flows: {
            authorizationCode: {
              authorizationUrl: new URL(ROUTES.authorization, issuer).href,
              tokenUrl: new URL(ROUTES.token, issuer).href,
              scopes: {
                [API_SCOPES.read]: 'Read approval requests and organisations.',
                [API_SCOPES.write]: 'Create approval requests.',
              },
            },
          },
        },
      },
    },
    security: [{ oauth2: [API_SCOPES.read] }],
  };
}
