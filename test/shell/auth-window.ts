// The Chromium shell's sign-in windows: the same rules as main/electron/auth-window.ts, with a fresh
// browser context per flow and route interception standing in for will-redirect/onBeforeRequest.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { isRedirectTarget } from '../../main/core/oauth/redirect-matcher';
import { mayNavigate } from '../../main/core/oauth/sign-in-navigation';
import { oneOutcome } from '../../main/core/oauth/sign-in-window';
import type { AuthWindow, AuthWindowOutcome, ExternalBrowser } from '../../main/core/ports';
import { mayOpenInBrowser, mayOpenWebPage, NOT_A_SAFE_LINK, NOT_THE_SIGN_IN_PAGE } from '../../main/boot/shell-rules';

/** A fresh, isolated context per sign-in; the redirect URI is caught in the route and never requested. */
export class ShellAuthWindow implements AuthWindow {
  constructor(
    private readonly browser: Browser,
    private readonly announce: (page: Page) => void,
  ) {}

  async open({
    url,
    redirectUri,
    issuerOrigin,
    signal,
    onPageLoaded,
  }: Parameters<AuthWindow['open']>[0]): Promise<AuthWindowOutcome> {
    if (signal.aborted) return Promise.resolve({ kind: 'cancelled' });
    const context = await this.browser.newContext({ viewport: { width: 520, height: 720 } });
    return new Promise<AuthWindowOutcome>((resolve) => {
      // Closing the context throws its cookies and storage away, like clearing the Electron partition.
      const finish = oneOutcome(signal, resolve, () => void context.close().catch(() => undefined));
      void (async () => {
        await context.route('**/*', (route) => {
          const target = route.request().url();
          if (isRedirectTarget(target, redirectUri)) {
            finish({ kind: 'redirect', url: target });
            return route.abort('aborted');
          }
          return mayNavigate(target, issuerOrigin) ? route.continue() : route.abort('blockedbyclient');
        });
        const page = await context.newPage();
        context.on('page', (popup) => void popup.close()); // window.open is denied
        page.on('close', () => finish({ kind: 'cancelled' }));
        // As Electron's did-navigate + did-finish-load: each loaded page, with its status, goes to the core.
        let status: number | null = null;
        page.on('response', (response) => {
          if (response.request().isNavigationRequest() && response.frame() === page.mainFrame())
            status = response.status();
        });
        page.on(
          'load',
          () =>
            void page.title().then(
              (title) => onPageLoaded?.({ url: page.url(), status, title }),
              () => undefined,
            ),
        );
        this.announce(page);
        if (!signal.aborted) await page.goto(url).catch(() => undefined);
      })().catch(() => finish({ kind: 'cancelled' }));
    });
  }
}

/** Stands in for the user's own browser: a separate context that lands on the redirect URI like a real one. */
export class ShellExternalBrowser implements ExternalBrowser {
  private contexts: BrowserContext[] = [];

  constructor(
    private readonly browser: Browser,
    private readonly announce: (page: Page) => void,
  ) {}

  async open(url: string, issuerOrigin: string): Promise<void> {
    if (!mayOpenInBrowser(url, issuerOrigin)) throw new Error(NOT_THE_SIGN_IN_PAGE);
    const context = await this.browser.newContext();
    this.contexts.push(context);
    // A real browser shows "site can't be reached" for the redirect URI, with the address in its bar.
    await context.route('**/*', (route) =>
      new URL(route.request().url()).origin === issuerOrigin
        ? route.continue()
        : route.fulfill({
            status: 200,
            contentType: 'text/html',
            body: '<title>This site can’t be reached</title><p>This site can’t be reached.</p>',
          }),
    );
    const page = await context.newPage();
    this.announce(page);
    await page.goto(url);
  }

  /** A link the user opened: a tab of its own that shows the address (there is no internet here). */
  async openWebPage(url: string): Promise<void> {
    if (!mayOpenWebPage(url)) throw new Error(NOT_A_SAFE_LINK);
    const context = await this.browser.newContext();
    this.contexts.push(context);
    await context.route('**/*', (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Opened in the browser</title>' }),
    );
    const page = await context.newPage();
    this.announce(page);
    await page.goto(url);
  }

  async close(): Promise<void> {
    await Promise.all(this.contexts.map((c) => c.close().catch(() => undefined)));
  }
}
