// `npm run bench`: the project's speed and size figures, measured side by side on the built app (in
// the Chromium shell and in Node), each the median of several runs, printed beside its target and
// written to bench-results.json. Not a test: figures vary with the machine; misses are flagged and
// explained in the README ("Benchmark").
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { verdict, type Figure } from './bench/common';
import { firstScreen, homeScreen200 } from './bench/chromium-figures';
import { electronFigures } from './bench/electron-figures';
import { coreStart, decodeAndVerify, pingOverhead, refreshStorm } from './bench/node-figures';
import { launchBrowser } from './bench/shell';
import { startBenchSimulator } from './bench/simulator';

const root = path.resolve(import.meta.dirname, '..');
const format = (f: Figure) => (f.value === null ? '—' : f.value < 1 ? f.value.toFixed(3) : f.value.toFixed(f.unit === '×' ? 2 : 1));

console.log('Starting the simulator in its own process and signing in 200 times…');
const sim = await startBenchSimulator(200);
const figures: Figure[] = [];
try {
  const browser = await launchBrowser();
  try {
    figures.push(...(await firstScreen(browser, sim)), ...(await homeScreen200(browser, sim)));
  } finally {
    await browser.close();
  }
  figures.push(await coreStart(sim), ...(await decodeAndVerify(sim)), await pingOverhead(sim), ...(await refreshStorm(sim)), ...(await electronFigures()));
} finally {
  sim.stop();
}

const rows = figures.map((f) => [verdict(f), f.name, `${format(f)} ${f.unit}`, `${f.compare === '=' ? '=' : '≤'} ${f.target} ${f.unit}`, f.note ?? '']);
const widths = [4, 60, 12, 12].map((w, i) => Math.max(w, ...rows.map((r) => r[i]!.length)));
console.log(`\nApprovalMax Connect benchmark — ${os.cpus().length} cores, Node ${process.version}\n`);
console.log(['', 'figure', 'measured', 'target', 'notes'].map((h, i) => h.padEnd(widths[i] ?? 0)).join('  '));
for (const r of rows) console.log(r.map((c, i) => (i === 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i] ?? 0))).join('  '));
const misses = figures.filter((f) => verdict(f) === 'MISS');
console.log(misses.length ? `\n${misses.length} figure(s) MISS their target: see README "Benchmark".` : '\nEvery measured figure meets its target.');
writeFileSync(path.join(root, 'bench-results.json'), JSON.stringify({ at: new Date().toISOString(), cores: os.cpus().length, node: process.version, figures: figures.map((f) => ({ ...f, verdict: verdict(f) })) }, null, 2) + '\n');
console.log('Written to bench-results.json');
