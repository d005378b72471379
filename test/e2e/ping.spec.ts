import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import type { Page } from '@playwright/test';
import type { ShellApplication } from '../shell/launch';
import { runsInShell } from './app-launcher';
import { expect, expectNoStackTrace, SIMULATOR_ENVIRONMENT, test, writeAppConfig } from './fixtures';

test.describe('Ping screen', () => {
  test('a simulator-issued token gets 200, the body, timings and a history entry', async ({ window, sim }) => {
    const { access_token } = await sim.issueTokens();
    await pingWithPasted(window, access_token);

    await expect(window.getByRole('status')).toContainText('ApprovalMax is reachable and accepted the token.');
    await expect(window.getByText('200 OK')).toBeVisible();
    await expect(window.getByLabel('Response body')).toContainText('"message"');
    await expect(window.getByRole('list', { name: 'Earlier checks' }).getByRole('button')).toHaveCount(1);
    // The request shown to the user masks the token; the cURL command uses $TOKEN.
    await window.getByText('Request sent').click();
    await expect(window.getByRole('table', { name: 'Request headers' })).toContainText('Bearer eyJ');
    await expect(window.getByLabel('cURL command')).toContainText('Bearer $TOKEN');
    await expect(
      window.getByRole('region', { name: 'ApprovalMax is reachable and accepted the token.' }),
    ).not.toContainText(access_token.slice(20));
    await window.getByText('Timings').click();
    await expect(window.getByRole('table', { name: 'Timings' })).toContainText('Total');
    await expect(window.getByText(/Phases measured by Node's fetch|Electron's network stack/)).toBeVisible();
    await expectNoStackTrace(window);
  });

  test('the organisations endpoint lists what the token covers', async ({ window, sim }) => {
    const [first] = sim.organisations;
    const { access_token } = await sim.issueTokens({ organisations: [first!.companyId] });
    await openPing(window);
    await window.getByLabel('Environment').selectOption({ label: SIMULATOR_ENVIRONMENT });
    await window.getByLabel('Endpoint').selectOption('/api/v1/companies');
    await window.getByLabel('Access token').fill(access_token);
    await window.getByLabel('Access token').press('Control+Enter');
    await expect(window.getByRole('status')).toContainText('accepted the token');
    await expect(window.getByLabel('Response body')).toContainText(first!.name);
  });

  test('a free path is called under the API base; an address is refused before anything is sent', async ({
    window,
    sim,
  }) => {
    await openPing(window);
    await window.getByLabel('Environment').selectOption({ label: SIMULATOR_ENVIRONMENT });
    await window.getByLabel('Endpoint').selectOption('custom');
    await window.getByLabel('Path').fill('https://elsewhere.example/ping');
    await window.getByLabel('Access token').fill((await sim.issueTokens()).access_token);
    await window.getByRole('button', { name: 'Send request' }).click();
    await expect(window.getByRole('alert')).toContainText('Only a path can be entered here');
    await window.getByLabel('Path').fill('/api/v1/nothing-here');
    await window.getByRole('button', { name: 'Send request' }).click();
    await expect(window.getByRole('status')).toContainText('ApprovalMax does not know this address (HTTP 404).');
  });

  test('a garbage token shows the 401 explanation', async ({ window }) => {
    await pingWithPasted(window, 'this-is-not-a-token');
    const verdict = window.getByRole('status');
    await expect(verdict).toContainText('ApprovalMax did not accept this access token (HTTP 401).');
    await expect(verdict).toContainText('expired');
    await expect(verdict).toContainText('get a fresh token by reconnecting');
    await expectNoStackTrace(window);
  });

  test('401 for a current token: the connection was disabled or deleted', async ({ window, sim }) => {
    const token = (await sim.issueTokens()).access_token;
    sim.setFaults({ ping: 'unauthorized' });
    await pingWithPasted(window, token);
    await expect(window.getByRole('status')).toContainText('ApprovalMax no longer accepts this token (HTTP 401).');
    await expect(window.getByRole('status')).toContainText('disabled or deleted in ApprovalMax');
    await expect(window.getByLabel('Error details')).toContainText('Simulated: the token was rejected.');
  });

  test('429 says how long to wait, from Retry-After', async ({ window, sim }) => {
    const token = (await sim.issueTokens()).access_token;
    sim.setFaults({ ping: 'rate-limited', retryAfterSeconds: 42 });
    await pingWithPasted(window, token);
    await expect(window.getByRole('status')).toContainText(
      'Too many requests: ApprovalMax is slowing this client down (HTTP 429).',
    );
    await expect(window.getByRole('status')).toContainText('Try again in 42 seconds.');
  });

  test('503 is ApprovalMax having a problem, with the trace id to quote', async ({ window, sim }) => {
    const token = (await sim.issueTokens()).access_token;
    sim.setFaults({ ping: 'unavailable' });
    await pingWithPasted(window, token);
    await expect(window.getByRole('status')).toContainText('ApprovalMax had a problem on its side (HTTP 503).');
    await expect(window.getByRole('status')).toContainText('Wait a few minutes and try again');
    await expect(window.getByLabel('Error details')).toContainText(/Trace id[\s\S]*00-[0-9a-f]{32}/);
  });

  test('a skewed Date header warns about this computer’s clock', async ({ window, sim }) => {
    const token = (await sim.issueTokens()).access_token;
    sim.setFaults({ dateSkewSeconds: -600 });
    await pingWithPasted(window, token);
    await expect(window.getByRole('status')).toContainText('accepted the token');
    await expect(window.getByRole('alert')).toContainText(
      "This computer's clock is 10 minutes ahead of ApprovalMax's.",
    );
    await expect(window.getByRole('alert')).toContainText('update automatically');
  });

  test('no warning when the clocks agree', async ({ window, sim }) => {
    await pingWithPasted(window, (await sim.issueTokens()).access_token);
    await expect(window.getByRole('status')).toContainText('accepted the token');
    await expect(window.getByRole('alert')).toHaveCount(0);
  });

  test('a stopped API shows the network explanation', async ({ sim, dataDir, launch }) => {
    const port = await closedPort();
    writeAppConfig(dataDir, [
      { id: 'stopped', name: 'Stopped API', issuer: sim.issuer, apiBase: `http://127.0.0.1:${port}` },
    ]);
    const app = await launch();
    const window = await app.firstWindow();
    await pingWithPasted(window, (await sim.issueTokens()).access_token, 'Stopped API');
    const verdict = window.getByRole('status');
    await expect(verdict).toContainText(`Nothing is answering at 127.0.0.1:${port}.`);
    await expect(verdict).toContainText('make sure it is running');
    await expect(window.getByText('No answer', { exact: true })).toBeVisible();
    await expectNoStackTrace(window);
  });

  test('a body nested 5,000 levels deep: a plain sentence, the body as text, no freeze and no error; a wide one opens a hundred items at a time', async ({
    sim,
    dataDir,
    launch,
  }) => {
    const deep = `${'{"level":'.repeat(5000)}"bottom"${'}'.repeat(5000)}`;
    const wide = JSON.stringify({ items: Array.from({ length: 250 }, (_, i) => ({ id: i, name: `item ${i}` })) });
    const server = createHttpServer((req, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(req.url?.includes('wide') ? wide : deep),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      writeAppConfig(dataDir, [
        {
          id: 'deep',
          name: 'Deep API',
          issuer: sim.issuer,
          apiBase: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
        },
      ]);
      const window = await (await launch()).firstWindow();
      const errors: string[] = [];
      window.on('pageerror', (error) => errors.push(error.message));
      const started = Date.now();
      await pingWithPasted(window, (await sim.issueTokens()).access_token, 'Deep API');
      await expect(
        window.getByText(
          'This answer is nested more than 100 levels deep, too deep to show as a tree. It is shown as text instead.',
        ),
      ).toBeVisible();
      await expect(window.getByLabel('Response body')).toContainText('{"level":{"level":');
      expect(await window.getByLabel('Response body').textContent()).toBe(deep);
      expect(Date.now() - started).toBeLessThan(5000);
      // Thousands of closing brackets in a row still wrap inside the body; the page never widens.
      expect(
        await window.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
      ).toBeLessThanOrEqual(0);

      await window.getByLabel('Endpoint').selectOption('custom');
      await window.getByLabel('Path').fill('/api/v1/wide');
      await window.getByRole('button', { name: 'Send request' }).click();
      const body = window.getByLabel('Response body');
      await expect(body.getByRole('button', { name: /"items": \[ 250 items/ })).toHaveAttribute(
        'aria-expanded',
        'true',
      );
      await expect(body.getByRole('button', { name: /^\{ 2 keys/ })).toHaveCount(100);
      await body.getByRole('button', { name: 'Show 100 more (100 of 250 shown)' }).click();
      await expect(body.getByRole('button', { name: /^\{ 2 keys/ })).toHaveCount(200);
      await body
        .getByRole('button', { name: /^\{ 2 keys/ })
        .first()
        .click();
      await expect(body).toContainText('"name": "item 0"');
      await body.getByRole('button', { name: /"items": \[ 250 items/ }).click();
      await expect(body.getByRole('button', { name: /^\{ 2 keys/ })).toHaveCount(0);
      await window.getByRole('button', { name: 'As text' }).click();
      expect(await window.getByLabel('Response body').textContent()).toBe(wide);
      expect(errors).toEqual([]);
      await expectNoStackTrace(window);
    } finally {
      server.close();
    }
  });

  test('history survives a restart and re-opens a past result', async ({ sim, launch }) => {
    const token = (await sim.issueTokens()).access_token;
    const first = await launch();
    const window = await first.firstWindow();
    sim.setFaults({ ping: 'rate-limited', retryAfterSeconds: 7 });
    await pingWithPasted(window, token);
    await expect(window.getByRole('status')).toContainText('HTTP 429');
    sim.resetFaults();
    await window.getByRole('button', { name: 'Send request' }).click();
    await expect(window.getByRole('status')).toContainText('accepted the token');
    await first.close();

    const again = await (await launch()).firstWindow();
    await openPing(again);
    const history = again.getByRole('list', { name: 'Earlier checks' }).getByRole('button');
    await expect(history).toHaveCount(2);
    await history.filter({ hasText: 'Too many requests' }).click();
    await expect(again.getByRole('status')).toContainText('Try again in 7 seconds.');
    await expect(again.locator('body')).not.toContainText(token.slice(20));
    await again.getByRole('button', { name: 'Clear history' }).click();
    await again.getByRole('dialog').getByRole('button', { name: 'Clear history' }).click();
    await expect(history).toHaveCount(0);
  });

  test('copy as cURL: $TOKEN by default, the real token only after saying so', async ({ app, window, sim }) => {
    test.skip(!runsInShell(), 'reads the Chromium shell’s in-memory clipboard');
    const clipboard = (app as unknown as ShellApplication).clipboard;
    const token = (await sim.issueTokens()).access_token;
    await pingWithPasted(window, token);
    await window.getByRole('button', { name: 'Copy as cURL', exact: true }).click();
    await expect.poll(() => clipboard.text).toContain('Bearer $TOKEN');
    expect(clipboard.text).not.toContain(token);
    await window.getByRole('button', { name: 'Copy as cURL with the real token…' }).click();
    await window.getByRole('dialog').getByRole('button', { name: 'Keep $TOKEN' }).click();
    expect(clipboard.text).not.toContain(token);
    await window.getByRole('button', { name: 'Copy as cURL with the real token…' }).click();
    await window.getByRole('dialog').getByRole('button', { name: 'Copy with the token' }).click();
    await expect.poll(() => clipboard.text).toContain(`Bearer ${token}`);
    await expect(window.getByText(/will be cleared from the clipboard/)).toBeVisible();
    await window.getByRole('button', { name: 'Copy response' }).click();
    await expect.poll(() => clipboard.text).toMatch(/^HTTP 200 OK/);
  });

  test('an empty token is caught before anything is sent', async ({ window }) => {
    await openPing(window);
    await window.getByRole('button', { name: 'Send request' }).click();
    await expect(window.getByRole('alert')).toHaveText('Paste an access token first.');
    await expect(window.getByRole('status')).toHaveCount(0);
  });

  test('a broken admin config file is reported in plain words and the app still works', async ({ dataDir, launch }) => {
    writeAppConfig(dataDir, [
      { id: 'sandbox', name: 'Local simulator', issuer: 'ftp://nope', apiBase: 'http://127.0.0.1:1' },
    ]);
    const app = await launch();
    const window = await app.firstWindow();
    await openPing(window);
    await expect(window.getByRole('alert')).toContainText('environments[0].issuer must be an https:// address');
    await expect(window.getByLabel('Environment')).toHaveValue('production');
    await expectNoStackTrace(window);
  });
});

/** A loopback port with nothing listening: bind, note the port, close. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The Ping screen is one click from home. */
async function openPing(window: Page): Promise<void> {
  await window.getByRole('link', { name: 'Test the API' }).click();
  await window.getByRole('heading', { name: 'Test the API', level: 1 }).waitFor();
}

/** Pastes a token for an environment and sends /ping. */
async function pingWithPasted(window: Page, token: string, environment = SIMULATOR_ENVIRONMENT): Promise<void> {
  await openPing(window);
  await window.getByLabel('Environment').selectOption({ label: environment });
  await window.getByLabel('Access token').fill(token);
  await window.getByRole('button', { name: 'Send request' }).click();
}
