// The API workbench's "Load all pages" in Node: 20 pages through the core's dispatch against the same
// 20 requests made with a raw fetch in sequence, both to one in-process loopback server, alternating.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Result, RunResult } from '../../preload/contract';
import { nodeFetchTransport } from '../../main/core/http/node-fetch-transport';
import { startCore } from '../../main/core/service';
import { systemClock } from '../../main/core/system-clock';
import { fakePorts } from '../../test/unit/core/fakes';
import { alternate, ratioFigure, seedConnections, timeMs, type Figure } from './common';

const ITEMS = 250;
/** 250 items at 13 a page: exactly 20 pages. */
const LIMIT = 13;
const PAGES = Math.ceil(ITEMS / LIMIT);
const ROUNDS = 15;
const COMPANY = 'c0';

/** A bill shaped like the Public API's, so both sides parse the same JSON (and the table has the usual columns). */
function bill(i: number) {
  return {
    requestId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    companyId: COMPANY,
    documentNumber: `BILL-${String(i).padStart(4, '0')}`,
    reference: `Ref ${i}`,
    friendlyName: `Bill ${i}`,
    contact: { contactId: `contact-${i % 17}`, name: `Supplier ${i % 17} Ltd` },
    total: Math.round(i * 137.31) / 100,
    currencyCode: 'NZD',
    amountDue: Math.round(i * 61.7) / 100,
    dueDate: new Date(Date.UTC(2026, 0, 1) + (i % 365) * 86_400_000).toISOString().slice(0, 10),
    requestStatus: { name: 'Approved', value: 2 },
    externalUrl: `https://go.xero.com/AccountsPayable/View.aspx?InvoiceID=${i}`,
    modifiedAt: new Date(Date.UTC(2026, 10, 1) - i * 3_600_000).toISOString(),
  };
}

/** `{ payload, continuationToken }` pages of `limit` bills out of `items`; the token is the next offset. */
export function startListServer(items = ITEMS): Promise<{ apiBase: string; close(): void }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!url.pathname.endsWith('/xero/bills')) return void res.writeHead(404).end();
    const offset = Number(url.searchParams.get('continuationToken') ?? '0');
    const limit = Number(url.searchParams.get('limit') ?? '100');
    const payload = Array.from({ length: Math.max(0, Math.min(limit, items - offset)) }, (_, i) => bill(offset + i));
    const next = offset + limit < items ? { continuationToken: String(offset + limit) } : {};
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ payload, ...next }));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ apiBase: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() }),
    ),
  );
}

/** "Load all" of 20 pages through the whole app path vs the same 20 requests with raw fetch in sequence. */
export async function loadAllPages(): Promise<Figure> {
  const list = await startListServer();
  const settings = { issuer: 'http://127.0.0.1:9', clientId: 'bench', clientSecret: 'bench', redirectUri: '' };
  const { config, secrets } = await seedConnections({ ...settings, apiBase: list.apiBase }, [
    { accessToken: 'x.y.z', refreshToken: 'r', ageMs: 0 },
  ]);
  // Both sides make 20 reads a round: the budget is raised so that neither waits.
  const environments = config.environments.map((e) => ({ ...e, readsPerMinute: 10_000 }));
  const core = await startCore(fakePorts({ secrets, http: nodeFetchTransport(), clock: systemClock }), {
    ...config,
    environments,
  });
  const connectionId = '00000000-0000-4000-8000-000000000000';
  const path = `/api/v1/companies/${COMPANY}/xero/bills`;
  try {
    const catalogue = await core.dispatch('workbench:catalogue', { connectionId });
    if (!catalogue.ok) throw new Error(`catalogue failed: ${catalogue.error.message}`);
    const raw = async () => {
      let token: string | undefined;
      let pages = 0;
      do {
        const url = `${list.apiBase}${path}?limit=${LIMIT}${token ? `&continuationToken=${token}` : ''}`;
        const response = await fetch(url, { headers: { Accept: 'application/json', Authorization: 'Bearer x.y.z' } });
        token = (JSON.parse(await response.text()) as { continuationToken?: string }).continuationToken;
        pages++;
      } while (token);
      if (pages !== PAGES) throw new Error(`raw fetch read ${pages} pages, not ${PAGES}`);
    };
    const app = async () => {
      const started = (await core.dispatch('workbench:start', {
        connectionId,
        endpointId: `GET /api/v1/companies/{companyId}/xero/bills`,
        values: { companyId: COMPANY, limit: String(LIMIT) },
      })) as Result<RunResult>;
      if (!started.ok) throw new Error(`start failed: ${started.error.message}`);
      const all = (await core.dispatch('workbench:loadAll', {
        runId: started.value.progress.runId,
        maxPages: 50,
      })) as Result<RunResult>;
      if (!all.ok || all.value.progress.pages !== PAGES)
        throw new Error(`load all read ${all.ok ? all.value.progress.pages : all.error.message}, not ${PAGES} pages`);
    };
    const samples = await alternate(
      ROUNDS,
      2,
      () => timeMs(raw),
      () => timeMs(app),
    );
    return ratioFigure(
      `API workbench: load all, ${PAGES} pages of ${LIMIT}`,
      `the same ${PAGES} requests with raw fetch in sequence`,
      samples,
      1.3,
      `${ITEMS} items, loopback; each side parses every page's JSON`,
    );
  } finally {
    await core.stop();
    list.close();
  }
}
