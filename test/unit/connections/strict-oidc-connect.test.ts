// Connecting to a standards-following OpenID provider (the simulator's strict mode): the app asks for
// consent when it asks for openid + offline_access, gets a refresh token, and keeps it across a restart.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionView } from '../../../preload/contract';
import type { Simulator } from '../../sim/index';
import { API_SCOPES } from '../../sim/fixtures';
import { isSignInPageProblem } from '../../../main/core/oauth/sign-in-navigation';
import { startHarness, useSimulatorHarness, valueOf } from './sim-harness';

const OIDC_SCOPES = ['openid', API_SCOPES.read, 'offline_access'];

describe('connecting to a strict OpenID Connect server', () => {
  const simulator = useSimulatorHarness({ strictOidc: true });
  let sim: Simulator;
  beforeAll(() => void (sim = simulator.sim()));

  it('sends prompt=consent, is granted offline access, refreshes, and still refreshes after a restart', async () => {
    const h = await simulator.harness({ environment: { scopes: OIDC_SCOPES } });
    const view = valueOf<ConnectionView>(await h.dispatch('connections:connect', { environmentId: 'sim' }));
    expect(new URL(h.window.opened[0]!.url).searchParams.get('prompt')).toBe('consent');
    expect(view).toMatchObject({ status: 'connected', renewal: 'offline', renewalNote: null });
    h.clock.advance(10 * 60_000);
    expect(valueOf<ConnectionView>(await h.dispatch('connections:refresh', { id: view.id })).status).toBe('connected');
    await h.core.stop();

    const again = await startHarness(sim, {
      environment: { scopes: OIDC_SCOPES },
      dataDir: h.config.dataDir,
      secrets: h.secrets,
    });
    const [restored] = valueOf<ConnectionView[]>(await again.dispatch('connections:list'));
    expect(restored).toMatchObject({ id: view.id, status: 'connected', renewal: 'offline' });
    expect(valueOf<ConnectionView>(await again.dispatch('connections:refresh', { id: view.id })).status).toBe(
      'connected',
    );
    await again.core.stop();
  });

  it('without consent (prompt forced to login) no refresh token comes, and the message names the likely causes in order', async () => {
    const h = await simulator.harness({ environment: { scopes: OIDC_SCOPES, prompt: 'login' } });
    const reply = await h.dispatch('connections:connect', { environmentId: 'sim' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'sign-in-failed' } });
    const message = !reply.ok ? reply.error.message : '';
    expect(message).toMatch(/^Local simulator issued no refresh token/);
    const order = ['asked for consent', 'not allowed offline access', 'not ticked on the consent page'].map((words) =>
      message.indexOf(words),
    );
    expect(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]!))).toBe(true);
    expect(message).not.toContain('ApprovalMax');
  });
});

describe("the identity server's own error page in the sign-in window", () => {
  const simulator = useSimulatorHarness({ strictOidc: true });

  it('is reported at once, with its status and title, naming the environment, while the window stays open', async () => {
    let reported: unknown[] = [];
    const h = await simulator.harness({
      // Without openid the strict server answers its own error page; the window reports it, then the user closes it.
      respond: async (url) => {
        const res = await fetch(url, { redirect: 'manual' });
        const title = /<title>([^<]*)<\/title>/.exec(await res.text())?.[1] ?? '';
        h.window.opened[0]!.onPageLoaded?.({ url, status: res.status, title });
        reported = h.events.filter((e) => e.channel === 'connections:signInProblem').map((e) => e.payload);
        return { kind: 'cancelled' };
      },
    });
    await h.dispatch('connections:connect', { environmentId: 'sim' });
    expect(reported).toEqual([
      {
        environmentId: 'sim',
        message: expect.stringMatching(
          /^Local simulator's sign-in page shows an error \(HTTP 400, "[^"]*"\), so the sign-in cannot finish\..*scope openid/,
        ),
      },
    ]);
  });
});

describe('which loaded sign-in pages are the server refusing', () => {
  const ISSUER = 'https://login.acme.example';
  it.each([
    [{ url: `${ISSUER}/connect/authorize?client_id=x`, status: 400, title: 'Error' }, true],
    [{ url: `${ISSUER}/home/error?errorId=abc`, status: 200, title: 'Error' }, true],
    [{ url: `${ISSUER}/connect/authorize?error=invalid_scope`, status: 200, title: 'Sign in' }, true],
    [{ url: `${ISSUER}/account/login?returnUrl=x`, status: 200, title: 'Sign in' }, false],
    [{ url: 'https://accounts.google.com/signin?error=x', status: 400, title: 'Google' }, false],
    [{ url: `${ISSUER}/account/login`, status: null, title: '' }, false],
  ])('%j → %s', (page, problem) => {
    expect(isSignInPageProblem(page, ISSUER)).toBe(problem);
  });
});
