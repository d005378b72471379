import { describe, expect, it } from 'vitest';
import type { Endpoint } from '../../../preload/contract';
import { BUILT_IN_ENDPOINTS } from '../../../main/core/workbench/builtin-catalogue';
import { buildRequest } from '../../../main/core/workbench/request-builder';
import { API, BILLS, CONTOSO, NORTHWIND, valueOf, view, withoutDocument, workbenchHarness, json } from './harness';

const endpoint = (id: string): Endpoint => BUILT_IN_ENDPOINTS.find((e) => e.id === id)!;
const bills = endpoint(BILLS);
const billById = endpoint(`${BILLS}/{requestId}`);

describe('building the request from the form', () => {
  it('fills path parameters URL-encoded, and query parameters in order, leaving empty ones out', () => {
    const built = buildRequest(API, bills, {
      companyId: NORTHWIND.companyId,
      limit: ' 20 ',
      continuationToken: '',
      requestStatus: 'Approved',
      modifiedSince: '2026-01-31T00:00:00Z',
    });
    expect(built).toEqual({
      path: '/api/v1/companies/c-northwind/xero/bills?limit=20&requestStatus=Approved&modifiedSince=2026-01-31T00%3A00%3A00Z',
      url: `${API}/api/v1/companies/c-northwind/xero/bills?limit=20&requestStatus=Approved&modifiedSince=2026-01-31T00%3A00%3A00Z`,
      problems: {},
      notes: {},
    });
    const odd = buildRequest(API, billById, { companyId: 'a/b c?', requestId: 'r#1&x=y' });
    expect(odd.url).toBe(`${API}/api/v1/companies/a%2Fb%20c%3F/xero/bills/r%231%26x%3Dy`);
  });

  it('has no URL while a path parameter is missing, and says what is missing', () => {
    const built = buildRequest(API, bills, { limit: '10' });
    expect(built.url).toBeNull();
    expect(built.problems).toEqual({ companyId: 'Choose an organisation.' });
    expect(buildRequest(API, billById, { companyId: 'c' }).problems).toEqual({
      requestId: 'requestId is required: it is part of the address.',
    });
  });

  it.each([
    ['0', 'limit must be a whole number from 1 to 100.'],
    ['101', 'limit must be a whole number from 1 to 100.'],
    ['ten', 'limit must be a whole number from 1 to 100.'],
    ['2.5', 'limit must be a whole number from 1 to 100.'],
  ])('refuses limit %s in plain words, but still shows the URL', (limit, problem) => {
    const built = buildRequest(API, bills, { companyId: 'c', limit });
    expect(built.problems).toEqual({ limit: problem });
    expect(built.url).not.toBeNull();
  });

  it('refuses a date-time it cannot read, and . or .. as a path value', () => {
    expect(buildRequest(API, bills, { companyId: 'c', modifiedSince: 'last week' }).problems.modifiedSince).toMatch(
      /ISO 8601, e.g. 2026-01-31T00:00:00Z/,
    );
    expect(buildRequest(API, billById, { companyId: 'c', requestId: '..' }).problems.requestId).toMatch(
      /cannot be ".."/,
    );
  });

  it('sends an unknown status as typed, with a note; and notes an organisation the connection does not cover', () => {
    const built = buildRequest(
      API,
      bills,
      { companyId: 'c-elsewhere', requestStatus: 'OnApproval' },
      view.organisations,
    );
    expect(built.problems).toEqual({});
    expect(built.url).toContain('requestStatus=OnApproval');
    expect(built.notes.requestStatus).toMatch(/not one of the values the API lists .*Draft, OnReview/);
    expect(built.notes.companyId).toMatch(/not among those the connection covers.*403/);
    expect(buildRequest(API, bills, { companyId: CONTOSO.companyId }, view.organisations).notes).toEqual({});
  });

  it('keeps the URL under an API base that has a path of its own', () => {
    const built = buildRequest('https://gw.example.test/approvalmax/', bills, { companyId: 'c' });
    expect(built.url).toBe('https://gw.example.test/approvalmax/api/v1/companies/c/xero/bills');
  });
});

describe('preview through the workbench', () => {
  it("uses the connection's catalogue and names an endpoint that is not in it", async () => {
    const h = await workbenchHarness({ answer: withoutDocument(() => json({})) });
    const preview = valueOf(
      await h.workbench.preview({ connectionId: view.id, endpointId: BILLS, values: { companyId: 'c', limit: '5' } }),
    );
    expect(preview).toEqual({
      method: 'GET',
      url: `${API}/api/v1/companies/c/xero/bills?limit=5`,
      problems: {},
      notes: { companyId: expect.stringMatching(/not among those the connection covers/) },
    });
    expect(await h.workbench.preview({ connectionId: view.id, endpointId: 'GET /nowhere', values: {} })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument', message: expect.stringMatching(/not in the list for Sandbox/) },
    });
    expect(await h.workbench.preview({ connectionId: 'gone', endpointId: BILLS, values: {} })).toMatchObject({
      ok: false,
      error: { code: 'unknown-connection' },
    });
  });

  it('start refuses a request with problems, in plain words, without sending anything', async () => {
    const h = await workbenchHarness({ answer: withoutDocument(() => json({})) });
    const started = await h.workbench.start({ connectionId: view.id, endpointId: BILLS, values: { limit: '500' } });
    expect(started).toMatchObject({
      ok: false,
      error: {
        code: 'invalid-argument',
        message: 'The request cannot be sent yet. Choose an organisation. limit must be a whole number from 1 to 100.',
      },
    });
    expect(h.requests.filter((r) => !r.url.includes('swagger'))).toHaveLength(0);
  });
});
