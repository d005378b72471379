// Launch time and idle memory of the real Electron app, where its binary exists (never on this
// project's build machines: Electron downloads it from GitHub on first start). Launch time has no
// baseline here (a minimal Electron app would be the natural one), so it is absolute, informational.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { median, type Figure } from './common';

const ROOT = path.resolve(import.meta.dirname, '../..');
const LAUNCH = 'Electron: launch → window visible';
const MEMORY = 'Electron: idle memory of all processes';

/** The Electron binary's path, or null when it was never downloaded; never triggers the download `require('electron')` would. */
export function electronBinary(): string | null {
  const dir = path.join(ROOT, 'node_modules/electron');
  const pathFile = path.join(dir, 'path.txt');
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH)
    return path.join(
      process.env.ELECTRON_OVERRIDE_DIST_PATH,
      existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : 'electron',
    );
  if (!existsSync(pathFile)) return null;
  const binary = path.join(dir, 'dist', readFileSync(pathFile, 'utf8'));
  return existsSync(binary) ? binary : null;
}

/** Median launch-to-visible over 5 launches, and the working sets of all its processes after 5 s idle. */
export async function electronFigures(): Promise<Figure[]> {
  const binary = electronBinary();
  if (!binary) {
    const note = 'not measured here (no Electron binary)';
    return [
      { kind: 'info', name: LAUNCH, value: null, unit: 'ms', note },
      { kind: 'budget', name: MEMORY, value: null, unit: 'MB', target: 200, compare: '<=', note },
    ];
  }
  const { _electron } = await import('playwright-core');
  const launches: number[] = [];
  const memory: number[] = [];
  for (let i = 0; i < 5; i++) {
    const env = {
      ...process.env,
      APPROVALMAX_CONNECT_DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'amc-bench-electron-')),
    } as Record<string, string>;
    const args = [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), ROOT];
    const t0 = performance.now();
    const app = await _electron.launch({ executablePath: binary, args, env });
    while (!(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().some((w) => w.isVisible()))))
      await new Promise((r) => setTimeout(r, 5));
    launches.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 5000));
    memory.push(
      (await app.evaluate(({ app: a }) => a.getAppMetrics().reduce((sum, m) => sum + m.memory.workingSetSize, 0))) /
        1024,
    );
    await app.close();
  }
  return [
    {
      kind: 'info',
      name: LAUNCH,
      value: median(launches),
      unit: 'ms',
      note: 'median of 5 launches (built app, fresh data folder); the budget before ratios was ≤ 1000 ms',
    },
    {
      kind: 'budget',
      name: MEMORY,
      value: median(memory),
      unit: 'MB',
      target: 200,
      compare: '<=',
      note: 'sum of working sets (app.getAppMetrics) after 5 s idle',
    },
  ];
}
