// A minimal Chromium shell for the benchmark: the same renderer build, bridge init script, CSP and
// binding as test/shell/launch.ts, but over a core the benchmark built (seeded in-memory keychain).
// The baseline page is served the same way — same origin, same route interception answering from a
// built folder with readRendererAsset (CSP and all), same viewport, same `__amcInvoke` binding — so
// the two differ only in the page itself.
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { CoreService } from '../../main/core/service';
import { readRendererAsset } from '../../main/static/renderer-assets';
import { CHROMIUM_ARGS, findChromium } from '../../test/shell/find-chromium';
import { SHELL_ORIGIN } from '../../test/shell/launch';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const RENDERER_DIR = path.join(ROOT, 'dist/renderer');
export const PAGE_URL = `${SHELL_ORIGIN}/index.html`;

/** Starts the benchmark's Chromium. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'],
  });
}

/** A page answering `__amcInvoke` with `invoke`, its files served from `dir`; JS and CSS files it loads are collected in `loaded`. */
async function openPage(
  browser: Browser,
  dir: string,
  invoke: (channel: unknown, arg: unknown) => Promise<unknown>,
): Promise<{ page: Page; loaded: Set<string> }> {
  const context = await browser.newContext({ viewport: { width: 1120, height: 780 } });
  const loaded = new Set<string>();
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== SHELL_ORIGIN) return route.abort('blockedbyclient');
    if (/\.(js|css)$/.test(url.pathname)) loaded.add(path.join(dir, url.pathname));
    const asset = await readRendererAsset(dir, url.pathname);
    await route.fulfill({ status: asset.status, headers: asset.headers, body: asset.body });
  });
  const page = await context.newPage();
  await page.exposeBinding('__amcInvoke', (_source, channel: unknown, arg: unknown) => invoke(channel, arg));
  return { page, loaded };
}

/** A page wired to `core` like the app window. */
export async function openAppPage(browser: Browser, core: CoreService): Promise<{ page: Page; loaded: Set<string> }> {
  const opened = await openPage(browser, RENDERER_DIR, (channel, arg) => core.dispatch(channel, arg));
  await opened.page.addInitScript({ path: path.join(ROOT, 'dist/test-shell/bridge.js') });
  core.events.subscribe((channel, payload) => {
    if (!opened.page.isClosed())
      void opened.page
        .evaluate(
          ([c, p]) => (window as unknown as { __amcDeliver?: (c: string, p: unknown) => void }).__amcDeliver?.(c, p),
          [channel, payload] as const,
        )
        .catch(() => undefined);
  });
  return opened;
}

/** The baseline page (built into `dir`); `bench:list` answers `list()`, `bench:table` answers `table()`. */
export function openBaselinePage(
  browser: Browser,
  dir: string,
  list: () => readonly string[] = () => [],
  table: () => unknown = () => null,
): Promise<{ page: Page; loaded: Set<string> }> {
  return openPage(browser, dir, async (channel) =>
    channel === 'bench:list' ? list() : channel === 'bench:table' ? table() : null,
  );
}
