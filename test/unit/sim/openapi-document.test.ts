import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../sim/index';
import { callApi } from './helpers';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const COMPANY = '/api/v1/companies/{companyId}';
const XERO = ['purchase-orders', 'bills', 'credit-notes', 'sales-invoices', 'batch-payments', 'quotes'];
/** Every GET the agreed API lists (written out here, not derived from the simulator's own table). */
const EXPECTED_GETS = [
  '/ping',
  '/api/v1/companies',
  ...XERO.flatMap((type) => [`${COMPANY}/xero/${type}`, `${COMPANY}/xero/${type}/{requestId}`]),
  `${COMPANY}/standalone/documents`,
  `${COMPANY}/standalone/documents/{requestId}`,
  `${COMPANY}/userProfiles`,
].sort();

describe("the simulator's OpenAPI document", () => {
  let sim: Simulator;
  let raw: Json;

  beforeAll(async () => {
    sim = await startSimulator({ quiet: true });
    const res = await fetch(sim.openApiUrl); // no token
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    raw = (await res.json()) as Json;
  });
  afterAll(() => sim.stop());

  it('is served at /swagger/v1/swagger.json and is valid OpenAPI 3.0', async () => {
    expect(sim.openApiUrl).toBe(`${sim.apiBase}/swagger/v1/swagger.json`);
    expect(raw.openapi).toMatch(/^3\.0\./);
    await expect(SwaggerParser.validate(structuredClone(raw) as never)).resolves.toBeTruthy();
  });

  it('lists exactly the agreed GET endpoints, plus one POST a read-only client must leave out', () => {
    const gets = Object.entries(raw.paths as Json)
      .filter(([, item]) => 'get' in item)
      .map(([path]) => path)
      .sort();
    expect(gets).toEqual(EXPECTED_GETS);
    const others = Object.entries(raw.paths as Json).flatMap(([path, item]) =>
      Object.keys(item as Json)
        .filter((method) => method !== 'get')
        .map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(others).toEqual([`POST ${COMPANY}/xero/purchase-orders`]);
  });

  it('gives every operation a unique operationId, a tag per platform and a description', () => {
    const operations = Object.values(raw.paths as Json).flatMap((item) => Object.values(item as Json)) as Json[];
    const ids = operations.map((op) => op.operationId as string);
    expect(new Set(ids).size).toBe(operations.length);
    expect(operations.every((op) => typeof op.description === 'string' && op.description.length > 0)).toBe(true);
    const tagOf = (path: string) => (raw.paths[path].get.tags as string[])[0];
    expect(tagOf(`${COMPANY}/xero/bills`)).toBe('Xero');
    expect(tagOf(`${COMPANY}/standalone/documents`)).toBe('Standalone');
    expect(tagOf('/ping')).toBe('General');
    expect(tagOf(`${COMPANY}/userProfiles`)).toBe('General');
  });

  it('describes list parameters partly by $ref, with limit bounds, the status enum and date-time', async () => {
    const bills = raw.paths[`${COMPANY}/xero/bills`].get.parameters as Json[];
    expect(bills.some((p) => p.$ref === '#/components/parameters/limit')).toBe(true);
    expect(bills.some((p) => p.name === 'modifiedSince')).toBe(true);
    const api = (await SwaggerParser.dereference(structuredClone(raw) as never)) as Json;
    const params = Object.fromEntries(
      (api.paths[`${COMPANY}/xero/bills`].get.parameters as Json[]).map((p) => [p.name, p]),
    );
    expect(Object.keys(params).sort()).toEqual([
      'companyId',
      'continuationToken',
      'limit',
      'modifiedSince',
      'requestStatus',
    ]);
    expect(params.limit).toMatchObject({
      in: 'query',
      schema: { type: 'integer', minimum: 1, maximum: 100, default: 100 },
    });
    expect(params.requestStatus.schema.enum).toEqual(['Draft', 'OnReview', 'Approved', 'Rejected', 'Cancelled']);
    expect(params.continuationToken.schema).toMatchObject({ type: 'string' });
    expect(params.modifiedSince.schema).toMatchObject({ type: 'string', format: 'date-time' });
    expect(params.companyId).toMatchObject({ in: 'path', required: true });
    const ok = api.paths[`${COMPANY}/xero/bills`].get.responses['200'].content['application/json'].schema;
    expect(Object.keys(ok.properties)).toEqual(['payload', 'continuationToken']);
    expect(ok.properties.payload.items.properties).toHaveProperty('amountDue');
  });

  it('names response schemas like the real API', () => {
    const bill = raw.paths[`${COMPANY}/xero/bills/{requestId}`].get.responses['200'].content['application/json'].schema;
    expect(bill).toEqual({ $ref: '#/components/schemas/PublicApiApplicationRequestsXeroXeroBill' });
    expect(raw.components.schemas).toHaveProperty('PublicApiApplicationRequestsXeroXeroPurchaseOrder');
  });

  it('every GET it lists is served (none answers 404 for an organisation the token covers)', async () => {
    const token = (await sim.issueTokens()).access_token;
    const companyId = sim.organisations[0]!.companyId;
    const lists = EXPECTED_GETS.filter((p) => p.startsWith(COMPANY) && !p.endsWith('{requestId}'));
    for (const template of lists) {
      const path = template.replace('{companyId}', companyId);
      const res = await callApi(sim, `${path}?limit=1`, token);
      expect(res.status, path).toBe(200);
      const { payload } = (await res.json()) as { payload: Json[] };
      if (!template.endsWith('userProfiles')) {
        const item = await callApi(sim, `${path}/${String(payload[0]!.requestId)}`, token);
        expect(item.status, `${path}/{requestId}`).toBe(200);
      }
    }
  });
});
