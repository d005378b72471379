import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { generateItems } from '../sim/data-generator';
import { DATA_LISTS } from '../sim/data-lists';
import type { Simulator } from '../sim/index';
import { runsInShell } from './app-launcher';
import { expect, expectNoStackTrace, test } from './fixtures';
import { connectAs } from './sign-in';

const NORTHWIND = 'Northwind Traders Ltd';
const HARBOUR = 'Harbour Accounting Pty';

/** Connects Northwind and Harbour, then opens "Browse API data" and picks `endpoint` by searching its name. */
async function openWorkbench(app: Parameters<typeof connectAs>[0], window: Page, sim: Simulator, endpoint: string) {
  await connectAs(app, window, sim, [NORTHWIND, HARBOUR]);
  await expect(window.getByRole('status')).toContainText(`Connected ${NORTHWIND} + 1 more.`);
  await window.getByRole('link', { name: 'Browse API data' }).click();
  await window.getByTestId('workbench-endpoint-search').fill(endpoint.toLowerCase().replace('xero ', ''));
  await window.getByRole('radio', { name: endpoint }).check();
}

const table = (window: Page) => window.getByRole('table', { name: 'Loaded items' });
const loadedHeading = (window: Page, count: number) =>
  window.getByRole('heading', { name: `Loaded items (${count.toLocaleString('en-GB')})` });

test.describe('API workbench', () => {
  test('first page, next page, then load all through a rate limit that makes it wait', async ({ app, window, sim }) => {
    // Two reads per 4 s: "Load all" is told to wait by the API (429 + Retry-After) and resumes by itself.
    sim.setFaults({ readsPerMinute: 2, rateWindowSeconds: 4 });
    await openWorkbench(app, window, sim, 'Xero bills');
    await window.getByTestId('workbench-organisation').selectOption({ label: NORTHWIND });
    await window.getByLabel('limit', { exact: true }).fill('50');
    await expect(window.getByTestId('workbench-request-line')).toContainText(
      `GET ${sim.apiBase}/api/v1/companies/${sim.organisations[0]!.companyId}/xero/bills?limit=50`,
    );

    await window.getByRole('button', { name: 'Get first page' }).click();
    await expect(loadedHeading(window, 50)).toBeVisible();
    await window.getByRole('button', { name: 'Next page' }).click();
    await expect(loadedHeading(window, 100)).toBeVisible();

    await window.getByRole('button', { name: 'Load all pages' }).click();
    await expect(window.locator('.wb-waiting')).toContainText(/Waiting|wait/i);
    await expect(loadedHeading(window, 250)).toBeVisible({ timeout: 30_000 });
    await expect(window.getByRole('list', { name: 'Pages loaded' }).getByRole('listitem')).toHaveCount(5);
    // The first rows are the simulator's own first bills, in its order.
    const first = generateItems(
      sim.organisations[0]!.companyId,
      DATA_LISTS.find((l) => l.path === 'xero/bills')!,
    )[0] as { documentNumber: string };
    await expect(table(window).getByRole('row').nth(1)).toContainText(first.documentNumber);
    await expectNoStackTrace(window);
  });

  test('an organisation whose plan has no API access is explained', async ({ app, window, sim }) => {
    await openWorkbench(app, window, sim, 'Xero purchase orders');
    await window.getByTestId('workbench-organisation').selectOption({ label: HARBOUR });
    await window.getByRole('button', { name: 'Get first page' }).click();
    await expect(window.getByRole('alert')).toContainText('Page 1 failed');
    await expect(window.getByText(/plan/i).first()).toBeVisible();
    await expect(window.getByText(/Premium|trial/).first()).toBeVisible();
    await expect(window.getByText('[object Object]')).toHaveCount(0);
    await expectNoStackTrace(window);
  });

  test('a 500 on page 3 keeps the pages loaded and retries from page 3', async ({ app, window, sim }) => {
    sim.setFaults({ failPage: 3 });
    await openWorkbench(app, window, sim, 'Xero bills');
    await window.getByTestId('workbench-organisation').selectOption({ label: NORTHWIND });
    await window.getByLabel('limit', { exact: true }).fill('20');
    await window.getByRole('button', { name: 'Load all pages' }).click();
    await expect(window.getByRole('alert')).toContainText('Page 3 failed');
    await expect(loadedHeading(window, 40)).toBeVisible();
    await expect(window.getByRole('button', { name: 'Copy trace id' })).toBeVisible();

    sim.setFaults({ failPage: null });
    await window.getByRole('button', { name: 'Retry from page 3' }).click();
    await expect(loadedHeading(window, 250)).toBeVisible();
    await expect(window.getByRole('list', { name: 'Pages loaded' }).getByRole('listitem')).toHaveCount(13);
  });

  test('export CSV holds exactly what the table shows, sorted and filtered', async ({ app, window, sim, dataDir }) => {
    test.skip(
      !runsInShell(),
      'Reads the exported file where the Chromium shell saves it; Electron shows a real dialog.',
    );
    await openWorkbench(app, window, sim, 'Xero bills');
    await window.getByTestId('workbench-organisation').selectOption({ label: NORTHWIND });
    await window.getByRole('button', { name: 'Get first page' }).click();
    await expect(loadedHeading(window, 100)).toBeVisible();
    await window.getByTestId('workbench-filter').fill('Ltd');
    await window.getByRole('columnheader', { name: /Total/ }).getByRole('button').click();

    const shown = await visibleRows(window);
    await window.getByRole('button', { name: 'Export CSV' }).click();
    await expect(window.getByText(/Saved to .*\.csv/)).toBeVisible();
    const folder = path.join(dataDir, 'saved');
    const file = readdirSync(folder).find((f) => f.endsWith('.csv'))!;
    const lines = readFileSync(path.join(folder, file), 'utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1, 1 + shown.length).map((l) => l.split(',')[0])).toEqual(shown.map((r) => r[0]));
    expect(lines[0]!.split(',').length).toBe(shown[0]!.length);
  });

  test('works from the built-in list when the OpenAPI document is not served', async ({ app, window, sim }) => {
    sim.setFaults({ openApi: false });
    await openWorkbench(app, window, sim, 'Xero bills');
    await expect(window.getByText(/Built-in list/)).toBeVisible();
    await window.getByTestId('workbench-organisation').selectOption({ label: NORTHWIND });
    await window.getByRole('button', { name: 'Get first page' }).click();
    await expect(loadedHeading(window, 100)).toBeVisible();
  });
});

/** The cells of the rows the table draws (it windows its rows: those in view), in the order shown, without the open button's cell. */
async function visibleRows(window: Page): Promise<string[][]> {
  return table(window)
    .locator('.wb-tbody [role="row"]')
    .evaluateAll((rows) =>
      rows.map((row) =>
        [...row.querySelectorAll('[role="cell"]')].slice(1).map((cell) => (cell as HTMLElement).innerText.trim()),
      ),
    );
}
