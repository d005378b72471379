import { createBridge } from '../../preload/bridge';
import { expect, test } from './fixtures';

test.describe('App frame', () => {
  test('the page gets the typed bridge and nothing of Node', async ({ window }) => {
    const globals = await window.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      bridge: Object.keys((globalThis as unknown as { approvalMaxConnect: object }).approvalMaxConnect).sort(),
    }));
    // Exactly the contract's bridge: the same createBridge the preload uses, built here for comparison.
    const contract = Object.keys(
      createBridge(
        async () => null,
        () => () => undefined,
      ),
    ).sort();
    expect(globals).toEqual({ require: 'undefined', process: 'undefined', bridge: contract });
  });

  test('the bridge validates arguments in main', async ({ window }) => {
    const result = await window.evaluate(() =>
      (
        globalThis as unknown as { approvalMaxConnect: { ping: { send(a: unknown): Promise<unknown> } } }
      ).approvalMaxConnect.ping.send({ environmentId: 'production', path: '/etc/passwd' }),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  test('the Content-Security-Policy blocks network access from the page', async ({ window }) => {
    const outcome = await window.evaluate(() =>
      fetch('https://public-api.approvalmax.com/ping').then(
        () => 'allowed',
        () => 'blocked',
      ),
    );
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
    const unnamed = /- (button|combobox|textbox|link|checkbox|radio)(:|\s*$|\s*\[)/m;
    for (const screen of ['Connections', 'Test the API', 'Inspect a token', 'Settings']) {
      await window.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: screen }).click();
      await window.getByRole('heading', { level: 1 }).waitFor();
      expect(await window.locator('body').ariaSnapshot(), `an unnamed control on ${screen}`).not.toMatch(unnamed);
    }
    await window.getByRole('link', { name: 'Test the API' }).click();
    await window.getByRole('heading', { name: 'Test the API', level: 1 }).waitFor();
    // Tab from the last navigation link visits the screen's controls in document order, each named.
    const expected = await window
      .locator('main')
      .evaluate((main) =>
        [
          ...main.querySelectorAll<HTMLElement>(
            'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary',
          ),
        ]
          .filter((el) => el.offsetParent !== null && el.tabIndex >= 0)
          .map((el) => el.outerHTML.slice(0, 80)),
      );
    await window.getByRole('navigation', { name: 'Main' }).getByRole('link').last().focus();
    const focused: string[] = [];
    for (let i = 0; i < Math.min(expected.length, 8); i++) {
      await window.keyboard.press('Tab');
      focused.push(await window.evaluate(() => document.activeElement?.outerHTML.slice(0, 80) ?? ''));
    }
    expect(focused.length).toBeGreaterThan(3);
    expect(focused).toEqual(expected.slice(0, focused.length));
  });
});
