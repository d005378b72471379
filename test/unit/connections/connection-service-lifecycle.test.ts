import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionView, DisconnectReport } from '../../../preload/contract';
import type { Simulator } from '../../sim/index';
import { useSimulatorHarness, valueOf, type Harness, type HarnessOptions } from './sim-harness';

describe('refresh, rename and disconnect through the core service, against the simulator', () => {
  const simulator = useSimulatorHarness();
  let sim: Simulator;
  beforeAll(() => {
    sim = simulator.sim();
  });

  async function connected(options: HarnessOptions = {}) {
    const h = await simulator.harness(options);
    const view = valueOf<ConnectionView>(await h.dispatch('connections:connect', { environmentId: 'sim' }));
    return { h, view };
  }
  const accessIn = (h: Harness, id: string) =>
    (JSON.parse(h.secrets.entries.get(`connection/${id}/access-token`) ?? 'null') as { accessToken: string } | null)
      ?.accessToken;
  const onDisk = (h: Harness) =>
    JSON.parse(readFileSync(path.join(h.config.dataDir, 'connections.json'), 'utf8')) as {
      connections: { id: string; label: string; status: string; lastRefreshedAt: string | null }[];
    };
  const refreshAtSimulator = (refreshToken: string) =>
    fetch(new URL('/connect/token', sim.issuer), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: refreshToken,
        client_id: sim.clientId,
        client_secret: sim.clientSecret,
      }),
    });

  it('"Refresh now" gets a new access token and sets lastRefreshedAt', async () => {
    const { h, view } = await connected();
    const before = accessIn(h, view.id);
    h.clock.advance(10 * 60_000);
    const refreshed = valueOf<ConnectionView>(await h.dispatch('connections:refresh', { id: view.id }));
    const at = new Date(h.clock.now()).toISOString();
    expect(refreshed).toMatchObject({ id: view.id, status: 'connected', statusMessage: null, lastRefreshedAt: at });
    expect(refreshed.expiresAt).toBe(new Date(h.clock.now() + 3600_000).toISOString());
    expect(accessIn(h, view.id)).not.toBe(before);
    expect(sim.issuedTokens()).toContain(accessIn(h, view.id));
    expect(onDisk(h).connections).toEqual([expect.objectContaining({ id: view.id, lastRefreshedAt: at })]);
    expect(h.changes().some((list) => list.some((c) => c.id === view.id && c.status === 'refreshing'))).toBe(true);
    expect(h.changes().at(-1)).toEqual([refreshed]);
  });

  it('marks the connection needs-reconnect when the simulator answers invalid_grant', async () => {
    const { h, view } = await connected();
    sim.setFaults({ token: 'invalid-grant' });
    const result = valueOf<ConnectionView>(await h.dispatch('connections:refresh', { id: view.id }));
    expect(result).toMatchObject({
      id: view.id,
      status: 'needs-reconnect',
      lastRefreshedAt: null,
      statusMessage: expect.stringContaining('Reconnect the organisation to continue.'),
    });
    expect(onDisk(h).connections).toEqual([expect.objectContaining({ id: view.id, status: 'needs-reconnect' })]);
    expect(h.changes().at(-1)).toEqual([result]);
  });

  it('keeps a new name across a restart, and keeps the old one for a blank name', async () => {
    const { h, view } = await connected();
    const renamed = valueOf<ConnectionView>(
      await h.dispatch('connections:rename', { id: view.id, label: '  Head office  ' }),
    );
    expect(renamed).toEqual({ ...view, label: 'Head office' });
    expect(h.changes().at(-1)).toEqual([renamed]);
    expect(valueOf<ConnectionView>(await h.dispatch('connections:rename', { id: view.id, label: '   ' })).label).toBe(
      'Head office',
    );
    expect(onDisk(h).connections).toEqual([expect.objectContaining({ id: view.id, label: 'Head office' })]);

    h.core.stop();
    const restarted = await simulator.harness({ dataDir: h.config.dataDir, secrets: h.secrets });
    expect(valueOf<ConnectionView[]>(await restarted.dispatch('connections:list'))).toEqual([
      expect.objectContaining({ id: view.id, label: 'Head office', status: 'connected' }),
    ]);
  });

  it('disconnect revokes the refresh token at the simulator, then removes every secret and the record', async () => {
    const { h, view } = await connected();
    const other = valueOf<ConnectionView>(await h.dispatch('connections:connect', { environmentId: 'sim' }));
    const refreshToken = h.secrets.entries.get(`connection/${view.id}/refresh-token`)!;
    expect(refreshToken).toEqual(expect.any(String));
    expect((await refreshAtSimulator(refreshToken)).status).toBe(200); // it works before

    const report = valueOf<DisconnectReport>(await h.dispatch('connections:disconnect', { id: view.id }));
    expect(report).toEqual({ revoked: true, revocationSupported: true });
    expect(h.requests.some((r) => r.method === 'POST' && new URL(r.url).pathname === '/connect/revocation')).toBe(true);
    const after = await refreshAtSimulator(refreshToken);
    expect(after.status).toBe(400);
    expect(await after.json()).toMatchObject({ error: 'invalid_grant' });

    expect(h.connectionKeys().filter((k) => k.startsWith(`connection/${view.id}/`))).toEqual([]);
    expect(h.connectionKeys()).toHaveLength(2);
    expect(valueOf<ConnectionView[]>(await h.dispatch('connections:list'))).toEqual([other]);
    expect(onDisk(h).connections.map((c) => c.id)).toEqual([other.id]);
    expect(h.changes().at(-1)).toEqual([other]);
    expect(await h.dispatch('connections:disconnect', { id: view.id })).toMatchObject({
      ok: false,
      error: { code: 'unknown-connection' },
    });
  });

  it('answers unknown-connection for an id it does not have, touching nothing', async () => {
    const h = await simulator.harness();
    for (const [channel, arg] of [
      ['connections:refresh', { id: 'nope' }],
      ['connections:rename', { id: 'nope', label: 'x' }],
      ['connections:disconnect', { id: 'nope' }],
    ] as const) {
      expect(await h.dispatch(channel, arg)).toMatchObject({
        ok: false,
        error: { code: 'unknown-connection', message: 'That connection no longer exists.' },
      });
    }
    expect(h.requests).toEqual([]);
    expect(existsSync(path.join(h.config.dataDir, 'connections.json'))).toBe(false);
  });

  it('emits connections:changed after connect, refresh, rename and disconnect, and never lets a token or the secret out', async () => {
    const h = await simulator.harness();
    const counts: number[] = [];
    const step = async (channel: string, arg: unknown) => {
      const before = h.changes().length;
      const reply = await h.dispatch(channel, arg);
      counts.push(h.changes().length - before);
      return reply;
    };
    const view = valueOf<ConnectionView>(await step('connections:connect', { environmentId: 'sim' }));
    h.clock.advance(60_000);
    valueOf(await step('connections:refresh', { id: view.id }));
    valueOf(await step('connections:rename', { id: view.id, label: 'Renamed' }));
    valueOf(await step('connections:disconnect', { id: view.id }));
    expect(counts.every((n) => n >= 1)).toBe(true);
    expect(h.changes().at(-1)).toEqual([]);

    const issued = sim.issuedTokens();
    expect(issued.length).toBeGreaterThanOrEqual(3);
    const everything = JSON.stringify([h.replies, h.events]);
    for (const secret of [...issued, sim.clientSecret]) expect(everything).not.toContain(secret);
    const activity = h.events
      .filter((e) => e.channel === 'activity:added')
      .map((e) => (e.payload as { kind: string }).kind);
    expect(activity).toEqual(expect.arrayContaining(['connect', 'refresh', 'disconnect']));
  });
});
