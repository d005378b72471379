import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import keytar from 'keytar';
import { API_SCOPES } from '../sim/fixtures';
import { startSimulator, type Simulator } from '../sim/index';
import { launchApp, type AppHandle } from './app-launcher';

/** The environment every spec adds through the admin config file, as IT would. */
export const SIMULATOR_ENVIRONMENT = 'Local simulator';

interface Fixtures {
  /** A keychain service name of this test's own, so no test touches another's (or a user's) secrets. */
  keychainService: string;
  /** A fresh data folder whose config.json points at the simulator (Client Secret included, as IT may). */
  dataDir: string;
  /** Starts (or restarts) the app on this test's data folder and keychain service. */
  launch: (options?: {
    env?: Record<string, string>;
    log?: (line: string) => void;
    onBridgeReply?: (channel: string, reply: unknown) => void;
  }) => Promise<AppHandle>;
  /** The running app; closed after the test. */
  app: AppHandle;
  /** The app's main window. */
  window: Page;
}

/** The scopes the simulator environment asks for in strict mode: OpenID Connect needs openid. */
export const STRICT_SCOPES: readonly string[] = ['openid', API_SCOPES.read, 'offline_access'];

/**
 * Tags naming the Playwright projects a spec runs in (see playwright.config.ts): every spec runs in the
 * ApprovalMax-like mode; those tagged BOTH_MODES also against the strict OpenID Connect server, and
 * those tagged STRICT_ONLY only there.
 */
export const BOTH_MODES = '@both-modes';
export const STRICT_ONLY = '@strict-only';

interface WorkerFixtures {
  /** The project's option: the simulator follows OpenID Connect strictly (openid required, offline access only with consent). */
  strictOidc: boolean;
  sim: Simulator;
}

/** Specs share one simulator per worker; faults are reset before each test. */
export const test = base.extend<Fixtures, WorkerFixtures>({
  strictOidc: [false, { scope: 'worker', option: true }],
  sim: [
    async ({ strictOidc }, use) => {
      const sim = await startSimulator({ quiet: true, strictOidc });
      await use(sim);
      await sim.stop();
    },
    { scope: 'worker' },
  ],
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their first argument
  keychainService: async ({}, use) => {
    const service = `ApprovalMax Connect e2e ${randomUUID()}`;
    await use(service);
    await clearKeychain(service);
  },
  dataDir: async ({ sim }, use) => {
    sim.resetFaults();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'amc-e2e-'));
    writeAppConfig(dir, [simulatorEnvironment(sim)]);
    await use(dir);
  },
  launch: async ({ dataDir, keychainService }, use) => {
    const started: AppHandle[] = [];
    await use(async (options = {}) => {
      const app = await launchApp({
        dataDir,
        env: {
          APPROVALMAX_CONNECT_PING_TIMEOUT_MS: '5000',
          APPROVALMAX_CONNECT_KEYCHAIN_SERVICE: keychainService,
          APPROVALMAX_CONNECT_LOOPBACK_ONLY: '1',
          ...options.env,
        },
        ...(options.log ? { log: options.log } : {}),
        ...(options.onBridgeReply ? { onBridgeReply: options.onBridgeReply } : {}),
      });
      started.push(app);
      return app;
    });
    for (const app of started) await app.close().catch(() => undefined);
  },
  app: async ({ launch }, use) => {
    await use(await launch());
  },
  window: async ({ app }, use) => {
    const page = await app.firstWindow();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await use(page);
  },
});

export { expect };

/** The simulator as IT would predefine it, Client Secret included; in strict mode it asks for openid too. */
export function simulatorEnvironment(sim: Simulator, overrides: Record<string, unknown> = {}) {
  const scopes = sim.strictOidc ? { scopes: [...STRICT_SCOPES] } : {};
  return {
    id: 'sandbox',
    name: SIMULATOR_ENVIRONMENT,
    issuer: sim.issuer,
    apiBase: sim.apiBase,
    clientId: sim.clientId,
    redirectUri: sim.redirectUri,
    clientSecret: sim.clientSecret,
    ...scopes,
    ...overrides,
  };
}

/** The accounts this test's keychain service holds (the real Secret Service, as the app uses it). */
export async function keychainAccounts(service: string): Promise<string[]> {
  return (await keytar.findCredentials(service)).map((c) => c.account);
}

async function clearKeychain(service: string): Promise<void> {
  for (const account of await keychainAccounts(service).catch(() => [])) await keytar.deletePassword(service, account);
}

/** Writes the admin config file the app reads at start. */
export function writeAppConfig(dataDir: string, environments: object[]): void {
  writeFileSync(path.join(dataDir, 'config.json'), JSON.stringify({ environments }, null, 2));
}

/** No stack trace, exception name or source location ever reaches the user. */
export async function expectNoStackTrace(page: Page): Promise<void> {
  const text = await page.locator('body').innerText();
  // A stack frame is "at fn (file:line:col)" or "at /path:line:col" — not a sentence such as "expired at 14:46:53".
  expect(text).not.toMatch(
    /\bat \S+ \(\S+:\d+:\d+\)|\bat (?:file:\/\/|node:|\/)\S+:\d+:\d+|\b(Type|Reference|Syntax)Error\b|Error: |\.(ts|js|cjs):\d+|undefined|\[object Object\]/,
  );
}
