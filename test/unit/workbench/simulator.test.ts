import { describe, expect, it } from 'vitest';
import type { Catalogue, ConnectionView, RunResult } from '../../../preload/contract';
import { useSimulatorHarness, valueOf } from '../connections/sim-harness';

const BILLS = 'GET /api/v1/companies/{companyId}/xero/bills';

describe('the workbench against the simulator', () => {
  const simulator = useSimulatorHarness();

  it('reads the endpoints from its OpenAPI document, then every page of bills of an organisation by name', async () => {
    const h = await simulator.harness();
    const view = valueOf<ConnectionView>(await h.dispatch('connections:connect', { environmentId: 'sim' }));
    const catalogue = valueOf<Catalogue>(await h.dispatch('workbench:catalogue', { connectionId: view.id }));
    expect(catalogue.source).toBe('openapi');
    expect(catalogue.endpoints.map((e) => e.id)).toContain(BILLS);
    const northwind = view.organisations.find((o) => o.name === 'Northwind Traders Ltd')!;
    const request = {
      connectionId: view.id,
      endpointId: BILLS,
      values: { companyId: northwind.companyId, limit: '100' },
    };
    const first = valueOf<RunResult>(await h.dispatch('workbench:start', request));
    expect(first.progress).toMatchObject({ state: 'more', pages: 1, items: 100 });
    const all = valueOf<RunResult>(
      await h.dispatch('workbench:loadAll', { runId: first.progress.runId, maxPages: 50 }),
    );
    expect(all.progress.state).toBe('done');
    expect(all.progress.items).toBeGreaterThan(100);
    const ids = [...first.pages, ...all.pages].flatMap((p) =>
      p.items.map((i) => (i as { requestId: string }).requestId),
    );
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('explains an organisation whose plan has no API access, by name', async () => {
    const h = await simulator.harness();
    const view = valueOf<ConnectionView>(await h.dispatch('connections:connect', { environmentId: 'sim' }));
    const harbour = view.organisations.find((o) => o.name === 'Harbour Accounting Pty')!;
    const result = valueOf<RunResult>(
      await h.dispatch('workbench:start', {
        connectionId: view.id,
        endpointId: BILLS,
        values: { companyId: harbour.companyId },
      }),
    );
    expect(result.progress).toMatchObject({ state: 'failed', failedPage: 1 });
    expect(result.pages[0]?.report.verdict).toMatchObject({
      outcome: 'api-access-disabled',
      headline: 'The ApprovalMax plan of Harbour Accounting Pty does not include API access (HTTP 400).',
    });
  });
});
