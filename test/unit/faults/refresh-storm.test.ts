import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionView } from '../../../preload/contract';
import type { HttpTransport } from '../../../main/core/ports';
import { startCore, type CoreService } from '../../../main/core/service';
import { systemClock } from '../../../main/core/system-clock';
import { seedConnections } from '../../../scripts/bench/common';
import { startSimulator, type Simulator } from '../../sim/index';
import { fakePorts } from '../core/fakes';

// Many connections due at once (a laptop waking after a weekend), through the whole core against the
// simulator: one token request per connection, no retries, and every connection's record updated.
const COUNT = 20;

describe(`${COUNT} connections due at once`, () => {
  let sim: Simulator;
  let core: CoreService;
  let dataDir: string;
  const tokenRequests: string[] = [];

  beforeAll(async () => {
    sim = await startSimulator({ quiet: true });
    const issued = await Promise.all(Array.from({ length: COUNT }, () => sim.issueTokens()));
    const seeded = await seedConnections(
      sim,
      issued.map((t) => ({ accessToken: t.access_token, refreshToken: t.refresh_token!, ageMs: 3_600_001 })),
    );
    dataDir = seeded.config.dataDir;
    const http: HttpTransport = (url, init) => {
      if (init.method === 'POST' && new URL(url).pathname === '/connect/token') tokenRequests.push(String(init.body));
      return fetch(url, init);
    };
    core = await startCore(fakePorts({ secrets: seeded.secrets, http, clock: systemClock }), seeded.config);
    await core.ready;
    let settled = 0;
    await new Promise<void>((resolve) =>
      core.events.subscribe((channel, payload) => {
        if (channel === 'activity:added' && (payload as { kind: string }).kind === 'refresh' && ++settled === COUNT)
          resolve();
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 500)); // a retry, if any, would go out now
  }, 30_000);
  afterAll(async () => {
    core?.stop();
    await sim?.stop();
  });

  it('sends exactly one token request per connection, each with its own refresh token', () => {
    expect(tokenRequests).toHaveLength(COUNT);
    expect(new Set(tokenRequests.map((body) => new URLSearchParams(body).get('refresh_token'))).size).toBe(COUNT);
  });

  it('leaves every connection connected', async () => {
    const list = await core.dispatch('connections:list', undefined);
    expect(list.ok && (list.value as ConnectionView[]).map((c) => c.status)).toEqual(Array(COUNT).fill('connected'));
  });

  // Found by `npm run bench`: concurrent status updates once overwrote each other in connections.json.
  it('records the refresh on every connection, in the list and in connections.json', async () => {
    const list = await core.dispatch('connections:list', undefined);
    expect(list.ok && (list.value as ConnectionView[]).filter((c) => c.lastRefreshedAt === null)).toEqual([]);
    const disk = JSON.parse(readFileSync(path.join(dataDir, 'connections.json'), 'utf8')) as {
      connections: { lastRefreshedAt: string | null }[];
    };
    expect(disk.connections.filter((c) => c.lastRefreshedAt === null)).toEqual([]);
  });
});
