import { defineConfig } from '@playwright/test';

// E2E specs drive the real app: Electron where its binary exists, otherwise the Chromium shell.
// One worker: the machine has two cores and each app run starts its own browser.
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  outputDir: 'test-results/e2e',
});
