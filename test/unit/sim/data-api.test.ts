import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DATA_LISTS, generateItems, startSimulator, type DataList, type Simulator } from '../../sim/index';
import { callApi } from './helpers';

const NORTHWIND = '3f1c2b7e-8a41-4d6f-9b2e-5c7d8e9f0a11';
const KIWI = '7a9d4e21-3b5c-4f80-a1d2-6e7f8091a2b3';
const HARBOUR = 'c2e8f4a6-1d3b-4c5e-8f70-9a1b2c3d4e5f';
const list = (path: string): DataList => DATA_LISTS.find((l) => l.path === path)!;
const bills = (companyId: string, query = '') => `/api/v1/companies/${companyId}/xero/bills${query}`;

interface Page {
  payload: Record<string, unknown>[];
  continuationToken?: string;
}

describe('simulator Public API data endpoints', () => {
  let sim: Simulator;
  let token: string;

  beforeAll(async () => {
    sim = await startSimulator({ quiet: true });
    token = (await sim.issueTokens()).access_token;
  });
  afterEach(() => sim.resetFaults());
  afterAll(() => sim.stop());

  async function page(path: string, bearer = token, on = sim): Promise<Page> {
    const res = await callApi(on, path, bearer);
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as Page;
  }

  /** Follows continuation tokens to the end; returns every page. */
  async function allPages(path: string, query: string): Promise<Page[]> {
    const pages = [await page(`${path}?${query}`)];
    for (let token = pages[0]!.continuationToken; token !== undefined; token = pages.at(-1)!.continuationToken) {
      pages.push(await page(`${path}?${query}&continuationToken=${encodeURIComponent(token)}`));
      expect(pages.length).toBeLessThan(100);
    }
    return pages;
  }

  it('pages through all 250 bills with limit, newest change first, with no token on the last page', async () => {
    const pages = await allPages(bills(NORTHWIND), 'limit=40');
    expect(pages.map((p) => p.payload.length)).toEqual([40, 40, 40, 40, 40, 40, 10]);
    expect(pages.slice(0, -1).every((p) => typeof p.continuationToken === 'string')).toBe(true);
    expect(pages.at(-1)).not.toHaveProperty('continuationToken');
    const items = pages.flatMap((p) => p.payload);
    expect(new Set(items.map((i) => i.requestId)).size).toBe(250);
    const times = items.map((i) => Date.parse(String(i.modifiedAt)));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(items).toEqual(JSON.parse(JSON.stringify(generateItems(NORTHWIND, list('xero/bills')))));
  });

  it('answers 100 items a page by default, 50 on the third and last', async () => {
    const first = await page(bills(NORTHWIND));
    expect(first.payload).toHaveLength(100);
    const last = await page(bills(NORTHWIND, `?continuationToken=${first.continuationToken}&limit=100`));
    const end = await page(bills(NORTHWIND, `?continuationToken=${last.continuationToken}&limit=100`));
    expect(end.payload).toHaveLength(50);
    expect(end).not.toHaveProperty('continuationToken');
  });

  it('serves the same data every run, different per organisation and list', async () => {
    const again = await startSimulator({ quiet: true });
    try {
      const other = (await again.issueTokens()).access_token;
      const path = `/api/v1/companies/${KIWI}/xero/purchase-orders?limit=5`;
      expect(await page(path, other, again)).toEqual(await page(path));
      const northwind = await page(`/api/v1/companies/${NORTHWIND}/xero/purchase-orders?limit=5`);
      expect(northwind.payload[0]!.requestId).not.toEqual((await page(path)).payload[0]!.requestId);
    } finally {
      await again.stop();
    }
  });

  it('gives each list its own fields and document numbers', async () => {
    const [bill] = (await page(bills(NORTHWIND, '?limit=1'))).payload;
    expect(bill).toMatchObject({
      companyId: NORTHWIND,
      documentNumber: 'BILL-0250',
      contact: { contactId: expect.stringMatching(/^[0-9a-f-]{36}$/), name: expect.any(String) },
      currencyCode: expect.stringMatching(/^(NZD|AUD|GBP|USD)$/),
      amountDue: expect.any(Number),
      dueDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      requestStatus: { name: expect.any(String), value: expect.any(Number) },
    });
    expect(String(bill!.total)).toMatch(/^\d+(\.\d{1,2})?$/);
    const [order] = (await page(`/api/v1/companies/${NORTHWIND}/xero/purchase-orders?limit=1`)).payload;
    expect(order).toHaveProperty('deliveryDate');
    expect(order).not.toHaveProperty('amountDue');
    expect(order!.documentNumber).toBe('PO-0250');
    const all = generateItems(NORTHWIND, list('xero/bills'));
    expect(all.some((i) => 'externalUrl' in i && i.externalUrl === null)).toBe(true);
    expect(all.some((i) => 'externalUrl' in i && String(i.externalUrl).startsWith('https://go.xero.com/'))).toBe(true);
    const users = await page(`/api/v1/companies/${KIWI}/userProfiles?limit=3`);
    expect(Object.keys(users.payload[0]!)).toEqual(['userId', 'email', 'name', 'role']);
  });

  it('filters by requestStatus and modifiedSince, and pages the filtered list', async () => {
    const approved = (await allPages(bills(NORTHWIND), 'requestStatus=Approved&limit=30')).flatMap((p) => p.payload);
    const expected = generateItems(NORTHWIND, list('xero/bills')).filter(
      (i) => 'requestStatus' in i && i.requestStatus.name === 'Approved',
    );
    expect(approved.length).toBe(expected.length);
    expect(approved.length).toBeGreaterThan(30);
    expect(approved.every((i) => (i.requestStatus as { name: string }).name === 'Approved')).toBe(true);
    const since = String((await page(bills(NORTHWIND, '?limit=100'))).payload[9]!.modifiedAt);
    const recent = await page(bills(NORTHWIND, `?modifiedSince=${encodeURIComponent(since)}`));
    expect(recent.payload).toHaveLength(10);
    expect(recent).not.toHaveProperty('continuationToken');
  });

  it('reads one request by id, without an envelope', async () => {
    const [doc] = (await page(`/api/v1/companies/${KIWI}/standalone/documents?limit=1`)).payload;
    const res = await callApi(sim, `/api/v1/companies/${KIWI}/standalone/documents/${String(doc!.requestId)}`, token);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(doc);
    const missing = await callApi(sim, bills(KIWI, '/00000000-0000-4000-8000-000000000000'), token);
    expect(missing.status).toBe(404);
  });

  it('refuses bad values with 400 invalidInput naming each parameter', async () => {
    const path = bills(NORTHWIND, '?limit=101&requestStatus=Pending&modifiedSince=soon&continuationToken=bogus');
    const res = await callApi(sim, path, token);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      type: '/api/errors/invalidInput',
      title: 'Invalid input.',
      status: 400,
      detail: expect.stringContaining('between 1 and 100'),
      instance: bills(NORTHWIND),
      error: { code: 'invalidInput', title: 'Invalid input.' },
      traceId: expect.stringMatching(/^00-[0-9a-f]{32}-[0-9a-f]{16}-00$/),
    });
    const parameters = (body.error as { parameters: Record<string, unknown>[] }).parameters;
    expect(parameters.map((p) => [p.name, p.value])).toEqual([
      ['limit', '101'],
      ['requestStatus', 'Pending'],
      ['modifiedSince', 'soon'],
      ['continuationToken', 'bogus'],
    ]);
    expect(parameters.every((p) => typeof p.path === 'string' && typeof p.errorMessage === 'string')).toBe(true);
    for (const limit of ['0', 'abc', '-1', '1.5'])
      expect((await callApi(sim, bills(NORTHWIND, `?limit=${limit}`), token)).status).toBe(400);
  });

  it("refuses another list's or filter's continuation token", async () => {
    const first = await page(bills(NORTHWIND, '?limit=10'));
    const filtered = bills(NORTHWIND, `?requestStatus=Draft&continuationToken=${first.continuationToken}`);
    expect((await callApi(sim, filtered, token)).status).toBe(400);
    const otherOrg = bills(KIWI, `?continuationToken=${first.continuationToken}`);
    expect((await callApi(sim, otherOrg, token)).status).toBe(400);
  });

  it('answers 404 ProblemDetails for a query parameter the list does not take', async () => {
    for (const path of [
      bills(NORTHWIND, '?status=Approved'),
      `/api/v1/companies/${KIWI}/userProfiles?requestStatus=Draft`,
    ]) {
      const res = await callApi(sim, path, token);
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ status: 404, title: 'Not Found', traceId: expect.any(String) });
    }
  });

  it("answers 403 for an organisation the token's connection does not cover", async () => {
    const kiwiOnly = (await sim.issueTokens({ organisations: [KIWI] })).access_token;
    expect((await callApi(sim, bills(KIWI), kiwiOnly)).status).toBe(200);
    const res = await callApi(sim, bills(NORTHWIND), kiwiOnly);
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({
      status: 403,
      detail: expect.stringContaining('has no access to this organisation'),
    });
  });

  it('answers 400 "is disabled" for an organisation disabled by plan, which /companies still lists', async () => {
    const res = await callApi(sim, bills(HARBOUR), token);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ status: 400, detail: `The ${HARBOUR} is disabled.` });
    const companies = (await (await callApi(sim, '/api/v1/companies', token)).json()) as { companyId: string }[];
    expect(companies.map((c) => c.companyId)).toContain(HARBOUR);
    sim.setFaults({ planDisabled: [KIWI] });
    expect((await callApi(sim, bills(HARBOUR), token)).status).toBe(200);
    expect((await callApi(sim, `/api/v1/companies/${KIWI}/userProfiles`, token)).status).toBe(400);
  });

  it('removedFromConnections drops an organisation from /companies and its data endpoints answer 403', async () => {
    sim.setFaults({ removedFromConnections: [KIWI] });
    const companies = (await (await callApi(sim, '/api/v1/companies', token)).json()) as { companyId: string }[];
    expect(companies.map((c) => c.companyId)).toEqual([NORTHWIND, HARBOUR]);
    expect((await callApi(sim, bills(KIWI), token)).status).toBe(403);
    expect((await callApi(sim, bills(NORTHWIND), token)).status).toBe(200);
  });

  it('roleRevoked answers 403 on every call, /ping and /companies included', async () => {
    sim.setFaults({ roleRevoked: true });
    for (const path of ['/ping', '/api/v1/companies', bills(NORTHWIND)]) {
      const res = await callApi(sim, path, token);
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({
        detail: 'The user who consented no longer has a role that allows API access.',
      });
    }
    expect((await callApi(sim, '/ping')).status).toBe(401);
  });

  it('still demands a valid token on data endpoints', async () => {
    expect((await callApi(sim, bills(NORTHWIND))).status).toBe(401);
    expect((await callApi(sim, bills(NORTHWIND), 'not.a.jwt')).status).toBe(401);
  });
});
