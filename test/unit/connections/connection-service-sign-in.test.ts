import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionView } from '../../../preload/contract';
import type { Simulator } from '../../sim/index';
import { signInOverHttp, useSimulatorHarness, valueOf, type Harness } from './sim-harness';

describe('connecting through the core service, against the simulator', () => {
  const simulator = useSimulatorHarness();
  let sim: Simulator;
  beforeAll(() => {
    sim = simulator.sim();
  });

  const harness = simulator.harness;
  const connectionsFile = (h: Harness) => path.join(h.config.dataDir, 'connections.json');

  it('connects 2 of 3 organisations: the view lists exactly those, tokens go to the keychain, metadata to connections.json', async () => {
    const [first, second, third] = sim.organisations;
    const h = await harness({
      respond: async (url) => ({
        kind: 'redirect',
        url: await signInOverHttp(sim, url, { organisations: [first!.companyId, third!.companyId] }),
      }),
    });
    const view = valueOf<ConnectionView>(await h.dispatch('connections:connect', { environmentId: 'sim' }));

    expect(view.organisations).toEqual([first, third]);
    expect(view.organisations).not.toContainEqual(second);
    expect(view).toMatchObject({
      status: 'connected',
      statusMessage: null,
      environmentId: 'sim',
      environmentName: 'Local simulator',
      label: `${first!.name} + 1 more`,
      lastRefreshedAt: null,
    });
    expect(view.connectionId).toEqual(expect.any(String));
    expect(view.scopes).toContain('offline_access');
    expect(view.createdAt).toBe(new Date(h.clock.now()).toISOString());
    expect(valueOf<ConnectionView[]>(await h.dispatch('connections:list'))).toEqual([view]);

    expect(h.connectionKeys().sort()).toEqual([
      `connection/${view.id}/access-token`,
      `connection/${view.id}/refresh-token`,
    ]);
    const access = JSON.parse(h.secrets.entries.get(`connection/${view.id}/access-token`)!) as { accessToken: string };
    expect(sim.issuedTokens()).toContain(access.accessToken);
    expect(sim.issuedTokens()).toContain(h.secrets.entries.get(`connection/${view.id}/refresh-token`));

    const onDisk = readFileSync(connectionsFile(h), 'utf8');
    expect(JSON.parse(onDisk)).toMatchObject({
      version: 1,
      connections: [{ id: view.id, organisations: [first, third], status: 'connected' }],
    });
    for (const token of sim.issuedTokens()) expect(onDisk).not.toContain(token);
    expect(onDisk).not.toContain(sim.clientSecret);

    const changes = h.changes();
    expect(changes.at(-1)).toEqual([view]);
  });

  it('opens the window on the identity server with the redirect URI to catch', async () => {
    const h = await harness();
    valueOf(await h.dispatch('connections:connect', { environmentId: 'sim' }));
    expect(h.window.opened).toHaveLength(1);
    const request = h.window.opened[0]!;
    const url = new URL(request.url);
    expect(url.origin).toBe(new URL(sim.issuer).origin);
    expect(request.issuerOrigin).toBe(new URL(sim.issuer).origin);
    expect(request.redirectUri).toBe(sim.redirectUri);
    expect(url.searchParams.get('client_id')).toBe(sim.clientId);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(request.url).not.toContain(sim.clientSecret);
  });

  it('reports Deny as "sign-in-failed … Nothing was connected." and stores nothing', async () => {
    const h = await harness({
      respond: async (url) => ({ kind: 'redirect', url: await signInOverHttp(sim, url, { decision: 'deny' }) }),
    });
    const result = await h.dispatch('connections:connect', { environmentId: 'sim' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'sign-in-failed', message: expect.stringContaining('Nothing was connected.') },
    });
    if (!result.ok) expect(result.error.message).toContain('access was declined');
    expect(h.tokenRequests()).toBe(0);
    expect(h.connectionKeys()).toEqual([]);
    expect(existsSync(connectionsFile(h))).toBe(false);
    expect(valueOf(await h.dispatch('connections:list'))).toEqual([]);
  });

  it.each([
    ['cancelled', 'Sign-in was closed before it finished. Nothing was connected.'],
    [
      'timeout',
      'The sign-in window was open for more than 5 minutes, so it was closed for your safety. Nothing was connected. Start connecting again when you are ready.',
    ],
  ] as const)('reports a window that ended %s as sign-in-cancelled in plain words', async (kind, message) => {
    const h = await harness({ respond: () => ({ kind }) });
    expect(await h.dispatch('connections:connect', { environmentId: 'sim' })).toEqual({
      ok: false,
      error: { code: 'sign-in-cancelled', message },
    });
    expect(h.tokenRequests()).toBe(0);
    expect(h.connectionKeys()).toEqual([]);
    expect(existsSync(connectionsFile(h))).toBe(false);
  });

  it('closes the open window on connections:cancel-sign-in, and then allows a new sign-in', async () => {
    let windowOpen: () => void = () => {};
    const opened = new Promise<void>((resolve) => (windowOpen = resolve));
    const h = await harness({
      respond: () =>
        new Promise((resolve) => {
          const signal = h.window.opened.at(-1)!.signal;
          signal.addEventListener('abort', () => resolve({ kind: 'cancelled' }));
          windowOpen();
        }),
    });
    const connecting = h.dispatch('connections:connect', { environmentId: 'sim' });
    await opened;
    expect(await h.dispatch('connections:connect', { environmentId: 'sim' })).toMatchObject({
      ok: false,
      error: { code: 'sign-in-failed', message: expect.stringContaining('already open') },
    });
    expect(await h.dispatch('connections:cancelSignIn')).toEqual({ ok: true, value: null });
    expect(await connecting).toMatchObject({ ok: false, error: { code: 'sign-in-cancelled' } });
    expect(h.window.opened[0]!.signal.aborted).toBe(true);
    h.window.respond = async (url) => ({ kind: 'redirect', url: await signInOverHttp(sim, url) });
    expect(await h.dispatch('connections:connect', { environmentId: 'sim' })).toMatchObject({ ok: true });
  });

  it('refuses a redirect whose state is not the one it sent, without asking for a token', async () => {
    const h = await harness({
      respond: async (url) => {
        const landed = new URL(await signInOverHttp(sim, url));
        landed.searchParams.set('state', 'forged-state-from-another-attempt');
        return { kind: 'redirect', url: landed.href };
      },
    });
    const result = await h.dispatch('connections:connect', { environmentId: 'sim' });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'sign-in-failed',
        message: expect.stringContaining('does not belong to the one this app started'),
      },
    });
    expect(h.tokenRequests()).toBe(0);
    expect(h.connectionKeys()).toEqual([]);
    expect(existsSync(connectionsFile(h))).toBe(false);
  });

  it('says the Client ID or secret is wrong when the simulator refuses the client secret', async () => {
    const h = await harness({ clientSecret: 'not-the-simulator-secret' });
    const result = await h.dispatch('connections:connect', { environmentId: 'sim' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'sign-in-failed', message: expect.stringContaining('Client ID or secret is wrong') },
    });
    if (!result.ok) expect(result.error.message).not.toContain('not-the-simulator-secret');
    expect(h.tokenRequests()).toBe(1);
    expect(h.connectionKeys()).toEqual([]);
    expect(existsSync(connectionsFile(h))).toBe(false);
  });

  it('answers not-configured before any window opens when the environment has no secret', async () => {
    const h = await harness({ clientSecret: null });
    const result = await h.dispatch('connections:connect', { environmentId: 'sim' });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'not-configured',
        message: expect.stringContaining('Local simulator is missing its Client ID, redirect URI or Client Secret'),
      },
    });
    expect(h.window.opened).toEqual([]);
    expect(h.requests).toEqual([]);
    expect(await h.dispatch('connections:connect', { environmentId: 'no-such-env' })).toMatchObject({
      ok: false,
      error: { code: 'unknown-environment' },
    });
    expect(h.window.opened).toEqual([]);
  });

  it('keeps the connection as "error" with plain words when the organisation list cannot be read', async () => {
    const h = await harness();
    sim.setFaults({ ping: 'unavailable' });
    const view = valueOf<ConnectionView>(await h.dispatch('connections:connect', { environmentId: 'sim' }));
    expect(view).toMatchObject({ status: 'error', organisations: [], label: 'Local simulator connection' });
    expect(view.statusMessage).toMatch(
      /^Connected, but the API answered HTTP 503 when asked for the organisations\. Use "Refresh now" to try again\.$/,
    );
    expect(h.connectionKeys()).toHaveLength(2);
  });
});
