// Shared pieces of `npm run bench`: the figure type, medians, and a data folder seeded with stored
// connections (connections.json + their tokens in an in-memory keychain), as a user with many has.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AppConfig } from '../../main/core/app-config';
import { DEFAULT_SCOPES, type Environment } from '../../main/core/environments';
import { MemorySecretStore } from '../../main/secrets/memory-secret-store';

/** One measured figure beside its target; `value` null means it could not be measured here, and `note` says why. */
export interface Figure {
  readonly name: string;
  readonly value: number | null;
  readonly unit: string;
  readonly target: number;
  /** '<=' for budgets, '=' for exact counts. */
  readonly compare: '<=' | '=';
  readonly note?: string;
}

/** The median of a list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** OK, MISS, or — for a figure that could not be measured. */
export function verdict(f: Figure): 'OK' | 'MISS' | '—' {
  if (f.value === null) return '—';
  return (f.compare === '=' ? f.value === f.target : f.value <= f.target) ? 'OK' : 'MISS';
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
  return { id: 'bench', name: 'Benchmark', kind: 'custom', source: 'admin', issuer, apiBase, clientId, redirectUri, scopes: DEFAULT_SCOPES };
}

/** A data folder with `tokens.length` connections in connections.json, and their tokens in a fresh in-memory keychain. */
export async function seedConnections(settings: IssuerSettings, tokens: readonly SeedTokens[]): Promise<{ config: AppConfig; secrets: MemorySecretStore }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'amc-bench-'));
  const secrets = new MemorySecretStore();
  const now = Date.now();
  const connections = await Promise.all(
    tokens.map(async (t, i) => {
      const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
      const receivedAt = now - t.ageMs;
      await secrets.set(`connection/${id}/refresh-token`, t.refreshToken);
      await secrets.set(`connection/${id}/access-token`, JSON.stringify({ accessToken: t.accessToken, receivedAt, expiresAt: receivedAt + 3_600_000, scope: null }));
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

/** Runs `fn` `times` times and returns the median duration in milliseconds. */
export async function medianMs(times: number, fn: () => unknown): Promise<number> {
  const durations: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    await fn();
    durations.push(performance.now() - t0);
  }
  return median(durations);
}
