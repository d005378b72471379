// A minimal Chromium shell for the benchmark: the same renderer build, bridge init script, CSP and
// binding as test/shell/launch.ts, but over a core the benchmark built (seeded in-memory keychain).
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { CoreService } from '../../main/core/service';
import { readRendererAsset } from '../../main/static/renderer-assets';
import { CHROMIUM_ARGS, findChromium } from '../../test/shell/find-chromium';
import { SHELL_ORIGIN } from '../../test/shell/launch';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Starts the benchmark's Chromium. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), headless: true, args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'] });
}

/** A page wired to `core` like the app window; JS and CSS files it loads are collected in `loaded`. */
export async function openAppPage(browser: Browser, core: CoreService): Promise<{ page: Page; loaded: Set<string>; url: string }> {
  const context = await browser.newContext({ viewport: { width: 1120, height: 780 } });
  const rendererDir = path.join(ROOT, 'dist/renderer');
  const loaded = new Set<string>();
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== SHELL_ORIGIN) return route.abort('blockedbyclient');
    if (/\.(js|css)$/.test(url.pathname)) loaded.add(path.join(rendererDir, url.pathname));
    const asset = await readRendererAsset(rendererDir, url.pathname);
    await route.fulfill({ status: asset.status, headers: asset.headers, body: asset.body });
  });
  const page = await context.newPage();
  await page.exposeBinding('__amcInvoke', (_source, channel: unknown, arg: unknown) => core.dispatch(channel, arg));
  await page.addInitScript({ path: path.join(ROOT, 'dist/test-shell/bridge.js') });
  core.events.subscribe((channel, payload) => {
    if (!page.isClosed())
      void page.evaluate(([c, p]) => (window as unknown as { __amcDeliver?: (c: string, p: unknown) => void }).__amcDeliver?.(c, p), [channel, payload] as const).catch(() => undefined);
  });
  return { page, loaded, url: `${SHELL_ORIGIN}/index.html` };
}
