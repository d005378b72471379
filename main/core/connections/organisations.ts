import { z } from 'zod';
import type { Organisation } from '../../../preload/contract';
import type { HttpTransport } from '../ports';
import { joinUrl } from '../urls';

const company = z
  .object({ companyId: z.string(), name: z.string() })
  .transform(({ companyId, name }) => ({ companyId, name }));
// The envelope is unconfirmed (approvalmax-api.md): a bare array, or wrapped in payload/items/data.
const companies = z.union([
  z.array(company),
  z.object({ payload: z.array(company) }).transform((o) => o.payload),
  z.object({ items: z.array(company) }).transform((o) => o.items),
  z.object({ data: z.array(company) }).transform((o) => o.data),
]);

/** The organisations a token covers; a failure's message is a clause that completes "Connected, but …". */
export async function fetchOrganisations(
  http: HttpTransport,
  apiBase: string,
  accessToken: string,
): Promise<{ ok: true; organisations: Organisation[] } | { ok: false; message: string }> {
  try {
    const response = await http(joinUrl(apiBase, '/api/v1/companies'), {
      headers: { Accept: 'application/json', Authorization: `Bearer ${accessToken}` },
      signal: AbortSignal.timeout(15_000),
    });
    if (!response.ok)
      return { ok: false, message: `the API answered HTTP ${response.status} when asked for the organisations.` };
    const body: unknown = await response.json().catch(() => undefined);
    const parsed = companies.safeParse(body);
    return parsed.success
      ? { ok: true, organisations: parsed.data }
      : { ok: false, message: 'the API answered with an organisation list this app does not understand.' };
  } catch {
    return { ok: false, message: 'the API did not answer when asked for the organisations.' };
  }
}
