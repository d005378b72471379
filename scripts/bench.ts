// `npm run bench`: the project's speed and size figures, measured on the built app (in the Chromium
// shell and in Node). Every timing is a ratio to a baseline measured in the same run, in alternating
// rounds (baseline, app, baseline, app…), so a busy machine slows both alike; the milliseconds are
// printed beside each ratio. Sizes and counts keep fixed targets; timings with no natural baseline
// are absolute, informational. Written to bench-results.json. It reports, it does not gate: the exit
// code is 0 even on a MISS, unless BENCH_STRICT=1. See README "Benchmark".
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildBaselinePage } from './bench/baseline-page';
import { firstScreen, homeScreen200 } from './bench/chromium-figures';
import { formatMs, verdict, type Figure } from './bench/common';
import { electronFigures } from './bench/electron-figures';
import { coreStart, decodeAndVerify, pingOverhead, refreshStorm } from './bench/node-figures';
import { launchBrowser } from './bench/shell';
import { loadAllPages } from './bench/workbench-figures';
import { startBenchSimulator } from './bench/simulator';

const root = path.resolve(import.meta.dirname, '..');
const strict = process.env.BENCH_STRICT === '1';
const started = performance.now();
const loadBefore = os.loadavg();

console.log('Building the baseline page with the renderer’s Vite settings…');
const baselineDir = await buildBaselinePage();
console.log('Starting the simulator in its own process and signing in 200 times…');
const sim = await startBenchSimulator(200);
const figures: Figure[] = [];
let chromiumVersion: string;
try {
  const browser = await launchBrowser();
  chromiumVersion = browser.version();
  try {
    console.log('Chromium: first paint and the 200-connection home screen, each against its baseline page…');
    figures.push(
      ...(await firstScreen(browser, sim, baselineDir)),
      ...(await homeScreen200(browser, sim, baselineDir)),
    );
    figures.push(...(await (await import('./bench/inspector-figures')).inspectorBigToken(browser, sim)));
  } finally {
    await browser.close();
  }
  console.log('Node: core start, decode / verify, ping, load all pages, refresh storm…');
  figures.push(
    await coreStart(sim),
    ...(await decodeAndVerify(sim)),
    await pingOverhead(sim),
    await loadAllPages(),
    ...(await refreshStorm(sim)),
    ...(await electronFigures()),
  );
  figures.push(...(await (await import('./bench/refresh-durability')).refreshDurability(sim)));
} finally {
  sim.stop();
}

const value = (v: number | null, unit: string) =>
  v === null ? '—' : `${unit === 'ms' ? formatMs(v) : Number.isInteger(v) ? String(v) : v.toFixed(1)} ${unit}`;
function columns(f: Figure): [string, string, string] {
  if (f.kind === 'ratio')
    return [
      f.name,
      `app ${formatMs(f.appMs)} ms / baseline ${formatMs(f.baselineMs)} ms = ${f.ratio.toFixed(2)}×`,
      `(target ≤ ${f.target}×)`,
    ];
  if (f.kind === 'info') return [f.name, value(f.value, f.unit), '(absolute, informational)'];
  return [f.name, value(f.value, f.unit), `(target ${f.compare === '=' ? '=' : '≤'} ${f.target} ${f.unit})`];
}
const rows = figures.map((f) => [
  ...columns(f),
  verdict(f),
  f.kind === 'ratio'
    ? `baseline: ${f.baseline}; median of ${f.rounds} A/B rounds${f.note ? `; ${f.note}` : ''}`
    : (f.note ?? ''),
]);
const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
const seconds = (performance.now() - started) / 1000;
const loadAfter = os.loadavg();
const load = (l: number[]) => l.map((x) => x.toFixed(1)).join(' ');
console.log(
  `\nApprovalMax Connect benchmark — ${os.cpus().length} cores, Node ${process.version}, Chromium ${chromiumVersion}, load ${load(loadBefore)} → ${load(loadAfter)}\n`,
);
for (const r of rows) console.log(r.map((c, i) => (i < 4 ? c.padEnd(widths[i]!) : `· ${c}`)).join('  '));
const misses = figures.filter((f) => verdict(f) === 'MISS');
console.log(
  misses.length
    ? `\n${misses.length} figure(s) MISS their target: see README "Benchmark".`
    : '\nEvery measured ratio and budget meets its target.',
);

const count = (v: string) => figures.filter((f) => verdict(f) === v).length;
const results = {
  at: new Date().toISOString(),
  seconds: Number(seconds.toFixed(1)),
  strict,
  machine: {
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    memoryGb: Number((os.totalmem() / 1024 ** 3).toFixed(1)),
    platform: `${process.platform} ${os.release()} ${process.arch}`,
    node: process.version,
    chromium: chromiumVersion,
    loadAverageBefore: loadBefore,
    loadAverageAfter: loadAfter,
  },
  summary: { ok: count('OK'), miss: count('MISS'), informational: count('info'), notMeasured: count('—') },
  figures: figures.map((f) => ({ ...f, verdict: verdict(f) })),
};
writeFileSync(path.join(root, 'bench-results.json'), JSON.stringify(results, null, 2) + '\n');
console.log(`Written to bench-results.json (${seconds.toFixed(0)} s).`);
if (strict && misses.length) process.exitCode = 1;
