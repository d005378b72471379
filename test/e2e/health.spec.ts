// Connections that stay connected, visibly (README "Staying connected"): Check connection against the
// real simulator, and the refresh-token lifetime with the app's clock moved forward (Chromium shell).
import type { Page } from '@playwright/test';
import type { ShellApplication } from '../shell/launch';
import { runsInShell, type AppHandle } from './app-launcher';
import { expect, expectNoStackTrace, simulatorEnvironment, test, writeAppConfig } from './fixtures';
import { connectAs } from './sign-in';

const DAY = 24 * 60 * 60 * 1000;
const HARBOUR = 'Harbour Accounting Pty';

/** The card of one connection, found by its heading. */
const card = (window: Page, label: string) => window.getByRole('article', { name: label });

test.describe('Check connection', () => {
  test('names the organisation whose plan has no API access, says why, and marks it on the card', async ({
    app,
    window,
    sim,
  }) => {
    const [northwind] = sim.organisations;
    await connectAs(app, window, sim, [northwind!.name, HARBOUR]);
    const label = `${northwind!.name} + 1 more`;
    await expect(card(window, label).getByLabel('Status: Connected')).toBeVisible();

    await window.getByRole('button', { name: `Check ${label}` }).click();
    const steps = window.getByRole('list', { name: `Check steps of ${label}` });
    await expect(steps.getByRole('listitem').filter({ hasText: HARBOUR })).toContainText(
      'Failed' + `${HARBOUR} — Its ApprovalMax plan has no API access`,
    );
    await expect(steps.getByRole('listitem').filter({ hasText: northwind!.name })).toContainText('Data readable');
    await expect(steps).toContainText('Token renewal — The token endpoint renewed the token.');
    await expect(card(window, label)).toContainText(
      `Last check (just now): Failed — 1 problem: ${HARBOUR}: Its ApprovalMax plan has no API access.`,
    );
    const organisations = window.getByRole('list', { name: `Organisations of ${label}` });
    await expect(organisations.getByRole('listitem')).toHaveText([
      northwind!.name,
      `${HARBOUR}: Its ApprovalMax plan has no API access.`,
    ]);

    await window.getByRole('link', { name: 'Activity' }).click();
    await expect(window.getByRole('region', { name: 'Timeline' })).toContainText(`Checked ${label}: 1 problem`);
    await expectNoStackTrace(window);
  });
});

test.describe('Staying connected (the app clock moved forward)', () => {
  test.skip(
    !runsInShell(),
    'moves the app’s clock and reads recorded notifications, which only the Chromium shell offers',
  );

  /** The simulator with a 30-day lifetime set by IT, and keep-alive looking every half second. */
  async function start(
    dataDir: string,
    sim: Parameters<typeof simulatorEnvironment>[0],
    launch: (o?: { env?: Record<string, string> }) => Promise<AppHandle>,
  ) {
    writeAppConfig(dataDir, [simulatorEnvironment(sim, { refreshTokenLifetimeDays: 30 })]);
    const app = (await launch({
      env: { APPROVALMAX_CONNECT_KEEP_ALIVE_CHECK_MS: '500' },
    })) as unknown as ShellApplication;
    const window = await app.firstWindow();
    const name = sim.organisations[0]!.name;
    await connectAs(app, window, sim, [name]);
    await expect(card(window, name).getByLabel('Status: Connected')).toBeVisible();
    await expect(card(window, name)).toContainText(
      /Stays connected until about \d{1,2} \w{3} \d{4} even if this app is not opened/,
    );
    return { app, window, name };
  }
  const refreshes = async (app: ShellApplication) => {
    const listed = await app.core.handlers.activity.list({ kind: 'refresh' });
    return listed.ok ? listed.value.length : -1;
  };

  test('within 5 days of the lifetime: a banner, the card, and a recorded notification', async ({
    sim,
    dataDir,
    launch,
  }) => {
    const { app, window, name } = await start(dataDir, sim, launch);
    // Renewals fail (the token endpoint is down), and 26 of the 30 days pass.
    sim.setFaults({ token: 'server-error' });
    app.clock.move(26 * DAY);

    const banner = window.getByRole('region', { name: 'Connections about to stop' });
    await expect(banner).toContainText(`${name} stops working soon`, { timeout: 20_000 });
    await expect(banner).toContainText(/Open this app before \d{1,2} \w{3} or reconnect/);
    await expect(card(window, name)).toContainText(/Open this app before \d{1,2} \w{3} or reconnect/);
    await expect.poll(() => app.notifier.shown.map((n) => n.title)).toEqual([`${name} stops working soon`]);
    expect(app.notifier.shown[0]!.body).toMatch(/^Open this app before .* or reconnect/);
    // Once a day: more passes of keep-alive show no second notification.
    await window.waitForTimeout(1500);
    expect(app.notifier.shown).toHaveLength(1);
    await expectNoStackTrace(window);
  });

  test('past the lifetime: needs reconnecting, with the reason in words', async ({ sim, dataDir, launch }) => {
    // The simulator's refresh tokens lapse 2 s after their last use, as ApprovalMax's do after 30 days.
    sim.setFaults({ refreshTokenTtl: 2 });
    const { app, window, name } = await start(dataDir, sim, launch);
    await window.waitForTimeout(2500);
    app.clock.move(31 * DAY);

    await expect(card(window, name).getByLabel('Status: Needs reconnecting')).toBeVisible({ timeout: 15_000 });
    await expect(card(window, name)).toContainText(
      /It was not renewed for 30 days \(last renewed \d{1,2} \w{3} \d{4}\), so Local simulator let the connection lapse\./,
    );
    await expect(card(window, name)).toContainText('Reconnect to continue');
    await expectNoStackTrace(window);
  });

  test('a clock moved forward across the weekly renewal point renews exactly once', async ({
    sim,
    dataDir,
    launch,
  }) => {
    const { app, window, name } = await start(dataDir, sim, launch);
    await window.waitForTimeout(1000);
    expect(await refreshes(app)).toBe(0);

    app.clock.move(7 * DAY + 60_000);
    await expect(card(window, name)).toContainText(/last refreshed/, { timeout: 10_000 });
    await expect.poll(() => refreshes(app)).toBe(1);
    // Several more passes of keep-alive (every half second) renew nothing more.
    await window.waitForTimeout(3000);
    expect(await refreshes(app)).toBe(1);
    await expect(card(window, name).getByLabel('Status: Connected')).toBeVisible();
  });
});
