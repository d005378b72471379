import { randomBytes } from 'node:crypto';
import type { Page } from '@playwright/test';
import { clientSecretKey } from '../../main/core/environments/environments';
import { openSecretStore } from '../../main/secrets/open-secret-store';
import type { Simulator } from '../sim/index';
import { expect, expectNoStackTrace, SIMULATOR_ENVIRONMENT, test } from './fixtures';

const NAME = 'Local test server';

test.describe('Settings screen', () => {
  test('a user environment for the simulator is added, listed with its secret stored, and survives a restart', async ({
    sim,
    launch,
  }) => {
    const first = await launch();
    try {
      const window = await openSettings(await first.firstWindow());
      await addSimulatorEnvironment(window, sim);

      await expect(window.getByRole('status')).toHaveText(`Saved ${NAME}.`);
      const item = environmentItem(window, NAME);
      await expect(item).toContainText('Added by you');
      await expect(item).toContainText(sim.issuer);
      await expect(item).toContainText(sim.apiBase);
      await expect(item).toContainText('Client Secret stored');
      await expect(window.getByRole('button', { name: `Edit ${NAME}` })).toBeFocused();
      await expectSecretNotShown(window, sim.clientSecret);
      await expectNoStackTrace(window);
    } finally {
      await first.close();
    }

    const second = await launch();
    try {
      const window = await openSettings(await second.firstWindow());
      const item = environmentItem(window, NAME);
      await expect(item).toContainText('Added by you');
      await expect(item).toContainText(sim.clientId);
      await expect(item).toContainText('Client Secret stored');
      await expect(environmentItem(window, 'Production')).toContainText('Built in');
      await expect(environmentItem(window, SIMULATOR_ENVIRONMENT)).toContainText('Set by your IT team');
      await expectSecretNotShown(window, sim.clientSecret);
    } finally {
      await second.close();
    }
  });

  test('the stored secret is never shown, not even in the edit form', async ({ window, sim }) => {
    await openSettings(window);
    await addSimulatorEnvironment(window, sim);
    await window.getByRole('button', { name: `Edit ${NAME}` }).click();

    await expect(window.getByText('A Client Secret is stored in the keychain.')).toBeVisible();
    await expect(window.locator('input[type="password"]')).toHaveCount(0);
    await expectSecretNotShown(window, sim.clientSecret);
    const html = await window.content();
    expect(html).not.toContain(sim.clientSecret);
  });

  test('an http issuer that is not on this computer is refused in plain words naming the field', async ({
    window,
    sim,
  }) => {
    await openSettings(window);
    await window.getByRole('button', { name: 'Add environment' }).click();
    await window.getByLabel('Name').fill('Dev identity');
    await window.getByLabel('Identity server address').fill('http://identity.example.com');
    await window.getByLabel('API address').fill(sim.apiBase);
    await window.getByRole('button', { name: 'Save' }).click();

    await expect(window.getByRole('alert')).toContainText('Identity server address must be an https:// address');
    await expect(window.getByLabel('Name')).toHaveValue('Dev identity');
    await expect(window.getByRole('status')).toHaveCount(0);
    await expectNoStackTrace(window);

    await window.getByRole('button', { name: 'Cancel' }).click();
    await expect(environmentItem(window, 'Dev identity')).toHaveCount(0);
  });

  test('Production takes a Client ID and redirect URI, but its addresses stay fixed', async ({ window }) => {
    await openSettings(window);
    await expect(environmentItem(window, 'Production')).toContainText('No Client Secret yet');
    await window.getByRole('button', { name: 'Edit Production' }).click();

    await expect(window.getByText('Production is built into the app')).toBeVisible();
    await expect(window.getByLabel('Identity server address')).toBeDisabled();
    await expect(window.getByLabel('Identity server address')).toHaveValue('https://identity.approvalmax.com');
    await expect(window.getByLabel('API address')).toBeDisabled();
    await expect(window.getByLabel('Name')).toBeDisabled();
    await expect(window.getByRole('button', { name: 'Remove environment' })).toHaveCount(0);
    await expect(window.getByRole('checkbox', { name: 'Stay connected (refresh token)' })).toBeChecked();

    const clientId = '0123456789ABCDEF0123456789ABCDEF';
    await window.getByLabel('Client ID').fill(clientId);
    await window.getByLabel('Redirect URI').fill('https://connect.example.com/callback');
    await window.getByRole('button', { name: 'Save' }).click();

    await expect(window.getByRole('status')).toHaveText('Saved Production.');
    await expect(environmentItem(window, 'Production')).toContainText(clientId);
    await window.getByRole('button', { name: 'Edit Production' }).click();
    await expect(window.getByLabel('Redirect URI')).toHaveValue('https://connect.example.com/callback');
  });

  test('an IT-provided environment is read-only, but its Client Secret can be replaced', async ({
    window,
    sim,
    keychainService,
  }) => {
    await openSettings(window);
    await expect(environmentItem(window, SIMULATOR_ENVIRONMENT)).toContainText('Set by your IT team');
    await window.getByRole('button', { name: `Edit ${SIMULATOR_ENVIRONMENT}` }).click();
    await expect(window.getByText('Your IT team set up')).toBeVisible();
    for (const label of ['Name', 'Identity server address', 'API address', 'Client ID', 'Redirect URI'])
      await expect(window.getByLabel(label)).toBeDisabled();
    await expect(window.getByRole('checkbox', { name: 'Read data' })).toBeDisabled();
    await expect(window.getByRole('button', { name: 'Remove environment' })).toHaveCount(0);
    await expectSecretNotShown(window, sim.clientSecret);

    await window.getByRole('button', { name: 'Replace secret' }).click();
    await window.getByLabel('New Client Secret').fill('it-team-secret-value');
    await window.getByRole('button', { name: 'Save' }).click();
    await expect(window.getByRole('status')).toHaveText(`Saved ${SIMULATOR_ENVIRONMENT}.`);
    await expect(environmentItem(window, SIMULATOR_ENVIRONMENT)).toContainText('Client Secret stored');
    expect(await keychainSecret(keychainService, 'sandbox')).toBe('it-team-secret-value');
  });

  test('replacing the secret starts from an empty field and stores the new one', async ({
    window,
    sim,
    keychainService,
  }) => {
    await openSettings(window);
    await addSimulatorEnvironment(window, sim);
    const id = await environmentId(window, NAME);
    expect(await keychainSecret(keychainService, id)).toBe(sim.clientSecret);

    await window.getByRole('button', { name: `Edit ${NAME}` }).click();
    await window.getByRole('button', { name: 'Replace secret' }).click();
    const secretField = window.getByLabel('New Client Secret');
    await expect(secretField).toBeFocused();
    await expect(secretField).toHaveValue('');
    await expect(secretField).toHaveAttribute('type', 'password');
    await expect(secretField).toHaveAttribute('autocomplete', 'off');
    const replacement = `replaced-${randomBytes(12).toString('hex')}`;
    await secretField.fill(replacement);
    await window.getByRole('button', { name: 'Save' }).click();

    await expect(window.getByRole('status')).toHaveText(`Saved ${NAME}.`);
    await expect(environmentItem(window, NAME)).toContainText('Client Secret stored');
    expect(await keychainSecret(keychainService, id)).toBe(replacement);
    await expectSecretNotShown(window, replacement);

    // Editing without touching the secret keeps it.
    await window.getByRole('button', { name: `Edit ${NAME}` }).click();
    await window.getByRole('checkbox', { name: 'Create and change data' }).uncheck();
    await window.getByRole('button', { name: 'Save' }).click();
    await expect(window.getByRole('status')).toHaveText(`Saved ${NAME}.`);
    expect(await keychainSecret(keychainService, id)).toBe(replacement);
  });

  test('a user environment is removed only after confirming', async ({ window, sim, keychainService }) => {
    await openSettings(window);
    await addSimulatorEnvironment(window, sim);
    const id = await environmentId(window, NAME);

    await window.getByRole('button', { name: `Edit ${NAME}` }).click();
    await window.getByRole('button', { name: 'Remove environment' }).click();
    const dialog = window.getByRole('dialog', { name: `Remove ${NAME}?` });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Keep it' })).toBeFocused();
    await window.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await window.getByRole('button', { name: 'Remove environment' }).click();
    await dialog.getByRole('button', { name: 'Keep it' }).click();
    await expect(dialog).toBeHidden();
    await expect(window.getByLabel('Name')).toHaveValue(NAME);

    await window.getByRole('button', { name: 'Remove environment' }).click();
    await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect(window.getByRole('status')).toHaveText(`Removed ${NAME}.`);
    await expect(environmentItem(window, NAME)).toHaveCount(0);
    await expect(window.getByRole('button', { name: 'Add environment' })).toBeFocused();
    expect(await keychainSecret(keychainService, id)).toBeNull();
  });

  test('any other scope can be typed in or picked from the server’s list, with a warning for scopes it does not list; they and the prompt are kept', async ({
    window,
    sim,
  }) => {
    await openSettings(window);
    await window.getByRole('button', { name: 'Add environment' }).click();
    await window.getByLabel('Name').fill(NAME);
    await window.getByLabel('Identity server address').fill(sim.issuer);
    const offered = window.getByRole('group', { name: 'Scopes the identity server lists' });
    await expect(offered.getByRole('button', { name: 'openid', exact: true })).toBeVisible();

    const scopeBox = window.getByLabel('Add a scope');
    await scopeBox.fill('bad"scope');
    await expect(window.getByText('“bad"scope” cannot be a scope')).toBeVisible();
    await expect(window.getByRole('button', { name: 'Add scope' })).toBeDisabled();
    await scopeBox.fill('profile openid');
    await scopeBox.press('Enter');
    await expect(scopeBox).toHaveValue('');
    const chosen = window.getByRole('list', { name: 'Other scopes' });
    await expect(chosen.getByRole('listitem')).toHaveCount(2);
    await expect(offered.getByRole('button', { name: 'openid', exact: true })).toHaveCount(0);
    await expect(window.getByText('The identity server does not list this scope: profile.')).toBeVisible();
    await offered.getByRole('button', { name: 'https://www.approvalmax.com/scopes/public_api', exact: true }).click();
    await chosen.getByRole('button', { name: 'Remove profile' }).click();
    await expect(window.getByText(/does not list/)).toHaveCount(0);
    await window.getByLabel('Prompt').selectOption('login');

    await window.getByLabel('API address').fill(sim.apiBase);
    await window.getByLabel('Client ID').fill(sim.clientId);
    await window.getByLabel('Redirect URI').fill(sim.redirectUri);
    await window.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(window.getByRole('status')).toHaveText(`Saved ${NAME}.`);

    await window.getByRole('button', { name: `Edit ${NAME}` }).click();
    await expect(chosen.getByRole('listitem')).toHaveCount(2);
    for (const scope of ['openid', 'https://www.approvalmax.com/scopes/public_api'])
      await expect(chosen.getByRole('button', { name: `Remove ${scope}`, exact: true })).toBeVisible();
    await expect(window.getByRole('checkbox', { name: 'Read data' })).toBeChecked();
    await expect(window.getByLabel('Prompt')).toHaveValue('login');
    await expectNoStackTrace(window);
  });

  test('every control on the screen has an accessible name', async ({ window }) => {
    await openSettings(window);
    await window.getByRole('button', { name: 'Add environment' }).click();
    await expect(window.getByRole('heading', { name: 'Add an environment' })).toBeFocused();
    const tree = await window.locator('main').ariaSnapshot();
    expect(tree).not.toMatch(/- (button|combobox|textbox|link|checkbox)(:|\s*$|\s*\[)/m);
    for (const name of ['Read data', 'Create and change data', 'Stay connected (refresh token)'])
      await expect(window.getByRole('checkbox', { name })).toBeChecked();
    await expect(window.getByRole('checkbox', { name: 'Read data' })).toHaveAccessibleDescription(
      'https://www.approvalmax.com/scopes/public_api/read',
    );
    await expect(window.getByLabel('Client Secret')).toHaveAttribute('type', 'password');
  });
});

async function openSettings(window: Page): Promise<Page> {
  await window.getByRole('link', { name: 'Settings' }).click();
  await expect(window.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await expect(window.getByRole('button', { name: 'Edit Production' })).toBeVisible();
  return window;
}

/** Fills the form as a user would, with the simulator's settings, and saves. */
async function addSimulatorEnvironment(window: Page, sim: Simulator): Promise<void> {
  await window.getByRole('button', { name: 'Add environment' }).click();
  await window.getByLabel('Name').fill(NAME);
  await window.getByLabel('Identity server address').fill(sim.issuer);
  await window.getByLabel('API address').fill(sim.apiBase);
  await window.getByLabel('Client ID').fill(sim.clientId);
  await window.getByLabel('Redirect URI').fill(sim.redirectUri);
  await window.getByLabel('Client Secret').fill(sim.clientSecret);
  await window.getByRole('button', { name: 'Save' }).click();
  await expect(window.getByRole('status')).toHaveText(`Saved ${NAME}.`);
}

function environmentItem(window: Page, name: string) {
  return window
    .getByRole('list', { name: 'Environments' })
    .getByRole('listitem')
    .filter({ has: window.getByRole('heading', { name, exact: true }) });
}

async function environmentId(window: Page, name: string): Promise<string> {
  const id = await window.getByRole('button', { name: `Edit ${name}` }).getAttribute('data-env-id');
  expect(id).toBeTruthy();
  return id!;
}

/** Neither the page's text nor any field's value holds the secret. */
async function expectSecretNotShown(window: Page, secret: string): Promise<void> {
  expect(await window.locator('body').innerText()).not.toContain(secret);
  const values = await window
    .locator('input, textarea')
    .evaluateAll((fields) => fields.map((f) => (f as HTMLInputElement).value));
  for (const value of values) expect(value).not.toContain(secret);
}

/** Reads the secret straight from this test's keychain service, as the app stored it. */
async function keychainSecret(service: string, environmentId: string): Promise<string | null> {
  const { store, backend } = await openSecretStore({ service, platform: process.platform });
  expect(backend, 'the settings e2e needs a keychain: run it inside scripts/with-keyring.sh').toBe('keychain');
  return store.get(clientSecretKey(environmentId));
}
