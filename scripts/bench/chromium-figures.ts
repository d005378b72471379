// The figures measured in Chromium on the built renderer, each timing against the baseline page
// (scripts/bench/baseline/, built by the same Vite settings and served the same way) in alternating
// rounds: what the first screen loads, when it paints, and the home screen with 200 connections
// (render time and JS heap).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { nodeFetchTransport } from '../../main/core/http/node-fetch-transport';
import { startCore } from '../../main/core/service';
import { systemClock } from '../../main/core/system-clock';
import { fakePorts } from '../../test/unit/core/fakes';
import { alternate, median, ratioFigure, seedConnections, type Figure } from './common';
import { PAGE_URL, openAppPage, openBaselinePage } from './shell';
import type { BenchSimulator } from './simulator';

/** Recorded A/B rounds (after one unrecorded warm-up pair) for each page figure. */
const PAINT_ROUNDS = 11;
const LIST_ROUNDS = 9;
const CONNECTIONS = 200;

const gzipKb = (files: Iterable<string>) =>
  [...files].reduce((sum, f) => sum + gzipSync(readFileSync(f)).length, 0) / 1024;

/** Loads the page afresh and returns its first-contentful-paint time (ms after navigation start) once the h1 is in. */
async function firstPaint(page: Page): Promise<number> {
  await page.goto(PAGE_URL);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        setTimeout(() => reject(new Error('no first-contentful-paint entry within 10 s')), 10_000);
        new PerformanceObserver((list, observer) => {
          const entry = list.getEntriesByName('first-contentful-paint')[0];
          if (!entry) return;
          observer.disconnect();
          resolve(entry.startTime);
        }).observe({ type: 'paint', buffered: true });
      }),
  );
}

/** Bundle sizes of what the first screen loaded, and first-contentful-paint against the baseline page's (no connections). */
export async function firstScreen(browser: Browser, sim: BenchSimulator, baselineDir: string): Promise<Figure[]> {
  const { config, secrets } = await seedConnections(sim, []);
  const core = await startCore(fakePorts({ secrets, http: nodeFetchTransport(), clock: systemClock }), config);
  const app = await openAppPage(browser, core);
  const baseline = await openBaselinePage(browser, baselineDir);
  try {
    const samples = await alternate(
      PAINT_ROUNDS,
      1,
      () => firstPaint(baseline.page),
      () => firstPaint(app.page),
    );
    const js = [...app.loaded].filter((f) => f.endsWith('.js'));
    const css = [...app.loaded].filter((f) => f.endsWith('.css'));
    const baselineJs = gzipKb([...baseline.loaded].filter((f) => f.endsWith('.js')));
    return [
      {
        kind: 'budget',
        name: 'renderer JavaScript loaded for the first screen (gzip)',
        value: gzipKb(js),
        unit: 'KB',
        target: 120,
        compare: '<=',
        note: `${js.length} file(s); the baseline page (React alone) loads ${baselineJs.toFixed(1)} KB`,
      },
      {
        kind: 'budget',
        name: 'renderer CSS (gzip)',
        value: gzipKb(css),
        unit: 'KB',
        target: 15,
        compare: '<=',
        note: `${css.length} file(s)`,
      },
      ratioFigure(
        'first paint (FCP) of the first screen',
        'a minimal React page, same Vite settings, served the same way',
        samples,
        1.5,
        'Chromium shell, built renderer, fresh load each round',
      ),
    ];
  } finally {
    await app.page.context().close();
    await baseline.page.context().close();
    await core.stop();
  }
}

/** Notes, in the page, when the reply to `channel` first reaches it, so the render can be told from the load. */
async function noteListArrival(page: Page, channel: string): Promise<void> {
  await page.addInitScript((listChannel) => {
    const w = window as unknown as { __amcInvoke?: (c: string, a: unknown) => Promise<unknown>; __amcListAt?: number };
    const original = w.__amcInvoke;
    if (original)
      w.__amcInvoke = async (c, arg) => {
        const reply = await original(c, arg);
        if (c === listChannel) w.__amcListAt ??= performance.now();
        return reply;
      };
  }, channel);
}

/** One fresh load: from the list reaching the page to the first animation frame in which `ready` matches, and from navigation. */
async function listRender(page: Page, url: string, ready: string): Promise<{ render: number; fromNavigation: number }> {
  await page.goto(url);
  const handle = await page.waitForFunction(
    // Checked on every animation frame: the first frame that shows the list (0 keeps waiting).
    (selector) => (document.querySelector(selector) ? performance.now() : 0),
    ready,
    { polling: 'raf', timeout: 60_000 },
  );
  const at = Number(await handle.jsonValue());
  const listAt = await page.evaluate(() => (window as unknown as { __amcListAt?: number }).__amcListAt ?? NaN);
  return { render: at - listAt, fromNavigation: at };
}

