import { beforeAll, describe, expect, it } from 'vitest';
import type { BrowserSignIn, ConnectionView } from '../../../preload/contract';
import type { Simulator } from '../../sim/index';
import { signInOverHttp, useSimulatorHarness, valueOf, type HarnessOptions } from './sim-harness';

const NOT_OURS = 'That address is not where Local simulator sends you back after signing in.';
const USED = 'This sign-in has expired or was already used. Start connecting again.';

describe('signing in with the user’s own browser, against the simulator', () => {
  const simulator = useSimulatorHarness();
  let sim: Simulator;
  beforeAll(() => {
    sim = simulator.sim();
  });

  async function begin(options: HarnessOptions = {}) {
    const h = await simulator.harness(options);
    const started = await h.dispatch('connections:signInWithBrowser', { environmentId: 'sim' });
    return { h, started, flowId: started.ok ? valueOf<BrowserSignIn>(started).flowId : '' };
  }

  it('opens the authorize URL (on the issuer’s origin) in the browser, not in the window', async () => {
    const { h, started } = await begin();
    expect(started).toEqual({ ok: true, value: { flowId: expect.any(String) } });
    expect(h.window.opened).toEqual([]);
    expect(h.browser.opened).toHaveLength(1);
    const url = new URL(h.browser.opened[0]!);
    expect(url.origin).toBe(new URL(sim.issuer).origin);
    expect(url.pathname).toBe('/connect/authorize');
    expect(url.searchParams.get('client_id')).toBe(sim.clientId);
    expect(url.searchParams.get('redirect_uri')).toBe(sim.redirectUri);
    expect(url.searchParams.get('state')).toEqual(expect.any(String));
    expect(h.browser.opened[0]).not.toContain(sim.clientSecret);
  });

  it('lets a wrong paste be corrected, connects on the right one, and refuses a replay', async () => {
    const { h, flowId } = await begin();
    const landed = await signInOverHttp(sim, h.browser.opened[0]!, {
      organisations: [sim.organisations[1]!.companyId],
    });

    const wrong = await h.dispatch('connections:finishBrowserSignIn', {
      flowId,
      landedUrl: 'https://example.com/somewhere?code=abc',
    });
    expect(wrong).toMatchObject({
      ok: false,
      error: { code: 'sign-in-failed', message: expect.stringContaining(NOT_OURS) },
    });
    const forged = new URL(landed);
    forged.searchParams.set('state', 'from-another-attempt');
    const mismatch = await h.dispatch('connections:finishBrowserSignIn', { flowId, landedUrl: forged.href });
    expect(mismatch).toMatchObject({
      ok: false,
      error: {
        code: 'sign-in-failed',
        message: expect.stringContaining('does not belong to the one this app started'),
      },
    });
    expect(h.tokenRequests()).toBe(0);

    const view = valueOf<ConnectionView>(
      await h.dispatch('connections:finishBrowserSignIn', { flowId, landedUrl: `  ${landed}\n` }),
    );
    expect(view).toMatchObject({ status: 'connected', organisations: [sim.organisations[1]] });
    expect(h.connectionKeys().sort()).toEqual([
      `connection/${view.id}/access-token`,
      `connection/${view.id}/refresh-token`,
    ]);
    expect(h.tokenRequests()).toBe(1);

    const replay = await h.dispatch('connections:finishBrowserSignIn', { flowId, landedUrl: landed });
    expect(replay).toEqual({ ok: false, error: { code: 'sign-in-failed', message: USED } });
    expect(h.tokenRequests()).toBe(1);
    expect(valueOf<ConnectionView[]>(await h.dispatch('connections:list'))).toEqual([view]);
    expect(h.changes().at(-1)).toEqual([view]);
  });

  it('refuses a paste for an unknown flow', async () => {
    const { h } = await begin();
    const landed = await signInOverHttp(sim, h.browser.opened[0]!);
    expect(await h.dispatch('connections:finishBrowserSignIn', { flowId: 'made-up', landedUrl: landed })).toEqual({
      ok: false,
      error: { code: 'sign-in-failed', message: USED },
    });
    expect(h.tokenRequests()).toBe(0);
  });

  it('ends the flow on a pasted Deny: "Nothing was connected.", and the flow is then closed', async () => {
    const { h, flowId } = await begin();
    const denied = await signInOverHttp(sim, h.browser.opened[0]!, { decision: 'deny' });
    const result = await h.dispatch('connections:finishBrowserSignIn', { flowId, landedUrl: denied });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'sign-in-failed', message: expect.stringContaining('Nothing was connected.') },
    });
    expect(await h.dispatch('connections:finishBrowserSignIn', { flowId, landedUrl: denied })).toEqual({
      ok: false,
      error: { code: 'sign-in-failed', message: USED },
    });
    expect(h.tokenRequests()).toBe(0);
    expect(h.connectionKeys()).toEqual([]);
  });

  it('answers not-configured without opening the browser when the environment has no secret', async () => {
    const { h, started } = await begin({ clientSecret: null });
    expect(started).toMatchObject({ ok: false, error: { code: 'not-configured' } });
    expect(h.browser.opened).toEqual([]);
  });

  it('says so in plain words when the browser cannot be opened', async () => {
    const h = await simulator.harness();
    h.browser.open = async () => {
      throw new Error('xdg-open not found');
    };
    const result = await h.dispatch('connections:signInWithBrowser', { environmentId: 'sim' });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'sign-in-failed',
        message: 'Your browser could not be opened. Check that a default browser is set, then try again.',
      },
    });
  });
});
