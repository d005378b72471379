// `npm run bench`: the project's speed and size figures, measured on the built app, printed as a
// table and written to bench-results.json. Not a test: figures vary with the machine; targets are
// printed beside them and misses are flagged.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadAppConfig } from '../main/core/app-config';
import { startCore } from '../main/core/service';
import { systemClock } from '../main/core/system-clock';
import { launchChromiumShell } from '../test/shell/launch';
import { fakePorts } from '../test/unit/core/fakes';

interface Figure { name: string; value: number; unit: string; target: number; note?: string }
const root = path.resolve(import.meta.dirname, '..');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const gzipKb = (files: string[]) => files.reduce((sum, f) => sum + gzipSync(readFileSync(f)).length, 0) / 1024;

function bundleSizes(): Figure[] {
  const dir = path.join(root, 'dist/renderer/assets');
  const files = readdirSync(dir).map((f) => path.join(dir, f));
  return [
    { name: 'renderer JavaScript for the first screen (gzip)', value: gzipKb(files.filter((f) => f.endsWith('.js'))), unit: 'KB', target: 120 },
    { name: 'renderer CSS (gzip)', value: gzipKb(files.filter((f) => f.endsWith('.css'))), unit: 'KB', target: 15 },
  ];
}

async function coreStart(): Promise<Figure> {
  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    const config = await loadAppConfig({ APPROVALMAX_CONNECT_DATA_DIR: path.join(root, '.tmp/bench') }, { userDataDir: '', productName: 'ApprovalMax Connect', version: '0', platform: process.platform, shell: 'chromium' });
    await startCore({ ...fakePorts(), http: fetch, clock: systemClock }, config);
    times.push(performance.now() - t0);
  }
  return { name: 'core start to "ready for the bridge"', value: median(times), unit: 'ms', target: 50, note: 'no connections yet' };
}

async function pingOverhead(apiBase: string): Promise<Figure> {
  const config = await loadAppConfig({}, { userDataDir: path.join(root, '.tmp/bench'), productName: 'x', version: '0', platform: process.platform, shell: 'chromium' });
  const bench = { id: 'bench', name: 'bench', kind: 'custom' as const, source: 'admin' as const, issuer: apiBase, apiBase, clientId: '', redirectUri: '', scopes: [] };
  const core = await startCore({ ...fakePorts(), http: fetch, clock: systemClock }, { ...config, environments: [bench] });
  const raw: number[] = [];
  const app: number[] = [];
  for (let i = 0; i < 60; i++) {
    let t0 = performance.now();
    await (await fetch(`${apiBase}/ping`, { headers: { Authorization: 'Bearer x.y.z' } })).text();
    raw.push(performance.now() - t0);
    t0 = performance.now();
    await core.dispatch('ping:send', { environmentId: 'bench', accessToken: 'x.y.z', path: '/ping' });
    app.push(performance.now() - t0);
  }
  return { name: 'ping through the core vs raw fetch (loopback)', value: median(app) / median(raw), unit: '×', target: 1.2, note: `${median(app).toFixed(2)} ms vs ${median(raw).toFixed(2)} ms` };
}

async function firstPaint(): Promise<Figure> {
  const times: number[] = [];
  const app = await launchChromiumShell({ log: () => undefined });
  const page = await app.firstWindow();
  for (let i = 0; i < 7; i++) {
    await page.reload();
    await page.getByRole('heading', { level: 1 }).waitFor();
    times.push(await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN));
  }
  await app.close();
  return { name: 'first screen painted after navigation (Chromium shell)', value: median(times), unit: 'ms', target: 150 };
}

const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"message":"pong"}'));
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const apiBase = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
const figures = [...bundleSizes(), await firstPaint(), await coreStart(), await pingOverhead(apiBase)];
server.close();

console.log('\nApprovalMax Connect benchmark (median of repeated runs)\n');
for (const f of figures) {
  const ok = f.value <= f.target;
  console.log(`${ok ? 'ok  ' : 'MISS'}  ${f.name.padEnd(58)} ${f.value.toFixed(2).padStart(9)} ${f.unit.padEnd(3)} (target ≤ ${f.target} ${f.unit})${f.note ? `  ${f.note}` : ''}`);
}
writeFileSync(path.join(root, 'bench-results.json'), JSON.stringify({ at: new Date().toISOString(), figures }, null, 2));
console.log('\nWritten to bench-results.json');
