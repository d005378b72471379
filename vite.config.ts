import { builtinModules } from 'node:module';
import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';

// One config, four builds (`vite build --mode <target>`), all into dist/:
//   renderer      React app        → dist/renderer      (served at app://connect/)
//   main          Electron main    → dist/main/index.cjs
//   preload       sandboxed preload→ dist/preload/index.cjs (one CommonJS file: sandboxed preloads cannot import)
//   shell-bridge  Chromium shell's init script, built from preload/bridge.ts → dist/test-shell/bridge.js
//   transport-contract  the HTTP transport contract run inside Electron → dist/test-contract/electron-main.cjs (tests only)
const nodeExternals = ['electron', 'keytar', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

const targets: Record<string, UserConfig> = {
  renderer: {
    root: 'renderer',
    base: './',
    plugins: [react()],
    build: { outDir: '../dist/renderer', emptyOutDir: true, target: 'chrome130' },
  },
  main: {
    build: {
      outDir: 'dist/main',
      emptyOutDir: true,
      target: 'node20',
      ssr: 'main/electron/index.ts',
      rollupOptions: { external: nodeExternals, output: { format: 'cjs', entryFileNames: 'index.cjs' } },
    },
    ssr: { noExternal: true, external: ['electron', 'keytar'] },
  },
  preload: {
    build: {
      outDir: 'dist/preload',
      emptyOutDir: true,
      target: 'chrome130',
      ssr: 'preload/index.ts',
      rollupOptions: { external: ['electron'], output: { format: 'cjs', entryFileNames: 'index.cjs' } },
    },
    ssr: { noExternal: true, external: ['electron'] },
  },
  'transport-contract': {
    build: {
      outDir: 'dist/test-contract',
      emptyOutDir: true,
      target: 'node20',
      ssr: 'test/contract/electron-contract-main.ts',
      rollupOptions: { external: nodeExternals, output: { format: 'cjs', entryFileNames: 'electron-main.cjs' } },
    },
    ssr: { noExternal: true, external: ['electron', 'keytar'] },
  },
  'shell-bridge': {
    build: {
      outDir: 'dist/test-shell',
      emptyOutDir: true,
      target: 'chrome130',
      lib: {
        entry: 'test/shell/bridge-init.ts',
        formats: ['iife'],
        name: 'approvalMaxConnectShellBridge',
        fileName: () => 'bridge.js',
      },
    },
  },
};

export default defineConfig(({ mode }) => {
  const config = targets[mode];
  if (!config) throw new Error(`Unknown build target "${mode}": use one of ${Object.keys(targets).join(', ')}`);
  return { ...config, clearScreen: false, logLevel: 'warn' };
});
