import { expect, test } from './fixtures';

test.describe('App frame', () => {
  test('the page gets the typed bridge and nothing of Node', async ({ window }) => {
    const globals = await window.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      bridge: Object.keys((globalThis as unknown as { approvalMaxConnect: object }).approvalMaxConnect).sort(),
    }));
    expect(globals).toEqual({ require: 'undefined', process: 'undefined', bridge: ['cancelSignIn', 'connect', 'disconnect', 'finishBrowserSignIn', 'getAppInfo', 'listConnections', 'listEnvironments', 'on', 'ping', 'refreshConnection', 'removeEnvironment', 'renameConnection', 'saveEnvironment', 'signInWithBrowser'] });
  });

  test('the bridge validates arguments in main', async ({ window }) => {
    const result = await window.evaluate(() =>
      (globalThis as unknown as { approvalMaxConnect: { ping(a: unknown): Promise<unknown> } }).approvalMaxConnect.ping({ environmentId: 'production', path: '/etc/passwd' }),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  test('the Content-Security-Policy blocks network access from the page', async ({ window }) => {
    const outcome = await window.evaluate(() => fetch('https://public-api.approvalmax.com/ping').then(() => 'allowed', () => 'blocked'));
    expect(outcome).toBe('blocked');
  });

  test('navigating away is refused', async ({ window }) => {
    const before = window.url();
    await window.evaluate(() => void (location.href = 'https://example.com/'));
    await window.waitForTimeout(500);
    expect(window.url()).toBe(before);
    await expect(window.getByRole('heading', { name: 'Connections', level: 1 })).toBeVisible();
  });

  test('every control has an accessible name and the keyboard reaches them in order', async ({ window }) => {
    const tree = await window.locator('body').ariaSnapshot();
    expect(tree).not.toMatch(/- (button|combobox|textbox|link|checkbox)(:|\s*$|\s*\[)/m);
    expect(tree).toContain('button "Connect organisation"');
    const focused: string[] = [];
    await window.getByRole('link', { name: 'Test the API' }).click();
    await window.getByLabel('Access token').waitFor();
    const pingTree = await window.locator('body').ariaSnapshot();
    expect(pingTree).not.toMatch(/- (button|combobox|textbox|link|checkbox)(:|\s*$|\s*\[)/m);
    expect(pingTree).toContain('combobox "Environment"');
    expect(pingTree).toContain('textbox "Access token"');
    await window.getByRole('link', { name: 'Test the API' }).focus();
    for (let i = 0; i < 5; i++) {
      await window.keyboard.press('Tab');
      focused.push(await window.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent ?? document.activeElement?.textContent ?? ''));
    }
    expect(focused).toEqual(['Settings', 'Environment', 'Endpoint', 'Access token', 'Send request']);
  });
});
