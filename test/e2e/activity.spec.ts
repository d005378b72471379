import type { Page } from '@playwright/test';
import { expect, expectNoStackTrace, test } from './fixtures';
import { connectAs } from './sign-in';

test.describe('Activity timeline', () => {
  test('connect, refresh, ping and disconnect appear with time and connection; filters narrow them; they survive a restart', async ({
    app,
    window,
    sim,
    launch,
  }) => {
    const [first, second] = sim.organisations;
    await connectAs(app, window, sim, [first!.name]);
    await expect(window.getByRole('heading', { name: first!.name })).toBeVisible();
    await window.getByRole('button', { name: `Refresh ${first!.name} now` }).click();
    await expect(window.getByText(/last refreshed/)).toBeVisible();
    await connectAs(app, window, sim, [second!.name]);
    await expect(window.getByRole('heading', { name: second!.name })).toBeVisible();

    // A ping with the first connection's current token.
    await window.getByRole('link', { name: 'Test the API' }).click();
    await window.getByLabel('Connection', { exact: true }).selectOption({ label: first!.name });
    await window.getByRole('button', { name: 'Send request' }).click();
    await expect(window.getByRole('status')).toContainText('accepted the token');

    await openActivity(window);
    const timeline = window.getByRole('region', { name: 'Timeline' }).getByRole('listitem');
    await expect(timeline).toHaveCount(4);
    await expect(timeline.first()).toContainText(`Ping to Local simulator with ${first!.name}: HTTP 200`);
    await expect(timeline.filter({ hasText: `Refreshed ${first!.name}.` })).toHaveCount(1);
    await expect(timeline.filter({ hasText: `Connected ${second!.name} (1 organisation).` })).toHaveCount(1);

    await window.getByLabel('Connection').selectOption({ label: first!.name });
    await expect(timeline).toHaveCount(3);
    await window.getByLabel('Kind').selectOption({ label: 'Refreshed' });
    await expect(timeline).toHaveCount(1);
    await window.getByLabel('Connection').selectOption({ label: 'All connections' });
    await window.getByLabel('Kind').selectOption({ label: 'Connected' });
    await expect(timeline).toHaveCount(2);
    await expectNoStackTrace(window);

    // Live: a disconnect shows up without reopening the screen.
    await window.getByRole('link', { name: 'Connections' }).click();
    await window.getByRole('button', { name: `Disconnect ${second!.name}` }).click();
    await window.getByRole('dialog').getByRole('button', { name: 'Disconnect' }).click();
    await expect(window.getByRole('heading', { name: second!.name })).toHaveCount(0);
    await app.close();

    const again = await (await launch()).firstWindow();
    await openActivity(again);
    const kept = again.getByRole('region', { name: 'Timeline' }).getByRole('listitem');
    await expect(kept).toHaveCount(5);
    await expect(kept.first()).toContainText(`Disconnected ${second!.name}.`);
    await again.getByLabel('Connection').selectOption({ label: `${second!.name} (removed)` });
    await expect(kept).toHaveCount(2);
    const text = await again.locator('body').innerText();
    expect(sim.issuedTokens().filter((t) => text.includes(t))).toEqual([]);
  });

  test('the empty timeline says what will appear there', async ({ window }) => {
    await openActivity(window);
    await expect(window.getByText('Nothing has happened yet.')).toBeVisible();
  });
});

async function openActivity(window: Page): Promise<void> {
  await window.getByRole('link', { name: 'Activity' }).click();
  await window.getByRole('heading', { name: 'Activity', level: 1 }).waitFor();
}
