import { API_SCOPES } from '../sim/fixtures';
import { expect, expectNoStackTrace, simulatorEnvironment, STRICT_ONLY, test, writeAppConfig } from './fixtures';
import { consent, signIn, startConnecting } from './sign-in';

// Against an identity server that follows OpenID Connect strictly (the simulator's strict mode, the
// strict-oidc project only): openid is required, and offline access comes only with prompt=consent.
test.describe('A strict OpenID Connect server', { tag: STRICT_ONLY }, () => {
  test('an environment added in Settings with openid typed in as a scope connects and stays connected', async ({
    sim,
    dataDir,
    launch,
  }) => {
    writeAppConfig(dataDir, []);
    const app = await launch();
    const window = await app.firstWindow();
    await window.getByRole('link', { name: 'Settings' }).click();
    await window.getByRole('button', { name: 'Add environment' }).click();
    await window.getByLabel('Name').fill('Strict test server');
    await window.getByLabel('Identity server address').fill(sim.issuer);
    await window.getByLabel('API address').fill(sim.apiBase);
    await window.getByLabel('Client ID').fill(sim.clientId);
    await window.getByLabel('Redirect URI').fill(sim.redirectUri);
    await window.getByLabel('Client Secret').fill(sim.clientSecret);
    await expect(window.getByRole('checkbox', { name: 'Stay connected (refresh token)' })).toBeChecked();
    await window.getByLabel('Add a scope').fill('openid');
    await window.getByLabel('Add a scope').press('Enter');
    await expect(
      window.getByRole('list', { name: 'Other scopes' }).getByRole('button', { name: 'Remove openid' }),
    ).toBeVisible();
    await expect(window.getByLabel('Prompt')).toHaveValue('');
    await window.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(window.getByRole('status')).toHaveText('Saved Strict test server.');

    await window.getByRole('link', { name: 'Connections' }).click();
    await expect(window.getByText('Connects to Strict test server.')).toBeVisible();
    const name = sim.organisations[0]!.name;
    const auth = await startConnecting(app, window);
    await expect(window.getByText('Sign in to Strict test server in the window that opened')).toBeVisible();
    await signIn(auth, sim);
    await consent(auth, [name]);

    await expect(window.getByRole('status')).toContainText(`Connected ${name}.`);
    await expect(window.getByLabel('Status: Connected')).toBeVisible();
    // Offline access was granted (openid + offline_access sent with prompt=consent): no "only while your session lasts".
    await expect(window.getByText(/Renews only while/)).toHaveCount(0);
    await window.getByRole('button', { name: `Refresh ${name} now` }).click();
    await expect(window.getByText(/last refreshed/)).toBeVisible();
    await expect(window.getByLabel('Status: Connected')).toBeVisible();
    await expectNoStackTrace(window);
  });

  test('without openid the sign-in window shows the server’s error page, and the app says so at once', async ({
    sim,
    dataDir,
    launch,
  }) => {
    writeAppConfig(dataDir, [simulatorEnvironment(sim, { scopes: [API_SCOPES.read, 'offline_access'] })]);
    const app = await launch();
    const window = await app.firstWindow();
    const auth = await startConnecting(app, window);
    await expect(auth.locator('body')).toContainText('openid scope must be requested');

    const panel = window.getByRole('region', { name: 'Connecting to Local simulator' });
    // At once: long before the five-minute sign-in timeout, while the window is still open.
    await expect(panel.getByRole('alert')).toHaveText(
      /^Local simulator's sign-in page shows an error \(HTTP 400.*scope openid/,
      { timeout: 5_000 },
    );
    expect(auth.isClosed()).toBe(false);
    await expect(panel.getByRole('button', { name: 'Sign in with my browser instead' })).toBeVisible();
    await expectNoStackTrace(window);

    await panel.getByRole('button', { name: 'Cancel' }).click();
    await expect(panel).toHaveCount(0);
    await expect.poll(() => auth.isClosed()).toBe(true);
    await expect(window.getByRole('button', { name: 'Connect organisation' })).toBeEnabled();
  });
});
