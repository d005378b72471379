import { runsInShell } from './app-launcher';
import { expect, test } from './fixtures';
import type { ShellApplication } from '../shell/launch';

// The proxy's question comes from the network stack (Electron's 'login' events, see
// main/electron/net.ts and proxy-login.ts); here the core is asked directly, as those adapters do.
test.describe('A proxy that asks for a password', () => {
  test.skip(!runsInShell(), 'asks the core directly, which only the Chromium shell exposes');

  test('the app asks once in a dialog, the answer reaches the request, a refused one is asked again', async ({
    app,
    window,
  }) => {
    const core = (app as unknown as ShellApplication).core;
    const challenge = {
      host: 'proxy.corp.example',
      port: 3128,
      realm: 'Corporate proxy',
      scheme: 'basic',
      retry: false,
    };
    const first = core.proxy.ask(challenge);
    const second = core.proxy.ask(challenge);
    const dialog = window.getByRole('dialog', { name: "Your network's proxy asks you to sign in" });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('proxy.corp.example:3128 (Corporate proxy)');
    await dialog.getByLabel('User name').fill('ann');
    await dialog.getByLabel('Password').fill('s3cret');
    await dialog.getByRole('button', { name: 'Sign in to the proxy' }).click();
    await expect(dialog).toBeHidden();
    expect(await first).toEqual({ username: 'ann', password: 's3cret' });
    expect(await second).toEqual({ username: 'ann', password: 's3cret' });

    const retry = core.proxy.ask({ ...challenge, retry: true });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('alert')).toHaveText(
      'The proxy did not accept that user name and password. Check them and try again.',
    );
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await retry).toBeNull();
  });
});
