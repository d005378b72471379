import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Page } from '@playwright/test';
import { generateKeyPair, SignJWT } from 'jose';
import { expect, expectNoStackTrace, test } from './fixtures';
import { connectAs } from './sign-in';

const SAMPLE = readFileSync(new URL('../fixtures/approvalmax-sample-token.txt', import.meta.url), 'utf8').trim();

async function openInspector(window: Page): Promise<void> {
  await window.getByRole('link', { name: 'Inspect a token' }).click();
  await window.getByRole('heading', { name: 'Inspect a token', level: 1 }).waitFor();
}

/** An unsigned-looking token with `claims` claims in all, valid for an hour (only decoded, never verified, here). */
function tokenWithClaims(claims: number): string {
  const now = Math.floor(Date.now() / 1000);
  const payload: Record<string, unknown> = {
    iss: 'https://issuer.example',
    sub: 'someone',
    exp: now + 3600,
    iat: now,
    nbf: now,
  };
  for (let i = Object.keys(payload).length; i < claims; i++)
    payload[`custom_claim_${String(i).padStart(5, '0')}`] = `value number ${i}`;
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'RS256', typ: 'at+jwt' })}.${part(payload)}.${Buffer.from('s'.repeat(256)).toString('base64url')}`;
}

async function inspect(window: Page, text: string): Promise<void> {
  await window.getByLabel('Token', { exact: true }).fill(text);
  await window.getByRole('button', { name: 'Inspect', exact: true }).click();
}

test.describe('Token inspector', () => {
  test('the published sample, with stray spaces, is cleaned and explained', async ({ window }) => {
    await openInspector(window);
    const signatureStart = SAMPLE.lastIndexOf('.') + 20;
    await inspect(
      window,
      `Bearer ${SAMPLE.slice(0, signatureStart)} ${SAMPLE.slice(signatureStart, signatureStart + 30)} ${SAMPLE.slice(signatureStart + 30)}`,
    );

    await expect(window.getByRole('list', { name: 'What was cleaned' })).toContainText('2 spaces');
    const summary = window.getByRole('region', { name: 'Summary' });
    await expect(summary).toContainText('Expired');
    await expect(summary).toContainText('2023');
    await expect(summary).toContainText('identitydev04');
    const claims = window.getByRole('table', { name: 'Claims' });
    await expect(claims.getByRole('row', { name: /https:\/\/www\.approvalmax\.com\/connection/ })).toContainText(
      '4a254104-b58d-4f2a-805a-599ea81846b9',
    );
    await expect(claims.getByRole('row', { name: /^idp/ })).toContainText('AMRemote');
    await expect(claims.getByRole('row', { name: /^nbf/ })).toContainText(/valid/i);
    await expect(window.getByRole('region', { name: 'What it allows' })).toContainText('offline_access');
    await expect(window.getByRole('list', { name: 'Warnings' })).toContainText(/not verification|does not prove/i);
    // Its issuer is none of this app's environments: nothing is fetched until the user says so.
    await window.getByRole('button', { name: 'Check the signature' }).click();
    const verdict = window.getByRole('region', { name: 'Signature' }).getByRole('status');
    await expect(verdict).toContainText(
      'This token names an issuer this app does not know: https://identitydev04.approvalmax.com. Fetch its published keys?',
    );
    await expect(window.getByRole('button', { name: "Don't fetch" })).toBeVisible();
    // Its dev server cannot be reached from here (the e2e app never leaves this machine): an honest "could not verify".
    await window.getByRole('button', { name: 'Fetch its published keys' }).click();
    await expect(verdict).toContainText('Could not verify');
    await expect(verdict).toContainText('identitydev04.approvalmax.com');
    await expect(verdict).toContainText(/Expired/);
    await expectNoStackTrace(window);
  });

  test('garbage gets a plain error and the app keeps working', async ({ window }) => {
    await openInspector(window);
    await inspect(window, 'definitely not a token');
    await expect(window.getByRole('alert')).toBeVisible();
    await expectNoStackTrace(window);
    await inspect(window, 'eyJhbGciOiJQUzI1NiJ9.e30x.abc');
    await expect(window.getByRole('alert').first()).toBeVisible();
    await inspect(window, SAMPLE);
    await expect(window.getByRole('region', { name: 'Summary' })).toContainText('Expired');
  });

  test('an issuer none of the environments names: asked first, nothing fetched on "Don\'t fetch", then an honest "could not verify"', async ({
    window,
  }) => {
    const requests: string[] = [];
    const server = createServer((req, res) => (requests.push(req.url ?? ''), res.writeHead(404).end()));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const issuer = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
      const { privateKey } = await generateKeyPair('PS256');
      const token = await new SignJWT({ scope: ['offline_access'] })
        .setProtectedHeader({ alg: 'PS256', kid: 'k1', typ: 'at+jwt' })
        .setIssuer(issuer)
        .setExpirationTime('1h')
        .sign(privateKey);
      await openInspector(window);
      await inspect(window, token);
      const panel = window.getByRole('region', { name: 'Signature' });
      const verdict = panel.getByRole('status');
      await panel.getByRole('button', { name: 'Check the signature' }).click();
      await expect(verdict).toContainText('Not checked: an issuer this app does not know');
      await expect(verdict).toContainText(
        `This token names an issuer this app does not know: ${issuer}. Fetch its published keys?`,
      );
      await panel.getByRole('button', { name: "Don't fetch" }).click();
      await expect(verdict).toContainText('Nothing was fetched from the issuer');
      await expect(panel.getByRole('button', { name: 'Fetch its published keys' })).toHaveCount(0);
      expect(requests).toEqual([]);

      // Asked again on the next check; only the answer "Fetch" reaches the issuer.
      await panel.getByRole('button', { name: 'Check again' }).click();
      await expect(verdict).toContainText('Fetch its published keys?');
      expect(requests).toEqual([]);
      await panel.getByRole('button', { name: 'Fetch its published keys' }).click();
      await expect(verdict).toContainText('Could not verify');
      await expect(verdict).toContainText(/not published|has not published|no keys/i);
      expect(requests.length).toBeGreaterThan(0);
      await expectNoStackTrace(window);
    } finally {
      server.close();
    }
  });

  test("a token from an environment's issuer (the simulator) is checked without asking", async ({ window, sim }) => {
    const { access_token } = await sim.issueTokens();
    await openInspector(window);
    await inspect(window, access_token);
    const panel = window.getByRole('region', { name: 'Signature' });
    await panel.getByRole('button', { name: 'Check the signature' }).click();
    await expect(panel.getByRole('status')).toContainText('Valid signature');
    await expect(panel).not.toContainText('does not know');
    await expect(panel.getByRole('button', { name: 'Fetch its published keys' })).toHaveCount(0);
  });

  test('a token with 5,000 claims: a plain warning, its claims a page at a time, and a countdown tick leaves the tables alone', async ({
    window,
  }) => {
    const token = tokenWithClaims(5000);
    expect(token.length).toBeGreaterThan(64 * 1024);
    await openInspector(window);
    await inspect(window, token);
    await expect(window.getByRole('list', { name: 'Warnings' })).toContainText(/This token is very large: \d+ KB/);
    await expect(window.getByText(/Shortened: the token is \d+ KB long/)).toBeVisible();

    const claims = window.getByRole('table', { name: 'Claims' });
    const pages = window.getByRole('group', { name: 'Claims pages' });
    await expect(claims.locator('tbody tr')).toHaveCount(100);
    await expect(pages).toContainText('1–100 of 5,000');
    await pages.getByRole('button', { name: 'Next 100' }).click();
    await expect(pages).toContainText('101–200 of 5,000');
    await expect(claims.getByRole('row', { name: /^custom_claim_00150/ })).toContainText('value number 150');
    await pages.getByLabel('Find a claim').fill('custom_claim_04999');
    await expect(claims.locator('tbody tr')).toHaveCount(1);
    await expect(pages).toContainText('1–1 of 1 found (5,000 in all)');

    // Two ticks of the countdown; the claims and header tables (each counts its renders) are not drawn again.
    const header = window.getByRole('table', { name: 'Header' });
    const renders = async () => [await claims.getAttribute('data-renders'), await header.getAttribute('data-renders')];
    const before = await renders();
    expect(before.every((n) => Number(n) > 0)).toBe(true);
    const countdown = window.getByRole('region', { name: 'Summary' }).getByRole('heading');
    await expect(countdown).toContainText(/Expires in .* left/);
    for (let tick = 0; tick < 2; tick++) {
      const shown = await countdown.textContent();
      await expect.poll(() => countdown.textContent(), { timeout: 5000 }).not.toBe(shown);
    }
    expect(await renders()).toEqual(before);
    await expectNoStackTrace(window);
  });

  test('a JSON token response offers each JWT and explains the opaque refresh token', async ({ window, sim }) => {
    const tokens = await sim.issueTokens();
    await openInspector(window);
    await inspect(
      window,
      JSON.stringify({
        access_token: tokens.access_token,
        refresh_token: tokens.refresh_token,
        expires_in: 3600,
        token_type: 'Bearer',
      }),
    );
    await expect(window.getByRole('list', { name: 'What was cleaned' })).toContainText('refresh_token');
    await expect(window.getByRole('list', { name: 'What was cleaned' })).toContainText(/opaque/i);
    await window.getByRole('button', { name: 'Check the signature' }).click();
    await expect(window.getByRole('region', { name: 'Signature' }).getByRole('status')).toContainText(
      'Valid signature',
    );
  });

  test('after a refresh, the inspector shows what changed in the claims', async ({ app, window, sim }) => {
    sim.setFaults({ accessTokenTtl: 6 });
    await connectAs(app, window, sim, [sim.organisations[1]!.name]);
    await window.getByRole('link', { name: `Inspect the token of ${sim.organisations[1]!.name}` }).click();
    await expect(window.getByRole('region', { name: 'Summary' })).toBeVisible();
    const changes = window.getByRole('table', { name: 'Changed claims' });
    await expect(changes).toBeVisible({ timeout: 15_000 });
    await expect(changes.getByRole('row', { name: /^exp/ })).toBeVisible();
    await expect(changes.getByRole('row', { name: /^jti/ })).toBeVisible();
  });

  test("a connection's token: valid signature, a countdown, revealed only on request", async ({ app, window, sim }) => {
    await connectAs(app, window, sim, [sim.organisations[0]!.name]);
    await window.getByRole('link', { name: `Inspect the token of ${sim.organisations[0]!.name}` }).click();

    const summary = window.getByRole('region', { name: 'Summary' });
    await expect(summary).toContainText(/Expires in .* left/);
    const first = await summary.getByRole('heading').textContent();
    await expect.poll(async () => summary.getByRole('heading').textContent(), { timeout: 5000 }).not.toBe(first);
    await expect(window.getByRole('paragraph', { name: 'Raw token, coloured by part' })).toHaveCount(0);
    await window.getByRole('button', { name: 'Check the signature' }).click();
    await expect(window.getByRole('region', { name: 'Signature' }).getByRole('status')).toContainText(
      'Valid signature',
    );

    await window.getByRole('button', { name: 'Reveal token' }).click();
    await expect(window.getByLabel('Raw token, coloured by part')).toContainText('eyJ');
  });
});
