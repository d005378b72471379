import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { ShellApplication } from '../shell/launch';
import { runsInShell } from './app-launcher';
import { expect, SIMULATOR_ENVIRONMENT, simulatorEnvironment, test, writeAppConfig } from './fixtures';
import { connectAs, consent, signIn, startConnecting } from './sign-in';

// An axe-core audit (WCAG 2.0 and 2.1, levels A and AA) of every screen and of the main states the
// other specs reach, each in the light and the dark colour scheme. No rule is disabled.

const SAMPLE = readFileSync(new URL('../fixtures/approvalmax-sample-token.txt', import.meta.url), 'utf8').trim();
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/** The WCAG rules whose outcome depends on colours: the only ones a colour scheme can change. */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/** Audits the window as it is now, light then dark: no violation, each named with its rule and elements if there is one. */
async function expectAccessible(window: Page, state: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await window.emulateMedia({ colorScheme });
    // Legacy mode runs axe inside the page itself: the default mode opens a second page to combine
    // frame results, which the app (like Electron) closes at once — and the app has no frames.
    const axe = new AxeBuilder({ page: window }).setLegacyMode(true);
    // Every WCAG rule in light; in dark the same page again, so only the colour rules, which are what a scheme changes.
    const { violations } = await (colorScheme === 'light' ? axe.withTags(WCAG) : axe.withRules(COLOUR_RULES)).analyze();
    const found = violations.map((v) => ({
      rule: v.id,
      impact: v.impact,
      help: v.help,
      where: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`),
    }));
    expect(found, `${state}, ${colorScheme} colour scheme`).toEqual([]);
  }
  await window.emulateMedia({ colorScheme: null });
}

async function open(window: Page, screen: string): Promise<void> {
  await window.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: screen }).click();
  await expect(window.getByRole('heading', { name: screen, level: 1 })).toBeVisible();
}

test.describe('Accessibility (axe, WCAG 2.1 A and AA, light and dark)', () => {
  test('Connections: empty, signing in, connected, and the disconnect question', async ({ app, window, sim }) => {
    await expect(window.getByRole('heading', { name: 'No organisations connected yet' })).toBeVisible();
    await expectAccessible(window, 'no connections yet');

    const auth = await startConnecting(app, window);
    await expect(window.getByRole('heading', { name: 'Connecting to Local simulator' })).toBeVisible();
    await expectAccessible(window, 'the sign-in panel');

    const name = sim.organisations[0]!.name;
    await signIn(auth, sim);
    await consent(auth, [name]);
    await expect(window.getByLabel('Status: Connected')).toBeVisible();
    await expectAccessible(window, 'a connected connection');

    await window.getByRole('button', { name: `Disconnect ${name}` }).click();
    await expect(window.getByRole('dialog', { name: `Disconnect ${name}?` })).toBeVisible();
    await expectAccessible(window, 'the disconnect question');
    await window.getByRole('button', { name: 'Keep connected' }).click();
  });

  test('Test the API: a failed call, a verdict, and the copy-with-token question', async ({ window, sim }) => {
    await open(window, 'Test the API');
    await window.getByRole('button', { name: 'Send request' }).click();
    await expect(window.getByRole('alert')).toHaveText('Paste an access token first.');
    await expectAccessible(window, 'the ping form with an error');

    await window.getByLabel('Environment').selectOption({ label: SIMULATOR_ENVIRONMENT });
    await window.getByLabel('Access token').fill((await sim.issueTokens()).access_token);
    await window.getByRole('button', { name: 'Send request' }).click();
    await expect(window.getByRole('status')).toContainText('accepted the token');
    for (const section of ['Response headers', 'Request sent', 'Timings']) await window.getByText(section).click();
    await expectAccessible(window, 'a ping result with its details open');

    await window.getByRole('button', { name: 'Copy as cURL with the real token…' }).click();
    await expect(window.getByRole('dialog', { name: 'Copy the command with the real token?' })).toBeVisible();
    await expectAccessible(window, 'the copy-with-token question');
    await window.getByRole('button', { name: 'Keep $TOKEN' }).click();

    sim.setFaults({ ping: 'unavailable' });
    await window.getByRole('button', { name: 'Send request' }).click();
    await expect(window.getByRole('status')).toContainText('HTTP 503');
    await expectAccessible(window, 'a failed ping with ProblemDetails and a history');
  });

  test('Inspect a token: the sample explained, and a connection’s token revealed', async ({ app, window, sim }) => {
    await open(window, 'Inspect a token');
    await expectAccessible(window, 'the empty inspector');
    await window.getByLabel('Token', { exact: true }).fill(`Bearer ${SAMPLE}`);
    await window.getByRole('button', { name: 'Inspect', exact: true }).click();
    await expect(window.getByRole('region', { name: 'Summary' })).toContainText('Expired');
    await window.getByText('JSON view').click();
    await expectAccessible(window, 'the sample token decoded');

    await window.getByLabel('Token', { exact: true }).fill('definitely not a token');
    await window.getByRole('button', { name: 'Inspect', exact: true }).click();
    await expect(window.getByRole('alert').first()).toBeVisible();
    await expectAccessible(window, 'a paste without a token');

    const name = sim.organisations[0]!.name;
    await open(window, 'Connections');
    await connectAs(app, window, sim, [name]);
    await window.getByRole('link', { name: `Inspect the token of ${name}` }).click();
    await expect(window.getByRole('region', { name: 'Summary' })).toContainText('Expires');
    await window.getByRole('button', { name: 'Check the signature' }).click();
    await expect(window.getByRole('region', { name: 'Signature' }).getByRole('status')).toContainText(
      'Valid signature',
    );
    await window.getByRole('button', { name: 'Reveal token' }).click();
    await expect(window.getByLabel('Raw token, coloured by part')).toContainText('eyJ');
    await expectAccessible(window, 'a connection’s token, verified and revealed');
  });

  test('Activity and Diagnostics with a report', async ({ app, window, sim }) => {
    await open(window, 'Activity');
    await expect(window.getByText('Nothing has happened yet.')).toBeVisible();
    await expectAccessible(window, 'an empty timeline');

    await open(window, 'Connections');
    await connectAs(app, window, sim, [sim.organisations[1]!.name]);
    await expect(window.getByLabel('Status: Connected')).toBeVisible();
    await open(window, 'Test the API');
    await window.getByRole('button', { name: 'Send request' }).click();
    await expect(window.getByRole('status')).toContainText('accepted the token');
    await open(window, 'Activity');
    await expect(window.getByRole('region', { name: 'Timeline' }).getByRole('listitem')).toHaveCount(2);
    await expectAccessible(window, 'a timeline');

    await open(window, 'Diagnostics');
    await expectAccessible(window, 'diagnostics before a report');
    await window.getByRole('button', { name: 'Create report' }).click();
    await expect(window.getByLabel('Report preview')).toContainText('## Recent pings');
    await window.getByRole('button', { name: 'Open logs folder' }).click();
    await expect(window.getByText('Opened the logs folder')).toBeVisible();
    await expectAccessible(window, 'a diagnostics report');
  });

  test('Settings: the list, the edit forms, and the remove question', async ({ window, sim }) => {
    await open(window, 'Settings');
    await expect(window.getByRole('button', { name: 'Edit Production' })).toBeVisible();
    await expectAccessible(window, 'the environments list');

    await window.getByRole('button', { name: 'Edit Production' }).click();
    await expect(window.getByText('Production is built into the app')).toBeVisible();
    await expectAccessible(window, 'the built-in environment’s form');
    await window.getByRole('button', { name: 'Cancel' }).click();

    await window.getByRole('button', { name: `Edit ${SIMULATOR_ENVIRONMENT}` }).click();
    await expect(window.getByText('Your IT team set up')).toBeVisible();
    await expectAccessible(window, 'an IT-provided environment’s form');
    await window.getByRole('button', { name: 'Cancel' }).click();

    await window.getByRole('button', { name: 'Add environment' }).click();
    await window.getByLabel('Name').fill('Local test server');
    await window.getByLabel('Identity server address').fill('http://identity.example.com');
    await window.getByLabel('API address').fill(sim.apiBase);
    await window.getByRole('button', { name: 'Save' }).click();
    await expect(window.getByRole('alert')).toContainText('must be an https:// address');
    await expectAccessible(window, 'a new environment refused');
    await window.getByLabel('Identity server address').fill(sim.issuer);
    await window.getByRole('button', { name: 'Save' }).click();
    await expect(window.getByRole('status')).toHaveText('Saved Local test server.');
    await expectAccessible(window, 'the list after saving');

    await window.getByRole('button', { name: 'Edit Local test server' }).click();
    await window.getByRole('button', { name: 'Remove environment' }).click();
    await expect(window.getByRole('dialog', { name: 'Remove Local test server?' })).toBeVisible();
    await expectAccessible(window, 'the remove question');
  });

  test('the proxy sign-in dialog', async ({ app, window }) => {
    test.skip(!runsInShell(), 'asks the core directly, which only the Chromium shell exposes');
    const core = (app as unknown as ShellApplication).core;
    const challenge = {
      host: 'proxy.corp.example',
      port: 3128,
      realm: 'Corporate proxy',
      scheme: 'basic',
      retry: false,
    };
    const answered = core.proxy.ask(challenge);
    const dialog = window.getByRole('dialog', { name: "Your network's proxy asks you to sign in" });
    await expect(dialog).toBeVisible();
    await expectAccessible(window, 'the proxy dialog');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await answered).toBeNull();

    const refused = core.proxy.ask({ ...challenge, retry: true });
    await expect(dialog.getByRole('alert')).toBeVisible();
    await expectAccessible(window, 'the proxy dialog after a refused password');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await refused).toBeNull();
  });

  test('a check with its steps, and the banner of a connection about to lapse', async ({ sim, dataDir, launch }) => {
    test.skip(!runsInShell(), 'moves the app’s clock, which only the Chromium shell offers');
    writeAppConfig(dataDir, [simulatorEnvironment(sim, { refreshTokenLifetimeDays: 30 })]);
    const app = (await launch({
      env: { APPROVALMAX_CONNECT_KEEP_ALIVE_CHECK_MS: '500' },
    })) as unknown as ShellApplication;
    const window = await app.firstWindow();
    const names = sim.organisations.map((o) => o.name);
    await connectAs(app, window, sim, names);
    const label = `${names[0]} + ${names.length - 1} more`;
    await window.getByRole('button', { name: `Check ${label}` }).click();
    await expect(window.getByText(/^Last check \(just now\)/)).toBeVisible();
    await expectAccessible(window, 'a check with a failed organisation');

    sim.setFaults({ token: 'server-error' });
    app.clock.move(26 * 24 * 3600_000);
    await expect(window.getByRole('region', { name: 'Connections about to stop' })).toBeVisible({ timeout: 20_000 });
    await expectAccessible(window, 'a connection about to lapse');
  });
});