// The app windows its cards (only those near the screen are in the page): it is ready when the list of
// all 200 shows its first card. The baseline renders every item: ready when the 200th is in.
const APP_READY = `[data-connection-count="${CONNECTIONS}"] article.card.connection`;
const BASELINE_READY = `#bench-list > li:nth-child(${CONNECTIONS})`;

/** Every card's text, scrolling the windowed list from top to bottom (the baseline lists the same texts). */
async function cardTexts(page: Page): Promise<string[]> {
  return page.evaluate(async (count) => {
    const texts = new Map<number, string>();
    for (let y = 0; texts.size < count && y <= document.documentElement.scrollHeight; y += window.innerHeight / 2) {
      window.scrollTo(0, y);
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      for (const slot of document.querySelectorAll<HTMLElement>('[data-index]'))
        texts.set(Number(slot.dataset.index), slot.innerText);
    }
    window.scrollTo(0, 0);
    return [...texts.entries()].sort((a, b) => a[0] - b[0]).map(([, text]) => text);
  }, CONNECTIONS);
}

async function heapMb(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN) / 1024 / 1024;
}

/**
 * The connections screen with 200 stored connections against a plain React list of 200 items holding
 * the same text (each card's text, read from the app): from the list reaching the page to the first
 * frame with all 200 in the DOM and painted. JS heap after GC.
 */
export async function homeScreen200(browser: Browser, sim: BenchSimulator, baselineDir: string): Promise<Figure[]> {
  const { config, secrets } = await seedConnections(
    sim,
    sim.tokens.slice(0, CONNECTIONS).map((t) => ({ ...t, ageMs: 0 })),
  );
  const core = await startCore(fakePorts({ secrets, http: nodeFetchTransport(), clock: systemClock }), config);
  const app = await openAppPage(browser, core);
  let texts: string[] = [];
  const baseline = await openBaselinePage(browser, baselineDir, () => texts);
  try {
    await noteListArrival(app.page, 'connections:list');
    await noteListArrival(baseline.page, 'bench:list');
    const appCdp = await app.page.context().newCDPSession(app.page);
    const baselineCdp = await baseline.page.context().newCDPSession(baseline.page);
    await appCdp.send('Performance.enable');
    await baselineCdp.send('Performance.enable');
    // One unrecorded app load first, to read the cards' text for the baseline's list.
    await listRender(app.page, PAGE_URL, APP_READY);
    texts = await cardTexts(app.page);
    const fromNavigation = { app: [] as number[], baseline: [] as number[] };
    const heaps = { app: [] as number[], baseline: [] as number[] };
    const samples = await alternate(
      LIST_ROUNDS,
      1,
      async () => {
        const r = await listRender(baseline.page, `${PAGE_URL}?list`, BASELINE_READY);
        fromNavigation.baseline.push(r.fromNavigation);
        heaps.baseline.push(await heapMb(baselineCdp));
        return r.render;
      },
      async () => {
        const r = await listRender(app.page, PAGE_URL, APP_READY);
        fromNavigation.app.push(r.fromNavigation);
        heaps.app.push(await heapMb(appCdp));
        return r.render;
      },
    );
    const cards = await app.page.locator('article.card.connection').count();
    const items = await baseline.page.locator('#bench-list > li').count();
    const chars = texts.reduce((sum, t) => sum + t.length, 0);
    return [
      ratioFigure(
        'home screen, 200 connections: render (list in → list shown)',
        'a plain React list of the same 200 texts',
        samples,
        2,
        `${cards} of ${texts.length} cards in the page (windowed) vs ${items} items, ${chars} characters of text; from navigation app ${median(fromNavigation.app).toFixed(0)} ms / baseline ${median(fromNavigation.baseline).toFixed(0)} ms`,
      ),
      {
        kind: 'budget',
        name: 'home screen, 200 connections: renderer JS heap',
        value: median(heaps.app),
        unit: 'MB',
        target: 25,
        compare: '<=',
        note: `CDP JSHeapUsedSize after a GC; the baseline list ${median(heaps.baseline).toFixed(1)} MB`,
      },
    ];
  } finally {
    await app.page.context().close();
    await baseline.page.context().close();
    await core.stop();
  }
}
