// Keep-alive through the real core against the simulator: renewals on schedule (a clock moved forward
// renews exactly once), lapse warnings and notifications, the reason for a lapse, and the background setting.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionView, KeepAliveSetting } from '../../../preload/contract';
import type { Simulator } from '../../sim/index';
import { RecordingLoginItem, RecordingNotifier, RecordingTray } from '../../shell/recording-background';
import { useSimulatorHarness, valueOf, type HarnessOptions } from '../connections/sim-harness';

const DAY = 24 * 3600_000;
/** A scheduler that never fires by itself: the tests run keep-alive's pass with `tick()`. */
const byHand = { every: () => () => undefined };

describe('keep-alive: renewals, warnings and the background setting', () => {
  const simulator = useSimulatorHarness();
  let sim: Simulator;
  beforeAll(() => void (sim = simulator.sim()));

  async function connected(options: HarnessOptions = {}) {
    const notifier = new RecordingNotifier();
    const loginItem = new RecordingLoginItem();
    const tray = new RecordingTray();
    const h = await simulator.harness({
      // The simulator is not ApprovalMax's server, so its lifetime is set as IT would.
      environment: { refreshTokenLifetimeDays: 30 },
      ports: { notifier, loginItem, tray },
      shell: { keepAliveScheduler: byHand },
      ...options,
    });
    const view = valueOf<ConnectionView>(await h.dispatch('connections:connect', { environmentId: 'sim' }));
    await h.core.keepAlive.tick();
    const current = async () =>
      valueOf<ConnectionView[]>(await h.dispatch('connections:list')).find((c) => c.id === view.id)!;
    return { h, view, notifier, loginItem, tray, current };
  }

  it('says until when a new connection stays alive without the app', async () => {
    const { view, h } = await connected();
    expect(view.lifetime).toEqual({
      renewedAt: new Date(h.clock.now()).toISOString(),
      lapsesAt: new Date(h.clock.now() + 30 * DAY).toISOString(),
      phase: 'alive',
      words: expect.stringMatching(
        /^Stays connected until about \d{1,2} \w{3} \d{4} even if this app is not opened\.$/,
      ),
      warning: null,
    });
  });

  it('renews nothing before a week, then exactly once when the clock moves across the renewal point', async () => {
    const { h, current } = await connected();
    const before = h.tokenRequests();
    h.clock.advance(6 * DAY);
    await h.core.keepAlive.tick();
    expect(h.tokenRequests()).toBe(before);

    h.clock.advance(DAY + 60_000);
    for (let i = 0; i < 3; i++) {
      await h.core.keepAlive.tick();
      h.clock.advance(60_000);
    }
    expect(h.tokenRequests()).toBe(before + 1);
    expect((await current()).lifetime?.renewedAt).toBe(new Date(h.clock.now() - 3 * 60_000).toISOString());
  });

  it('a clock that jumps backwards renews once, not on every tick', async () => {
    const { h } = await connected();
    const before = h.tokenRequests();
    h.clock.advance(-5 * DAY);
    for (let i = 0; i < 3; i++) {
      await h.core.keepAlive.tick();
      h.clock.advance(60_000);
    }
    expect(h.tokenRequests()).toBe(before + 1);
  });

  it('within 5 days of lapsing: the card warns and one notification a day says what to do', async () => {
    const { h, notifier, current } = await connected();
    sim.setFaults({ token: 'server-error' });
    h.clock.advance(26 * DAY);
    await h.core.keepAlive.tick();
    const card = await current();
    expect(card.lifetime).toMatchObject({
      phase: 'lapsing-soon',
      warning: expect.stringMatching(/^Open this app before .* or reconnect/),
    });
    expect(notifier.shown).toEqual([
      { title: `${card.label} stops working soon`, body: card.lifetime!.warning, at: expect.any(String) },
    ]);
    // Failed renewals are not notified while the app is open (background keep-alive is off).
    h.clock.advance(60 * 60_000);
    await h.core.keepAlive.tick();
    expect(notifier.shown).toHaveLength(1);
    h.clock.advance(DAY);
    await h.core.keepAlive.tick();
    expect(notifier.shown).toHaveLength(2);
  }, 60_000);

  it('past its lifetime: needs reconnecting, with the reason in words', async () => {
    const { h, current } = await connected();
    sim.setFaults({ token: 'invalid-grant' });
    h.clock.advance(31 * DAY);
    await h.core.keepAlive.tick();
    const card = await current();
    expect(card.status).toBe('needs-reconnect');
    expect(card.statusMessage).toMatch(
      /^It was not renewed for 30 days \(last renewed .*\), so Local simulator let the connection lapse\./,
    );
    expect(card.lifetime).toBeNull();
  });

  it('keep-alive in the background: the login item and tray follow the setting, and failures notify', async () => {
    const { h, notifier, loginItem, tray } = await connected();
    expect(loginItem.calls).toEqual([false]);
    expect(tray.menu).toBeNull();
    const on = valueOf<KeepAliveSetting>(await h.dispatch('health:setKeepAlive', { enabled: true }));
    expect(on).toEqual({ enabled: true, setByAdmin: false, startsAtLogin: false });
    expect(loginItem.openAtLogin).toBe(true);
    expect(tray.menu?.items.map((i) => ('label' in i ? i.label : '—'))).toEqual([
      '1 connection, kept alive',
      '—',
      'Open ApprovalMax Connect',
      'Check all connections',
      '—',
      'Quit ApprovalMax Connect',
    ]);

    sim.setFaults({ token: 'invalid-grant' });
    h.clock.advance(8 * DAY);
    await h.core.keepAlive.tick();
    expect(notifier.shown.map((n) => n.title)).toEqual([expect.stringMatching(/needs reconnecting$/)]);
    expect(tray.menu?.tooltip).toBe('ApprovalMax Connect — 1 of 1 connection needs attention');

    valueOf(await h.dispatch('health:setKeepAlive', { enabled: false }));
    expect(loginItem.openAtLogin).toBe(false);
    expect(tray.menu).toBeNull();
  }, 30_000);

  it('the admin file forces the setting and the app says so', async () => {
    const loginItem = new RecordingLoginItem();
    const { h } = await connected({
      environment: { refreshTokenLifetimeDays: 30 },
      config: { keepAliveInBackground: true },
      ports: { loginItem },
      shell: { keepAliveScheduler: byHand },
    });
    expect(loginItem.openAtLogin).toBe(true);
    const setting = valueOf<KeepAliveSetting>(await h.dispatch('health:keepAlive'));
    expect(setting).toMatchObject({ enabled: true, setByAdmin: true });
    const refused = await h.dispatch('health:setKeepAlive', { enabled: false });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument', message: expect.stringContaining('IT team') },
    });
  });
});
