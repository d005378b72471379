/** A small OpenAPI 3 document shaped like the Public API's: $refs to components, GET and POST, tags per platform. */
export function openApiFixture(): Record<string, unknown> {
  const list = (summary: string) => ({
    summary,
    tags: ['Xero'],
    parameters: [
      { $ref: '#/components/parameters/Limit' },
      { $ref: '#/components/parameters/ContinuationToken' },
      {
        name: 'requestStatus',
        in: 'query',
        description: 'Filter by status.',
        schema: { allOf: [{ $ref: '#/components/schemas/RequestStatus' }], nullable: true },
      },
      { name: 'modifiedSince', in: 'query', schema: { type: 'string', format: 'date-time' } },
      // External references: never fetched or read (either would fail here), the parameters are free text.
      { name: 'external', in: 'query', schema: { $ref: 'https://schemas.example.invalid/external.json' } },
      { name: 'local', in: 'query', schema: { $ref: './no-such-file.json#/Status' } },
    ],
    responses: {
      '200': {
        description: 'A page',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/BillPage' } } },
      },
    },
  });
  return {
    openapi: '3.0.1',
    info: { title: 'ApprovalMax Public API', version: 'v1' },
    paths: {
      '/api/v1/companies': {
        get: { summary: 'Organisations', tags: ['Companies'], responses: { '200': { description: 'ok' } } },
      },
      '/api/v1/companies/{companyId}/xero/bills': {
        parameters: [{ $ref: '#/components/parameters/CompanyId' }],
        get: list('Xero bills'),
        post: { summary: 'Create a bill', responses: { '201': { description: 'created' } } },
      },
      '/api/v1/companies/{companyId}/xero/bills/{requestId}': {
        parameters: [{ $ref: '#/components/parameters/CompanyId' }],
        get: {
          operationId: 'GetXeroBillById',
          parameters: [{ name: 'requestId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
          responses: { '200': { description: 'ok' } },
        },
        put: { summary: 'Edit a bill', responses: { '200': { description: 'ok' } } },
      },
      // Writes only: left out of the workbench.
      '/api/v1/companies/{companyId}/xero/bills/{requestId}/submit': {
        parameters: [{ $ref: '#/components/parameters/CompanyId' }],
        post: { summary: 'Submit a bill', responses: { '200': { description: 'ok' } } },
      },
      '/api/v1/companies/{companyId}/qbooks/purchase-orders': {
        get: {
          tags: ['QuickBooks'],
          parameters: [{ $ref: '#/components/parameters/CompanyId' }, { $ref: '#/components/parameters/Limit' }],
          responses: { '200': { description: 'ok' } },
        },
      },
    },
    components: {
      parameters: {
        CompanyId: { name: 'companyId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
        Limit: {
          name: 'limit',
          in: 'query',
          description: 'Items per page.',
          schema: { type: 'integer', format: 'int32', minimum: 1, maximum: 100, default: 50 },
        },
        ContinuationToken: { name: 'continuationToken', in: 'query', schema: { type: 'string' } },
      },
      schemas: {
        RequestStatus: { type: 'string', enum: ['Draft', 'OnReview', 'Approved', 'Rejected', 'Cancelled'] },
        BillPage: {
          type: 'object',
          properties: {
            payload: { type: 'array', items: { $ref: '#/components/schemas/Bill' } },
            continuationToken: { type: 'string', nullable: true },
          },
        },
        // Refers to itself, as generated schemas often do.
        Bill: {
          type: 'object',
          properties: { requestId: { type: 'string' }, parent: { $ref: '#/components/schemas/Bill' } },
        },
      },
    },
  };
}
