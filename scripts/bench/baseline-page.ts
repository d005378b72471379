// Builds the benchmark's baseline page (scripts/bench/baseline/) with the renderer's own Vite settings
// — the `renderer` target of vite.config.ts, same plugins and browser target, only the root and the
// output folder changed — into dist/bench-baseline/, so the app and its baseline are built alike.
import path from 'node:path';
import { build, loadConfigFromFile } from 'vite';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SOURCE = path.join(import.meta.dirname, 'baseline');
export const BASELINE_DIR = path.join(ROOT, 'dist/bench-baseline');

/** Builds the baseline page and returns the folder to serve it from. */
export async function buildBaselinePage(): Promise<string> {
  const loaded = await loadConfigFromFile(
    { command: 'build', mode: 'renderer', isSsrBuild: false, isPreview: false },
    path.join(ROOT, 'vite.config.ts'),
    ROOT,
    'warn',
  );
  if (!loaded) throw new Error('vite.config.ts could not be loaded');
  const renderer = loaded.config;
  await build({
    ...renderer,
    configFile: false,
    mode: 'renderer',
    root: SOURCE,
    logLevel: 'warn',
    build: { ...renderer.build, outDir: BASELINE_DIR, emptyOutDir: true },
  });
  return BASELINE_DIR;
}
