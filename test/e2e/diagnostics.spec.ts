import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ShellApplication } from '../shell/launch';
import { runsInShell } from './app-launcher';
import { expect, expectNoStackTrace, SIMULATOR_ENVIRONMENT, test } from './fixtures';
import { connectAs } from './sign-in';

test.describe('Diagnostics', () => {
  test('after a full simulator flow the report names the connection and holds no secret', async ({
    sim,
    launch,
    dataDir,
  }) => {
    const app = await launch({ env: { APPROVALMAX_CONNECT_LOG_LEVEL: 'debug' } });
    const window = await app.firstWindow();
    await window.getByRole('heading', { level: 1 }).waitFor();
    const name = sim.organisations[0]!.name;
    await connectAs(app, window, sim, [name]);
    await expect(window.getByRole('heading', { name })).toBeVisible();
    await window.getByRole('button', { name: `Refresh ${name} now` }).click();
    await expect(window.getByText(/last refreshed/)).toBeVisible();
    await window.getByRole('link', { name: 'Test the API' }).click();
    await window.getByRole('button', { name: 'Send request' }).click();
    await expect(window.getByRole('status')).toContainText('accepted the token');
    await window.getByLabel('A token I paste').check();
    await window.getByLabel('Environment').selectOption({ label: SIMULATOR_ENVIRONMENT });
    await window.getByLabel('Access token').fill((await sim.issueTokens()).access_token);
    await window.getByRole('button', { name: 'Send request' }).click();
    await expect(window.getByRole('list', { name: 'Earlier checks' }).getByRole('button')).toHaveCount(2);

    await window.getByRole('link', { name: 'Diagnostics' }).click();
    await window.getByRole('button', { name: 'Create report' }).click();
    const preview = window.getByLabel('Report preview');
    await expect(preview).toContainText(`### ${name}`);
    await expect(preview).toContainText('https://www.approvalmax.com/connection');
    await expect(preview).toContainText('## Recent pings');
    await expect(preview).toContainText('backend: keychain');
    const texts = [await preview.innerText()];

    await window.getByRole('button', { name: 'Save as Markdown…' }).click();
    await expect(window.getByText(/Report saved to .*\.md\./)).toBeVisible();
    await window.getByRole('button', { name: 'Save as JSON…' }).click();
    await expect(window.getByText(/Report saved to .*\.json\./)).toBeVisible();
    await window.getByRole('button', { name: 'Open logs folder' }).click();
    await expect(window.getByText(`Opened the logs folder: ${path.join(dataDir, 'logs')}`)).toBeVisible();
    await expectNoStackTrace(window);

    if (runsInShell()) {
      const saved = readdirSync(path.join(dataDir, 'saved')).map((f) =>
        readFileSync(path.join(dataDir, 'saved', f), 'utf8'),
      );
      expect(saved).toHaveLength(2);
      expect(saved.join('\n')).toContain(name);
      texts.push(...saved);
      texts.push(
        ...readdirSync(path.join(dataDir, 'logs')).map((f) => readFileSync(path.join(dataDir, 'logs', f), 'utf8')),
      );
      expect((app as unknown as ShellApplication).folders.opened).toEqual([path.join(dataDir, 'logs')]);
    }
    texts.push(
      readFileSync(path.join(dataDir, 'activity.json'), 'utf8'),
      readFileSync(path.join(dataDir, 'ping-history.json'), 'utf8'),
    );

    const secrets = [...sim.issuedTokens(), sim.clientSecret];
    expect(secrets.length).toBeGreaterThanOrEqual(5);
    for (const text of texts) {
      expect(secrets.filter((s) => text.includes(s))).toEqual([]);
      expect(text).not.toMatch(/[?&#](code|state|code_verifier)=(?!\[redacted\])[^&\s"]/);
    }
  });
});
