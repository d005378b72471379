import { defineConfig } from 'vitest/config';

// Unit tests run under plain Node: the core must never need Electron or a DOM.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
