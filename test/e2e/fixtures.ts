import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { startSimulator, type Simulator } from '../sim/index';
import { launchApp, type AppHandle } from './app-launcher';

/** The environment every spec adds through the admin config file, as IT would. */
export const SIMULATOR_ENVIRONMENT = 'Local simulator';

interface Fixtures {
  /** A fresh data folder whose config.json points at the simulator. */
  dataDir: string;
  /** The running app; closed after the test. */
  app: AppHandle;
  /** The app's main window. */
  window: Page;
}

/** Specs share one simulator per worker; faults are reset before each test. */
export const test = base.extend<Fixtures, { sim: Simulator }>({
  sim: [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their first argument
    async ({}, use) => {
      const sim = await startSimulator({ quiet: true });
      await use(sim);
      await sim.stop();
    },
    { scope: 'worker' },
  ],
  dataDir: async ({ sim }, use) => {
    sim.resetFaults();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'amc-e2e-'));
    writeAppConfig(dir, [{ id: 'sandbox', name: SIMULATOR_ENVIRONMENT, issuer: sim.issuer, apiBase: sim.apiBase, clientId: sim.clientId, redirectUri: sim.redirectUri }]);
    await use(dir);
  },
  app: async ({ dataDir }, use) => {
    const app = await launchApp({ dataDir, env: { APPROVALMAX_CONNECT_PING_TIMEOUT_MS: '5000' } });
    await use(app);
    await app.close();
  },
  window: async ({ app }, use) => {
    const page = await app.firstWindow();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await use(page);
  },
});

export { expect };

/** Writes the admin config file the app reads at start. */
export function writeAppConfig(dataDir: string, environments: object[]): void {
  writeFileSync(path.join(dataDir, 'config.json'), JSON.stringify({ environments }, null, 2));
}

/** No stack trace, exception name or source location ever reaches the user. */
export async function expectNoStackTrace(page: Page): Promise<void> {
  const text = await page.locator('body').innerText();
  expect(text).not.toMatch(/\bat .+:\d+:\d+|\b(Type|Reference|Syntax)Error\b|Error: |\.(ts|js|cjs):\d+|undefined|\[object Object\]/);
}
