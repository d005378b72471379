// The OpenAPI document's `components.schemas`, named the way ASP.NET's generator names the real API's types.
import { DATA_LISTS, REQUEST_STATUSES, type DataList } from './data-lists';

type Schema = Record<string, unknown>;

export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

export const SCHEMA = {
  problem: 'MicrosoftAspNetCoreMvcProblemDetails',
  status: 'PublicApiApplicationRequestsRequestStatus',
  statusInfo: 'PublicApiApplicationRequestsRequestStatusInfo',
  contact: 'PublicApiApplicationRequestsContact',
  company: 'PublicApiApplicationCompaniesCompany',
  pong: 'PublicApiApplicationPingPingResponse',
  createPurchaseOrder: 'PublicApiApplicationRequestsXeroCreateXeroPurchaseOrderRequest',
} as const;

/** The envelope schema of a list's pages. */
export const pageSchemaName = (list: DataList) => `${list.schema}PublicApiPagedResponse`;

const text = (description: string, extra: Schema = {}): Schema => ({ type: 'string', description, ...extra });
const uuid = (description: string): Schema => text(description, { format: 'uuid' });
const money = (description: string): Schema => ({ type: 'number', format: 'double', description });
const object = (properties: Record<string, Schema>, required: string[] = []): Schema => ({
  type: 'object',
  ...(required.length ? { required } : {}),
  properties,
  additionalProperties: false,
});

function requestSchema(list: DataList): Schema {
  const properties: Record<string, Schema> = {
    requestId: uuid('The approval request id.'),
    companyId: uuid('The organisation id.'),
    documentNumber: text(`The ${list.singular}'s number, e.g. "${list.prefix}-0042".`),
    reference: text('The reference typed on the document.'),
    friendlyName: text('A name people recognise the request by.'),
    contact: ref(SCHEMA.contact),
    total: money('The total, with two decimals.'),
    currencyCode: text('ISO 4217 currency code.'),
  };
  if (list.path === 'xero/bills') {
    properties.amountDue = money('What is still to be paid.');
    properties.dueDate = text('When payment is due.', { format: 'date' });
  }
  if (list.path === 'xero/purchase-orders')
    properties.deliveryDate = text('When delivery is expected.', { format: 'date' });
  properties.requestStatus = ref(SCHEMA.statusInfo);
  properties.externalUrl = text('Where the document is in Xero; null when it is not there (yet).', {
    format: 'uri',
    nullable: true,
  });
  properties.modifiedAt = text('When the request last changed.', { format: 'date-time' });
  return object(properties, ['requestId', 'companyId', 'requestStatus', 'modifiedAt']);
}

const userProfileSchema = object(
  {
    userId: uuid('The user id.'),
    email: text('The user’s email address.', { format: 'email' }),
    name: text('The user’s full name.'),
    role: text('The user’s role in the organisation.'),
  },
  ['userId', 'email'],
);

function pageSchema(list: DataList): Schema {
  return object(
    {
      payload: { type: 'array', items: ref(list.schema), description: `This page's ${list.plural}.` },
      continuationToken: text('Pass it back to get the next page; absent on the last page.', { nullable: true }),
    },
    ['payload'],
  );
}

const SHARED: Record<string, Schema> = {
  [SCHEMA.problem]: {
    type: 'object',
    properties: {
      type: text('A URI reference naming the problem type.', { nullable: true }),
      title: text('A short summary of the problem.', { nullable: true }),
      status: { type: 'integer', format: 'int32', nullable: true },
      detail: text('What went wrong with this request.', { nullable: true }),
      instance: text('The request path.', { nullable: true }),
    },
    additionalProperties: {},
  },
  [SCHEMA.status]: {
    type: 'string',
    description: 'Where an approval request stands.',
    enum: REQUEST_STATUSES.map((s) => s.name),
  },
  [SCHEMA.statusInfo]: object({ name: ref(SCHEMA.status), value: { type: 'integer', format: 'int32' } }, [
    'name',
    'value',
  ]),
  [SCHEMA.contact]: object({ contactId: uuid('The contact id.'), name: text('The contact name.') }),
  [SCHEMA.company]: object({ companyId: uuid('The organisation id.'), name: text('The organisation name.') }, [
    'companyId',
    'name',
  ]),
  [SCHEMA.pong]: object({ message: text('Always "pong".') }),
  [SCHEMA.createPurchaseOrder]: object(
    {
      contactId: uuid('The supplier.'),
      reference: text('The reference to print on the order.'),
      deliveryDate: text('When delivery is expected.', { format: 'date' }),
      lineItems: { type: 'array', items: { type: 'object', additionalProperties: {} } },
    },
    ['contactId'],
  ),
};

/** Every schema the document names. */
export function componentSchemas(): Record<string, Schema> {
  const schemas: Record<string, Schema> = { ...SHARED };
  for (const list of DATA_LISTS) {
    schemas[list.schema] = list.request ? requestSchema(list) : userProfileSchema;
    schemas[pageSchemaName(list)] = pageSchema(list);
  }
  return schemas;
}
