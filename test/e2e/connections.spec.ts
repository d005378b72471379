import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runsInShell } from './app-launcher';
import {
  BOTH_MODES,
  expect,
  expectNoStackTrace,
  keychainAccounts,
  simulatorEnvironment,
  test,
  writeAppConfig,
} from './fixtures';
import { connectAs, consent, signIn, startConnecting } from './sign-in';

const connectionSecrets = async (service: string) =>
  (await keychainAccounts(service)).filter((a) => a.includes('connection/'));

test.describe('Connections', () => {
  test('empty state explains what connecting does', async ({ window }) => {
    await expect(window.getByRole('heading', { name: 'No organisations connected yet' })).toBeVisible();
    await expect(window.getByText(/keeps its keys in this computer's keychain/)).toBeVisible();
    await expect(window.getByRole('button', { name: 'Connect organisation' })).toBeEnabled();
  });

  test(
    'connect choosing 2 of 3 organisations lists both, and only them',
    { tag: BOTH_MODES },
    async ({ app, window, sim, keychainService }) => {
      const [first, second, third] = sim.organisations;
      await connectAs(app, window, sim, [first!.name, second!.name]);

      await expect(window.getByRole('status')).toContainText(`Connected ${first!.name} + 1 more.`);
      const orgs = window.getByRole('list', { name: `Organisations of ${first!.name} + 1 more` });
      await expect(orgs.getByRole('listitem')).toHaveText([first!.name, second!.name]);
      await expect(window.getByText(third!.name)).toHaveCount(0);
      await expect(window.getByLabel('Status: Connected')).toBeVisible();
      // Granted offline access in both modes (strict: openid + offline_access with prompt=consent), so no renewal caveat.
      await expect(window.getByText(/Renews only while/)).toHaveCount(0);
      expect(await connectionSecrets(keychainService)).not.toEqual([]);
      await expectNoStackTrace(window);
    },
  );

  test('denying consent explains it and stores nothing', async ({ app, window, sim, keychainService, dataDir }) => {
    const auth = await startConnecting(app, window);
    await signIn(auth, sim);
    await consent(auth, [sim.organisations[0]!.name], 'Deny');

    await expect(window.getByRole('alert')).toContainText('access was declined');
    await expect(window.getByRole('alert')).toContainText('Nothing was connected.');
    await expect(window.getByRole('heading', { name: 'No organisations connected yet' })).toBeVisible();
    expect(await connectionSecrets(keychainService)).toEqual([]);
    expect(existsSync(path.join(dataDir, 'connections.json'))).toBe(false);
  });

  test('closing the sign-in window returns home and stores nothing', async ({ app, window, keychainService }) => {
    const auth = await startConnecting(app, window);
    await expect(window.getByRole('heading', { name: 'Connecting to Local simulator' })).toBeVisible();
    await auth.close();

    await expect(window.getByRole('alert')).toHaveText('Sign-in was closed before it finished. Nothing was connected.');
    await expect(window.getByRole('button', { name: 'Connect organisation' })).toBeEnabled();
    expect(await connectionSecrets(keychainService)).toEqual([]);
  });

  test('a wrong Client Secret says the Client ID or secret is wrong', async ({ sim, dataDir, launch }) => {
    writeAppConfig(dataDir, [simulatorEnvironment(sim, { clientSecret: 'not-the-secret' })]);
    const app = await launch();
    const window = await app.firstWindow();
    const auth = await startConnecting(app, window);
    await signIn(auth, sim);
    await consent(auth, [sim.organisations[0]!.name]);

    await expect(window.getByRole('alert')).toContainText('Client ID or secret is wrong');
    await expectNoStackTrace(window);
  });

  test(
    'a short-lived access token is refreshed by itself and the connection stays green',
    { tag: BOTH_MODES },
    async ({ app, window, sim }) => {
      sim.setFaults({ accessTokenTtl: 6 });
      await connectAs(app, window, sim, [sim.organisations[0]!.name]);
      await expect(window.getByLabel('Status: Connected')).toBeVisible();

      await expect(window.getByText(/last refreshed/)).toBeVisible({ timeout: 15_000 });
      await expect(window.getByLabel('Status: Connected')).toBeVisible();
    },
  );

  test(
    'after a restart the connection is still there, with working tokens from the keychain',
    { tag: BOTH_MODES },
    async ({ app, window, sim, launch }) => {
      await connectAs(app, window, sim, [sim.organisations[1]!.name]);
      await expect(window.getByLabel('Status: Connected')).toBeVisible();
      await app.close();

      const again = await launch();
      const restarted = await again.firstWindow();
      const name = sim.organisations[1]!.name;
      await expect(restarted.getByRole('heading', { name })).toBeVisible();
      await restarted.getByRole('button', { name: `Refresh ${name} now` }).click();
      await expect(restarted.getByText(/last refreshed/)).toBeVisible();
      await expect(restarted.getByLabel('Status: Connected')).toBeVisible();
    },
  );

  test('disconnect asks first, then removes the connection and every secret', async ({
    app,
    window,
    sim,
    keychainService,
  }) => {
    const name = sim.organisations[2]!.name;
    await connectAs(app, window, sim, [name]);
    await expect(window.getByRole('heading', { name })).toBeVisible();

    await window.getByRole('button', { name: `Disconnect ${name}` }).click();
    const dialog = window.getByRole('dialog', { name: `Disconnect ${name}?` });
    await expect(dialog).toContainText('ApprovalMax under Connections');
    await dialog.getByRole('button', { name: 'Disconnect' }).click();

    await expect(window.getByRole('status')).toContainText(`Disconnected ${name}`);
    await expect(window.getByRole('heading', { name })).toHaveCount(0);
    expect(await connectionSecrets(keychainService)).toEqual([]);
  });

  test('rename keeps the new name across a restart', async ({ app, window, sim, launch }) => {
    const name = sim.organisations[0]!.name;
    await connectAs(app, window, sim, [name]);
    await window.getByRole('button', { name: `Rename ${name}` }).click();
    await window.getByLabel('Connection name').fill('Head office');
    await window.getByRole('button', { name: 'Save name' }).click();
    await expect(window.getByRole('heading', { name: 'Head office' })).toBeVisible();
    await app.close();
    const again = await (await launch()).firstWindow();
    await expect(again.getByRole('heading', { name: 'Head office' })).toBeVisible();
  });

  test('sign in with my browser instead: paste the address it landed on', async ({ app, window, sim }) => {
    const embedded = await startConnecting(app, window);
    const [browser] = await Promise.all([
      app.waitForEvent('window'),
      window.getByRole('button', { name: 'Sign in with my browser instead' }).click(),
    ]);
    await expect.poll(() => embedded.isClosed()).toBe(true);
    await signIn(browser, sim);
    await consent(browser, [sim.organisations[0]!.name]);
    await expect.poll(() => browser.url()).toContain('code=');

    const field = window.getByLabel('Address the browser ended on');
    await field.fill('https://example.com/somewhere-else');
    await window.getByRole('button', { name: 'Finish connecting' }).click();
    await expect(window.getByRole('alert')).toContainText('not where Local simulator sends you back');
    await field.fill(browser.url());
    await window.getByRole('button', { name: 'Finish connecting' }).click();
    await expect(window.getByRole('status')).toContainText(`Connected ${sim.organisations[0]!.name}`);
  });

  test('no refresh token or Client Secret crosses the bridge, and no secret reaches the log', async ({
    sim,
    launch,
  }) => {
    test.skip(!runsInShell(), 'bridge replies and log lines are observed in-process through the Chromium shell');
    const replies: string[] = [];
    const logs: string[] = [];
    const app = await launch({
      env: { APPROVALMAX_CONNECT_LOG_LEVEL: 'debug' },
      log: (l) => logs.push(l),
      onBridgeReply: (c, r) => replies.push(`${c} ${JSON.stringify(r)}`),
    });
    const window = await app.firstWindow();
    sim.setFaults({ accessTokenTtl: 6 });
    await connectAs(app, window, sim, [sim.organisations[0]!.name]);
    await expect(window.getByText(/last refreshed/)).toBeVisible({ timeout: 15_000 });
    await window.getByRole('link', { name: 'Test the API' }).click();

    const issued = sim.issuedTokens();
    expect(issued.length).toBeGreaterThanOrEqual(3);
    expect(replies.length).toBeGreaterThan(5);
    expect(logs.length).toBeGreaterThan(5);
    const everything = [...replies, ...logs].join('\n');
    for (const secret of [...issued, sim.clientSecret])
      expect(everything.includes(secret), 'a secret crossed the bridge or reached the log').toBe(false);
  });

  test('a corrupt connections file is kept aside and reported', async ({ dataDir, launch }) => {
    writeFileSync(path.join(dataDir, 'connections.json'), '{"version": 1, "connections": [');
    const window = await (await launch()).firstWindow();
    await expect(window.getByRole('alert')).toContainText(
      'Your saved connections could not be read because it is not valid JSON',
    );
    await expect(window.getByRole('alert')).toContainText('connections.json.corrupt-');
  });
});
