import { describe, expect, it } from 'vitest';
import { fetchOrganisations } from '../../../main/core/connections/organisations';
import { fakeHttp } from '../core/fakes';

const TOKEN = 'eyJhbGciOiJQUzI1NiJ9.eyJzdWIiOiJ1In0.c2ln';
const northwind = { companyId: '3f1c2b7e', name: 'Northwind Traders Ltd' };
const kiwi = { companyId: '7a9d4e21', name: 'Kiwi Plumbing NZ' };
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('fetchOrganisations', () => {
  it('asks /api/v1/companies with the bearer token, whatever the API base ends with', async () => {
    for (const apiBase of ['https://api.example.com', 'https://api.example.com/', 'https://api.example.com/v//']) {
      const { http, requests } = fakeHttp(() => json([northwind]));
      await fetchOrganisations(http, apiBase, TOKEN);
      expect(requests).toHaveLength(1);
      expect(requests[0]?.url).toBe(`${apiBase.replace(/\/+$/, '')}/api/v1/companies`);
      const headers = new Headers(requests[0]?.init.headers);
      expect(headers.get('authorization')).toBe(`Bearer ${TOKEN}`);
      expect(headers.get('accept')).toBe('application/json');
      expect(requests[0]?.init.signal).toBeInstanceOf(AbortSignal);
    }
  });

  it.each([
    ['a bare array', [northwind, kiwi]],
    ['payload', { payload: [northwind, kiwi] }],
    ['items', { items: [northwind, kiwi], total: 2 }],
    ['data', { data: [northwind, kiwi] }],
  ])('reads the list from %s, keeping only the id and name', async (_shape, body) => {
    const withExtras = JSON.parse(JSON.stringify(body), (key, value) =>
      value && typeof value === 'object' && 'companyId' in value ? { ...value, currency: 'NZD' } : value,
    );
    const { http } = fakeHttp(() => json(withExtras));
    expect(await fetchOrganisations(http, 'https://api.example.com', TOKEN)).toEqual({
      ok: true,
      organisations: [northwind, kiwi],
    });
  });

  it('reads an empty list as no organisations', async () => {
    const { http } = fakeHttp(() => json({ items: [] }));
    expect(await fetchOrganisations(http, 'https://api.example.com', TOKEN)).toEqual({ ok: true, organisations: [] });
  });

  it.each([401, 403, 500, 503])('names the HTTP status %i in plain words', async (status) => {
    const { http } = fakeHttp(() => json({ error: 'nope' }, status));
    expect(await fetchOrganisations(http, 'https://api.example.com', TOKEN)).toEqual({
      ok: false,
      message: `the API answered HTTP ${status} when asked for the organisations.`,
    });
  });

  it.each([
    ['an object without a list', { companies: [northwind] }],
    ['entries without a name', [{ companyId: 'x' }]],
    ['a number', 42],
  ])('says it does not understand %s', async (_what, body) => {
    const { http } = fakeHttp(() => json(body));
    expect(await fetchOrganisations(http, 'https://api.example.com', TOKEN)).toEqual({
      ok: false,
      message: 'the API answered with an organisation list this app does not understand.',
    });
  });

  it('says the API did not answer when the request fails', async () => {
    const { http } = fakeHttp(() => {
      throw new TypeError('fetch failed');
    });
    expect(await fetchOrganisations(http, 'https://api.example.com', TOKEN)).toEqual({
      ok: false,
      message: 'the API did not answer when asked for the organisations.',
    });
  });

  it('does not claim "no answer" when the API answered 200 with something that is not JSON', async () => {
    const { http } = fakeHttp(
      () => new Response('<html>Wi-Fi login</html>', { status: 200, headers: { 'content-type': 'text/html' } }),
    );
    expect(await fetchOrganisations(http, 'https://api.example.com', TOKEN)).toEqual({
      ok: false,
      message: 'the API answered with an organisation list this app does not understand.',
    });
  });

  it('never puts the token into a message', async () => {
    const answers = [() => json({}, 401), () => json('x'), () => Promise.reject(new Error(`failed with ${TOKEN}`))];
    for (const answer of answers) {
      const result = await fetchOrganisations(fakeHttp(answer).http, 'https://api.example.com', TOKEN);
      expect(result.ok).toBe(false);
      expect(JSON.stringify(result)).not.toContain(TOKEN);
    }
  });
});
