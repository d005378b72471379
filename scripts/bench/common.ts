// Shared pieces of `npm run bench`: the figure kinds (ratio, budget, info), A/B alternation, medians,
// and a data folder seeded with stored connections (connections.json + their tokens in an in-memory
// keychain), as a user with many has.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AppConfig } from '../../main/core/app-config';
import { DEFAULT_SCOPES, type Environment } from '../../main/core/environments/environments';
import { MemorySecretStore } from '../../main/secrets/memory-secret-store';

/**
 * One figure of the benchmark. Timings are `ratio`s: the app against a baseline doing the least the
 * same job needs, measured in the same run, alternating (baseline, app, baseline, app…) so that load
 * from other programs hits both alike; the verdict is on the ratio, the milliseconds are shown beside
 * it. Sizes and counts are `budget`s against a fixed target. A timing with no natural baseline is
 * `info`: printed as absolute, informational, with no verdict.
 */
export type Figure = RatioFigure | BudgetFigure | InfoFigure;

/** The app's median time over the baseline's median time, from alternating rounds. */
export interface RatioFigure {
  readonly kind: 'ratio';
  readonly name: string;
  /** What the baseline is, in a few words. */
  readonly baseline: string;
  readonly appMs: number;
  readonly baselineMs: number;
  readonly ratio: number;
  /** The largest ratio that passes. */
  readonly target: number;
  readonly rounds: number;
  /** The median of each round's own app/baseline ratio: a check on `ratio` (they should be close). */
  readonly pairedRatio: number;
  /** Every recorded round, for bench-results.json. */
  readonly samples: AbSamples;
  readonly note?: string;
}

/** A size or count against a fixed target; `value` null means it could not be measured here, and `note` says why. */
export interface BudgetFigure {
  readonly kind: 'budget';
  readonly name: string;
  readonly value: number | null;
  readonly unit: string;
  readonly target: number;
  /** '<=' for budgets, '=' for exact counts. */
  readonly compare: '<=' | '=';
  readonly note?: string;
}

/** An absolute timing with no natural same-run baseline: informational, no verdict. */
export interface InfoFigure {
  readonly kind: 'info';
  readonly name: string;
  readonly value: number | null;
  readonly unit: string;
  readonly note?: string;
}

export type Verdict = 'OK' | 'MISS' | 'info' | '—';

/** The median of a list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** OK or MISS for ratios and budgets; info for informational timings; — for a figure that could not be measured. */
export function verdict(f: Figure): Verdict {
  if (f.kind === 'ratio') return f.ratio <= f.target ? 'OK' : 'MISS';
  if (f.value === null) return '—';
  if (f.kind === 'info') return 'info';
  return (f.compare === '=' ? f.value === f.target : f.value <= f.target) ? 'OK' : 'MISS';
}

/** Each side's durations (ms), one per round. */
export interface AbSamples {
  readonly baseline: readonly number[];
  readonly app: readonly number[];
}

/**
 * Runs `baseline` then `app`, `warmup` times unrecorded and then `rounds` times recorded, strictly
 * alternating. Each function returns the duration it measured in milliseconds (a page measures its
 * own, in the page's clock).
 */
export async function alternate(
  rounds: number,
  warmup: number,
  baseline: () => Promise<number>,
  app: () => Promise<number>,
): Promise<AbSamples> {
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < warmup + rounds; i++) {
    const bMs = await baseline();
    const aMs = await app();
    if (i < warmup) continue;
    b.push(bMs);
    a.push(aMs);
  }
  return { baseline: b, app: a };
}

/** A ratio figure from alternating samples: median app time over median baseline time. */
export function ratioFigure(
  name: string,
  baseline: string,
  samples: AbSamples,
  target: number,
  note?: string,
): RatioFigure {
  const appMs = median(samples.app);
  const baselineMs = median(samples.baseline);
  const pairedRatio = median(samples.app.map((a, i) => a / samples.baseline[i]!));
  const round = (values: readonly number[]) => values.map((v) => Number(v.toPrecision(4)));
  return {
    kind: 'ratio',
    name,
    baseline,
    appMs,
    baselineMs,
    ratio: appMs / baselineMs,
    target,
    rounds: samples.app.length,
    pairedRatio,
    samples: { baseline: round(samples.baseline), app: round(samples.app) },
    ...(note ? { note } : {}),
  };
}

/** How long `fn` took, in milliseconds. */
export async function timeMs(fn: () => unknown): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/** Milliseconds with as many decimals as their size deserves. */
export function formatMs(ms: number): string {
  return ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms >= 1 ? ms.toFixed(2) : ms.toFixed(3);
}

/** What a simulator-like identity server needs to be an environment. */
export interface IssuerSettings {
  readonly issuer: string;
  readonly apiBase: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUri: string;
}

/** A stored connection's tokens. */
export interface SeedTokens {
  readonly accessToken: string;
  readonly refreshToken: string;
  /** How long ago they were received; an hour or more makes them due for refresh at once. */
  readonly ageMs: number;
}

/** The environment every seeded connection belongs to. */
export function benchEnvironment(settings: IssuerSettings): Environment {
  const { issuer, apiBase, clientId, redirectUri } = settings;
  return {
    id: 'bench',
    name: 'Benchmark',
    kind: 'custom',
    source: 'admin',
    issuer,
    apiBase,
    clientId,
    redirectUri,
    scopes: DEFAULT_SCOPES,
  };
}

/** A data folder with `tokens.length` connections in connections.json, and their tokens in a fresh in-memory keychain. */
export async function seedConnections(
  settings: IssuerSettings,
  tokens: readonly SeedTokens[],
): Promise<{ config: AppConfig; secrets: MemorySecretStore }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'amc-bench-'));
  const secrets = new MemorySecretStore();
  const now = Date.now();
  const connections = await Promise.all(
    tokens.map(async (t, i) => {
      const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
      const receivedAt = now - t.ageMs;
      await secrets.set(`connection/${id}/refresh-token`, t.refreshToken);
      await secrets.set(
        `connection/${id}/access-token`,
        JSON.stringify({ accessToken: t.accessToken, receivedAt, expiresAt: receivedAt + 3_600_000, scope: null }),
      );
      return {
        id,
        label: `Organisation ${i + 1} Ltd`,
        environmentId: 'bench',
        organisations: [{ companyId: `c${i}`, name: `Organisation ${i + 1} Ltd` }],
        connectionId: `conn-${i}`,
        subject: 'demo',
        scopes: [...DEFAULT_SCOPES],
        createdAt: new Date(now - 86_400_000).toISOString(),
        lastRefreshedAt: null,
        expiresAt: new Date(receivedAt + 3_600_000).toISOString(),
        status: 'connected',
        statusMessage: null,
      };
    }),
  );
  writeFileSync(path.join(dataDir, 'connections.json'), JSON.stringify({ version: 1, connections }));
  const config: AppConfig = {
    dataDir,
    keychainService: 'ApprovalMax Connect (bench)',
    productName: 'ApprovalMax Connect',
    version: '0.0.0-bench',
    platform: process.platform,
    shell: 'chromium',
    pingTimeoutMs: 15_000,
    environments: [benchEnvironment(settings)],
    adminSecrets: new Map([['bench', settings.clientSecret]]),
    notices: [],
  };
  return { config, secrets };
}
