import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { authorizationRequest, exchangeCode } from '../../sim/code-flow';
import { startSimulator, type Simulator } from '../../sim/index';
import { callApi } from './helpers';

const READ = 'https://www.approvalmax.com/scopes/public_api/read';

describe('simulator login and consent pages in a real browser', () => {
  let sim: Simulator;
  let browser: Browser;

  beforeAll(async () => {
    sim = await startSimulator({ quiet: true });
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });
  afterEach(() => sim.resetFaults());
  afterAll(async () => {
    await browser?.close();
    await sim?.stop();
  });

  /** Opens the authorize URL in a fresh context and resolves with the URL the redirect URI was called with. */
  async function openAuthorize(url: string): Promise<{ page: Page; callback: Promise<URL> }> {
    const context = await browser.newContext();
    const page = await context.newPage();
    let resolveCallback: (url: URL) => void = () => {};
    const callback = new Promise<URL>((resolve) => (resolveCallback = resolve));
    await page.route(
      (url) => url.href.startsWith(sim.redirectUri),
      async (route) => {
        resolveCallback(new URL(route.request().url()));
        await route.fulfill({ status: 200, contentType: 'text/html', body: '<p>Redirect caught</p>' });
      },
    );
    await page.goto(url);
    return { page, callback };
  }

  async function signIn(page: Page, password = sim.user.password): Promise<void> {
    await page.getByLabel('Email').fill(sim.user.email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  it('signs in, ticks 2 of 3 organisations, and the API returns exactly those 2', async () => {
    const request = authorizationRequest({ ...sim, scopes: [READ, 'offline_access'] });
    const { page, callback } = await openAuthorize(request.url);
    await signIn(page, 'not-the-password');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('email or password');
    expect(await page.getByLabel('Email').inputValue()).toBe(sim.user.email);
    await signIn(page);
    const [first, , third] = sim.organisations;
    await page.getByLabel(first!.name).check();
    await page.getByLabel(third!.name).check();
    await page.getByRole('button', { name: 'Allow' }).click();

    const redirect = await callback;
    expect(redirect.searchParams.get('state')).toBe(request.state);
    const code = redirect.searchParams.get('code');
    expect(code).toBeTruthy();
    const tokens = await exchangeCode(sim, code!, request.codeVerifier);
    expect(tokens.refresh_token).toEqual(expect.any(String));

    const res = await callApi(sim, '/api/v1/companies', tokens.access_token);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual([first, third]);
    await page.context().close();
  });

  it('Deny sends access_denied back to the redirect URI', async () => {
    const request = authorizationRequest({ ...sim, scopes: [READ] });
    const { page, callback } = await openAuthorize(request.url);
    await signIn(page);
    await page.getByRole('button', { name: 'Deny' }).click();
    const redirect = await callback;
    expect(redirect.searchParams.get('error')).toBe('access_denied');
    expect(redirect.searchParams.get('error_description')).toBeTruthy();
    expect(redirect.searchParams.get('state')).toBe(request.state);
    expect(redirect.searchParams.get('code')).toBeNull();
    await page.context().close();
  });

  it('denyConsent skips the consent page and answers access_denied', async () => {
    sim.setFaults({ denyConsent: true });
    const request = authorizationRequest({ ...sim, scopes: [READ] });
    const { page, callback } = await openAuthorize(request.url);
    await signIn(page);
    expect((await callback).searchParams.get('error')).toBe('access_denied');
    await page.context().close();
  });
});
