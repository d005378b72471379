import { describe, expect, it } from 'vitest';
import type { Catalogue } from '../../../preload/contract';
import { BUILT_IN_ENDPOINTS } from '../../../main/core/workbench/builtin-catalogue';
import { MAX_DOCUMENT_BYTES } from '../../../main/core/workbench/openapi-document';
import { API, json, valueOf, view, workbenchHarness, type Answer } from './harness';
import { openApiFixture } from './openapi-fixture';

const DOC = `${API}/swagger/v1/swagger.json`;
const serveDocument: Answer = (url) =>
  url.pathname === '/swagger/v1/swagger.json' ? json(openApiFixture()) : new Response('no', { status: 404 });

describe('the endpoint catalogue from the OpenAPI document', () => {
  it('lists GET operations only, $refs dereferenced, parameters mapped, with the connection token', async () => {
    const h = await workbenchHarness({ answer: serveDocument });
    const catalogue = valueOf(await h.workbench.catalogue(view.id));
    expect(catalogue).toMatchObject({ environmentId: 'sandbox', source: 'openapi', note: null });
    expect(catalogue.fetchedAt).toBe(new Date(h.clock.now()).toISOString());
    expect(catalogue.endpoints.map((e) => e.id).sort()).toEqual([
      'GET /api/v1/companies',
      'GET /api/v1/companies/{companyId}/qbooks/purchase-orders',
      'GET /api/v1/companies/{companyId}/xero/bills',
      'GET /api/v1/companies/{companyId}/xero/bills/{requestId}',
    ]);
    const bills = catalogue.endpoints.find((e) => e.id === 'GET /api/v1/companies/{companyId}/xero/bills')!;
    expect(bills).toMatchObject({ name: 'Xero bills', platform: 'Xero', group: 'Bills', paged: true });
    const byName = Object.fromEntries(bills.parameters.map((p) => [p.name, p]));
    expect(bills.parameters[0]?.name).toBe('companyId');
    expect(byName.companyId).toMatchObject({ in: 'path', required: true, kind: 'company' });
    expect(byName.limit).toMatchObject({
      in: 'query',
      kind: 'integer',
      minimum: 1,
      maximum: 100,
      defaultValue: '50',
      description: 'Items per page.',
    });
    expect(byName.requestStatus).toMatchObject({
      kind: 'enum',
      values: ['Draft', 'OnReview', 'Approved', 'Rejected', 'Cancelled'],
      description: 'Filter by status.',
    });
    expect(byName.modifiedSince?.kind).toBe('date-time');
    expect(byName.external?.kind).toBe('text');
    expect(byName.local?.kind).toBe('text');
    const byId = catalogue.endpoints.find((e) => e.path.endsWith('{requestId}'))!;
    expect(byId).toMatchObject({ name: 'Get xero bill by id', paged: false });
    expect(byId.parameters.map((p) => [p.name, p.kind])).toEqual([
      ['companyId', 'company'],
      ['requestId', 'text'],
    ]);
    expect(catalogue.endpoints.find((e) => e.path.includes('qbooks'))).toMatchObject({
      platform: 'QuickBooks Online',
      group: 'Purchase orders',
      name: 'QuickBooks Online purchase orders',
    });
    // One request, with the token; the external $ref was never fetched.
    expect(h.requests.map((r) => r.url)).toEqual([DOC]);
    expect(new Headers(h.requests[0]?.init.headers).get('authorization')).toBe('Bearer token-1');
  });

  it('tries once without the token when the document is refused with one (401/403)', async () => {
    const h = await workbenchHarness({
      answer: (url, headers) =>
        headers.has('authorization') ? new Response('', { status: 401 }) : serveDocument(url, headers),
    });
    expect(valueOf(await h.workbench.catalogue(view.id)).source).toBe('openapi');
    expect(h.requests.map((r) => new Headers(r.init.headers).has('authorization'))).toEqual([true, false]);
  });

  it('is cached per environment in memory and on disk with its fetch time; refresh fetches again', async () => {
    const first = await workbenchHarness({ answer: serveDocument });
    const fetched = valueOf(await first.workbench.catalogue(view.id));
    valueOf(await first.workbench.catalogue(view.id));
    expect(first.requests).toHaveLength(1);
    // A new session over the same data folder: no fetch, the same list and time.
    const again = await workbenchHarness({ answer: serveDocument, dataDir: first.dataDir });
    again.clock.advance(86_400_000);
    expect(valueOf(await again.workbench.catalogue(view.id))).toEqual(fetched);
    expect(again.requests).toHaveLength(0);
    const refreshed = valueOf(await again.workbench.catalogue(view.id, true));
    expect(again.requests).toHaveLength(1);
    expect(refreshed.fetchedAt).toBe(new Date(again.clock.now()).toISOString());
    expect(refreshed.fetchedAt).not.toBe(fetched.fetchedAt);
  });

  it('a changed API address is a different document', async () => {
    const first = await workbenchHarness({ answer: serveDocument });
    valueOf(await first.workbench.catalogue(view.id));
    const moved = await workbenchHarness({
      answer: serveDocument,
      dataDir: first.dataDir,
      env: { apiBase: 'https://other.example.test' },
    });
    valueOf(await moved.workbench.catalogue(view.id));
    expect(moved.requests.map((r) => r.url)).toEqual(['https://other.example.test/swagger/v1/swagger.json']);
  });

  it('a failed refresh keeps the list read before, saying why', async () => {
    let up = true;
    const h = await workbenchHarness({
      answer: (url, headers) => (up ? serveDocument(url, headers) : new Response('', { status: 503 })),
    });
    valueOf(await h.workbench.catalogue(view.id));
    up = false;
    const kept = valueOf(await h.workbench.catalogue(view.id, true));
    expect(kept.source).toBe('openapi');
    expect(kept.endpoints).toHaveLength(4);
    expect(kept.note).toMatch(/could not be refreshed because the server answered HTTP 503.*try "Refresh" again/);
  });
});

