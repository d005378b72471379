// Starts scripts/bench/sim-process.ts as a child process and reads its settings and tokens.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { IssuerSettings } from './common';

/** A simulator running in its own process, with `tokens` issued through real sign-ins. */
export interface BenchSimulator extends IssuerSettings {
  readonly tokens: readonly { accessToken: string; refreshToken: string }[];
  stop(): void;
}

/** Spawns the simulator and waits for its settings line. */
export function startBenchSimulator(count: number): Promise<BenchSimulator> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, 'sim-process.ts'), String(count)],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the simulator process exited (${code}) before it was ready`)));
    createInterface({ input: child.stdout! }).once('line', (line) => {
      const settings = JSON.parse(line) as Omit<BenchSimulator, 'stop'>;
      resolve({ ...settings, stop: () => child.stdin!.end() });
    });
  });
}
