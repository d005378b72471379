// The figures measured in Chromium on the built renderer: what the first screen loads, when it paints,
// and the home screen with 200 connections (render time and JS heap).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { nodeFetchTransport } from '../../main/core/api/node-fetch-transport';
import { startCore } from '../../main/core/service';
import { systemClock } from '../../main/core/system-clock';
import { fakePorts } from '../../test/unit/core/fakes';
import { median, seedConnections, type Figure } from './common';
import { openAppPage } from './shell';
import type { BenchSimulator } from './simulator';

const gzipKb = (files: Iterable<string>) => [...files].reduce((sum, f) => sum + gzipSync(readFileSync(f)).length, 0) / 1024;

/** Bundle sizes of what the first screen loaded, and first-contentful-paint over reloads (no connections). */
export async function firstScreen(browser: Browser, sim: BenchSimulator): Promise<Figure[]> {
  const { config, secrets } = await seedConnections(sim, []);
  const core = await startCore(fakePorts({ secrets, http: nodeFetchTransport(), clock: systemClock }), config);
  const { page, loaded, url } = await openAppPage(browser, core);
  const paints: number[] = [];
  for (let i = 0; i < 9; i++) {
    await page.goto(url);
    await page.getByRole('heading', { level: 1 }).waitFor();
    paints.push(await page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN)))));
  }
  await page.context().close();
  core.stop();
  const js = [...loaded].filter((f) => f.endsWith('.js'));
  const css = [...loaded].filter((f) => f.endsWith('.css'));
  return [
    { name: 'renderer JavaScript loaded for the first screen (gzip)', value: gzipKb(js), unit: 'KB', target: 120, compare: '<=', note: `${js.length} file(s)` },
    { name: 'renderer CSS (gzip)', value: gzipKb(css), unit: 'KB', target: 15, compare: '<=', note: `${css.length} file(s)` },
    { name: 'first screen painted after navigation (FCP)', value: median(paints), unit: 'ms', target: 150, compare: '<=', note: 'median of 9 loads, Chromium shell, built renderer' },
  ];
}

/** The connections screen with 200 stored connections: navigation → all 200 cards in the DOM and painted; JS heap after GC. */
export async function homeScreen200(browser: Browser, sim: BenchSimulator): Promise<Figure[]> {
  const { config, secrets } = await seedConnections(sim, sim.tokens.slice(0, 200).map((t) => ({ ...t, ageMs: 0 })));
  const core = await startCore(fakePorts({ secrets, http: nodeFetchTransport(), clock: systemClock }), config);
  const { page, url } = await openAppPage(browser, core);
  // Notes when the connection list reaches the page, so the render itself can be told from the load.
  await page.addInitScript(() => {
    const w = window as unknown as { __amcInvoke?: (c: string, a: unknown) => Promise<unknown>; __amcListAt?: number };
    const original = w.__amcInvoke;
    if (original)
      w.__amcInvoke = async (channel, arg) => {
        const reply = await original(channel, arg);
        if (channel === 'connections:list') w.__amcListAt ??= performance.now();
        return reply;
      };
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const renders: number[] = [];
  const afterList: number[] = [];
  const heaps: number[] = [];
  for (let i = 0; i < 7; i++) {
    await page.goto(url);
    const handle = await page.waitForFunction(
      // Checked on every animation frame: the first frame that holds all 200 cards (0 keeps waiting).
      () => (document.querySelectorAll('article.card.connection').length >= 200 ? performance.now() : 0),
      undefined,
      { polling: 'raf', timeout: 30_000 },
    );
    const cardsAt = Number(await handle.jsonValue());
    renders.push(cardsAt);
    afterList.push(cardsAt - (await page.evaluate(() => (window as unknown as { __amcListAt?: number }).__amcListAt ?? NaN)));
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    heaps.push((metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN) / 1024 / 1024);
  }
  const cards = await page.locator('article.card.connection').count();
  await page.context().close();
  core.stop();
  return [
    { name: 'home screen, 200 connections: render (list in → 200 cards)', value: median(afterList), unit: 'ms', target: 100, compare: '<=', note: `${cards} cards; from navigation ${median(renders).toFixed(0)} ms (bundle, bridge, list, render); median of 7` },
    { name: 'home screen, 200 connections: renderer JS heap', value: median(heaps), unit: 'MB', target: 25, compare: '<=', note: 'CDP JSHeapUsedSize after a GC' },
  ];
}
