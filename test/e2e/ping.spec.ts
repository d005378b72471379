import { createServer } from 'node:net';
import { expect, expectNoStackTrace, SIMULATOR_ENVIRONMENT, test, writeAppConfig } from './fixtures';
import type { Page } from '@playwright/test';

test.describe('Ping screen', () => {
  test('a simulator-issued token gets 200 and the body', async ({ window, sim }) => {
    await openPing(window);
    const { access_token } = await sim.issueTokens();
    await window.getByLabel('Environment').selectOption({ label: SIMULATOR_ENVIRONMENT });
    await window.getByLabel('Access token').fill(`Bearer ${access_token}`);
    await window.getByRole('button', { name: 'Send request' }).click();

    await expect(window.getByRole('status')).toContainText('ApprovalMax is reachable and accepted the token.');
    await expect(window.getByText('200 OK')).toBeVisible();
    await expect(window.getByLabel('Response body')).toContainText('"message"');
    await expect(window.getByRole('heading', { name: 'Recent checks' })).toBeVisible();
    await expect(window.getByText(`Ping to ${SIMULATOR_ENVIRONMENT}: HTTP 200`)).toBeVisible();
    // The request shown to the user masks the token.
    await window.getByText('Request sent').click();
    await expect(window.getByRole('table', { name: 'Request headers' })).toContainText('Bearer eyJ');
    await expect(window.getByRole('region', { name: 'ApprovalMax is reachable and accepted the token.' })).not.toContainText(access_token.slice(20));
    await expectNoStackTrace(window);
  });

  test('the organisations endpoint lists what the token covers', async ({ window, sim }) => {
    await openPing(window);
    const [first] = sim.organisations;
    const { access_token } = await sim.issueTokens({ organisations: [first!.companyId] });
    await window.getByLabel('Environment').selectOption({ label: SIMULATOR_ENVIRONMENT });
    await window.getByLabel('Endpoint').selectOption('/api/v1/companies');
    await window.getByLabel('Access token').fill(access_token);
    await window.getByLabel('Access token').press('Control+Enter');
    await expect(window.getByRole('status')).toContainText('accepted the token');
    await expect(window.getByLabel('Response body')).toContainText(first!.name);
  });

  test('a garbage token shows the 401 explanation', async ({ window }) => {
    await openPing(window);
    await window.getByLabel('Environment').selectOption({ label: SIMULATOR_ENVIRONMENT });
    await window.getByLabel('Access token').fill('this-is-not-a-token');
    await window.getByRole('button', { name: 'Send request' }).click();

    const verdict = window.getByRole('status');
    await expect(verdict).toContainText('ApprovalMax did not accept this access token (HTTP 401).');
    await expect(verdict).toContainText('expired');
    await expect(verdict).toContainText('get a fresh token by reconnecting');
    await expectNoStackTrace(window);
  });

  test('a stopped API shows the network explanation', async ({ sim, dataDir, launch }) => {
    const port = await closedPort();
    writeAppConfig(dataDir, [{ id: 'stopped', name: 'Stopped API', issuer: sim.issuer, apiBase: `http://127.0.0.1:${port}` }]);
    const app = await launch();
    {
      const window = await app.firstWindow();
      await openPing(window);
      await window.getByLabel('Environment').selectOption({ label: 'Stopped API' });
      await window.getByLabel('Access token').fill((await sim.issueTokens()).access_token);
      await window.getByRole('button', { name: 'Send request' }).click();

      const verdict = window.getByRole('status');
      await expect(verdict).toContainText(`Nothing is answering at 127.0.0.1:${port}.`);
      await expect(verdict).toContainText('make sure it is running');
      await expect(window.getByText('No answer', { exact: true })).toBeVisible();
      await expectNoStackTrace(window);
    }
  });

  test('an empty token is caught before anything is sent', async ({ window }) => {
    await openPing(window);
    await window.getByRole('button', { name: 'Send request' }).click();
    await expect(window.getByRole('alert')).toHaveText('Paste an access token first.');
    await expect(window.getByRole('status')).toHaveCount(0);
  });

  test('a broken admin config file is reported in plain words and the app still works', async ({ dataDir, launch }) => {
    writeAppConfig(dataDir, [{ id: 'sandbox', name: 'Local simulator', issuer: 'ftp://nope', apiBase: 'http://127.0.0.1:1' }]);
    const app = await launch();
    {
      const window = await app.firstWindow();
      await openPing(window);
      await expect(window.getByRole('alert')).toContainText('environments[0].issuer must be an https:// address');
      await expect(window.getByLabel('Environment')).toHaveValue('production');
      await expectNoStackTrace(window);
    }
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
