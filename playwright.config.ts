import { defineConfig } from '@playwright/test';

// E2E specs drive the real app: Electron where its binary exists, otherwise the Chromium shell.
// One worker: the machine has two cores and each app run starts its own browser.
// Two projects, one per simulator mode (test/e2e/fixtures.ts): every spec runs against the
// ApprovalMax-like simulator; the connect, refresh and restart specs (tagged @both-modes) and the
// strict-only ones (@strict-only) also against a server that follows OpenID Connect strictly.
export default defineConfig<object, { strictOidc: boolean }>({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  outputDir: 'test-results/e2e',
  projects: [
    { name: 'approvalmax', grepInvert: /@strict-only/ },
    { name: 'strict-oidc', use: { strictOidc: true }, grep: /@both-modes|@strict-only/ },
  ],
});
