// The transport contract (test/contract/) inside a real Electron main process, against net.request.
// It needs the Electron binary, which cannot be downloaded on this project's build machines: there it
// is skipped (and says so); on a release machine with the binary it runs.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronBinary } from '../../e2e/app-launcher';
import { RESULTS_PREFIX, TRANSPORT_CONTRACT } from '../../contract/http-transport-contract';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const binary = electronBinary();

describe.skipIf(binary === null)("HttpTransport contract: Electron's net.request (needs the Electron binary)", () => {
  it('passes every case of the contract', { timeout: 120_000 }, () => {
    const build = spawnSync('npx', ['vite', 'build', '--mode', 'transport-contract'], { cwd: ROOT, encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    const run = spawnSync(binary!, [path.join(ROOT, 'dist/test-contract/electron-main.cjs')], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 90_000,
    });
    const line = run.stdout.split('\n').find((l) => l.startsWith(RESULTS_PREFIX));
    expect(line, run.stderr).toBeDefined();
    const results = JSON.parse(line!.slice(RESULTS_PREFIX.length)) as { name: string; error: string | null }[];
    expect(results.map((r) => r.name)).toEqual(TRANSPORT_CONTRACT.map((c) => c.name));
    expect(results.filter((r) => r.error !== null)).toEqual([]);
  });
});