describe('the built-in catalogue when the document cannot be used', () => {
  const builtIn = async (answer: Answer): Promise<Catalogue> => {
    const h = await workbenchHarness({ answer });
    const catalogue = valueOf(await h.workbench.catalogue(view.id));
    expect(catalogue.source).toBe('built-in');
    expect(catalogue.fetchedAt).toBeNull();
    expect(catalogue.endpoints).toBe(BUILT_IN_ENDPOINTS);
    return catalogue;
  };

  it.each([
    ['a 404', () => new Response('', { status: 404 }), /answered HTTP 404 when asked for it/],
    ['not JSON', () => new Response('<html>'), /is not JSON/],
    ['JSON that is not OpenAPI', () => json({ hello: 'world' }), /not an OpenAPI document this app can read/],
    ['a document without reads', () => json({ ...openApiFixture(), paths: {} }), /lists no GET operations/],
    [
      'a document over the size cap',
      () => new Response('{}', { headers: { 'content-length': String(MAX_DOCUMENT_BYTES + 1) } }),
      /larger than 10 MB/,
    ],
    [
      'a body that grows past the cap',
      () => new Response(new Uint8Array(MAX_DOCUMENT_BYTES + 10).fill(32)),
      /larger than 10 MB/,
    ],
    [
      'no answer',
      () => Promise.reject(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ENOTFOUND' } })),
      /address could not be found/,
    ],
  ] as const)('%s: the reason in plain words', async (_, answer, reason) => {
    const catalogue = await builtIn(answer as Answer);
    expect(catalogue.note).toMatch(reason);
    expect(catalogue.note).toContain(DOC);
    expect(catalogue.note).toMatch(/the app's own list of the known reads/);
  });

  it('holds every known read: organisations, the six Xero types each also by id, documents, user profiles, ping', () => {
    const paths = BUILT_IN_ENDPOINTS.map((e) => e.path);
    for (const type of ['purchase-orders', 'bills', 'credit-notes', 'sales-invoices', 'batch-payments', 'quotes']) {
      expect(paths).toContain(`/api/v1/companies/{companyId}/xero/${type}`);
      expect(paths).toContain(`/api/v1/companies/{companyId}/xero/${type}/{requestId}`);
    }
    expect(paths).toEqual(
      expect.arrayContaining([
        '/ping',
        '/api/v1/companies',
        '/api/v1/companies/{companyId}/standalone/documents',
        '/api/v1/companies/{companyId}/standalone/documents/{requestId}',
        '/api/v1/companies/{companyId}/userProfiles',
      ]),
    );
    const po = BUILT_IN_ENDPOINTS.find((e) => e.path.endsWith('/xero/purchase-orders'))!;
    expect(po).toMatchObject({ name: 'Xero purchase orders', platform: 'Xero', group: 'Purchase orders', paged: true });
    expect(po.parameters.map((p) => p.name)).toEqual([
      'companyId',
      'limit',
      'continuationToken',
      'requestStatus',
      'modifiedSince',
    ]);
    expect(BUILT_IN_ENDPOINTS.find((e) => e.path.endsWith('/xero/bills/{requestId}'))?.name).toBe(
      'Xero bill by request id',
    );
    expect(new Set(BUILT_IN_ENDPOINTS.map((e) => e.id)).size).toBe(BUILT_IN_ENDPOINTS.length);
  });
});
