// The API workbench's items table with 5,000 rows (issue 13), measured in Chromium on the built renderer
// against a plain-table baseline in the same run, alternating (baseline, app, baseline, app…, after one
// unrecorded pair). The app loads 5,000 bills (50 pages of 100) from an in-process loopback list server
// through the core with "Load all pages"; the baseline page (scripts/bench/baseline/, `?table`) shows the
// very cells the app's CSV export sends (all rows, the shown columns, read from the app once) as a plain
// React <table>, not windowed, in a box the size of the app's table. Figures: the render (the app: a
// click on the Table view with the run loaded, which mounts the table afresh; the baseline: its cells
// reaching the page; each until the end of the first frame painting the rows), the frame times while
// scrolling the rows top to bottom, and the JS heap after a GC; then, in the app alone (informational),
// the JavaScript a key press in the filter and a click on a column heading run until their rows are
// painted. "Load all"'s own last page → rows shown goes in the render's note: the Chromium shell's
// binding also parses the whole run again from "Load all"'s reply, which can hold the page for a second
// or more on a busy machine, so it is too noisy for a verdict.
import type { Browser, CDPSession, Page } from 'playwright-core';
import { nodeFetchTransport } from '../../main/core/http/node-fetch-transport';
import { startCore } from '../../main/core/service';
import { systemClock } from '../../main/core/system-clock';
import { fakePorts } from '../../test/unit/core/fakes';
import { formatMs, median, ratioFigure, seedConnections, type Figure } from './common';
import { PAGE_URL, openAppPage, openBaselinePage } from './shell';
import { startListServer } from './workbench-figures';

const ITEMS = 5000;
const PAGES = 50;
/** Recorded rounds, after one unrecorded pair. */
const ROUNDS = 5;
/** Scrolling top to bottom takes this many frames (about 2.5 s at 60 Hz): some 30 rows a frame, a fast scroll. */
const SCROLL_FRAMES = 150;
/**
 * Targets, from what a windowed table should do against a plain one. It draws some 30 rows instead of
 * 5,000, so its render should take at most half the plain table's, its toolbar and headless table included. Scrolling a plain table is the browser's own work; a windowed one also draws the rows coming
 * into view on each frame, so it may take a little longer per frame, not noticeably (≤ 1.2× the median
 * frame, ≤ 1.5× the slowest 5 %). Its heap is mostly the 5,000 rows' elements in the plain table; the
 * app keeps the data instead (the items, each page as it came, every cell's text for the filter, the
 * headless table's rows) besides the whole app: at most 1.5× the plain table's.
 */
const RENDER_TARGET = 0.5;
const FRAME_MEDIAN_TARGET = 1.2;
const FRAME_P95_TARGET = 1.5;
const HEAP_TARGET = 1.5;

const TABLE = '[data-testid="workbench-items-table"]';
const APP_READY = `${TABLE}[aria-rowcount="${ITEMS + 1}"] [aria-rowindex="2"]`;
const BASELINE_READY = `#bench-table tbody tr:nth-child(${ITEMS})`;

interface Cells {
  columns: string[];
  rows: string[][];
}

/**
 * Installed in every page before its scripts: notes when the data arrives (`arrival`: the last page's
 * event or the "load all" reply in the app, the table's cells in the baseline), and polls every frame for
 * `ready`, noting the end of the first frame that shows it (a task after that frame's callbacks, so its
 * style, layout and paint count). Also keeps the cells the app's "Export CSV" sends.
 */
function initScript(arrival: readonly string[], ready: string): string {
  return `(() => {
    const w = window;
    const note = () => { if (w.__amcArrivedAt === undefined) w.__amcArrivedAt = performance.now(); };
    w.approvalMaxConnect?.workbench.on('page', (page) => { if (page.number === ${PAGES}) note(); });
    const original = w.__amcInvoke;
    if (original)
      w.__amcInvoke = async (channel, arg) => {
        if (channel === 'workbench:export') w.__amcExported = arg;
        const reply = await original(channel, arg);
        if (${JSON.stringify(arrival)}.includes(channel)) note();
        return reply;
      };
    const check = () => {
      if (document.querySelector(${JSON.stringify(ready)})) setTimeout(() => { w.__amcShownAt = performance.now(); }, 0);
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  })()`;
}

/** Waits for the page's first frame showing its rows; returns the render time from the data's arrival. */
async function renderTime(page: Page): Promise<number> {
  // A function, not a string: the page's CSP refuses eval, which a string predicate needs.
  await page.waitForFunction(() => (window as { __amcShownAt?: number }).__amcShownAt !== undefined, undefined, {
    timeout: 120_000,
  });
  const ms = (await page.evaluate('window.__amcShownAt - window.__amcArrivedAt')) as number;
  if (!(ms >= 0)) throw new Error(`the rows showed ${ms} ms after the data arrived`);
  return ms;
}

/** A fresh app page on the workbench: Xero bills of the connection's organisation, "Load all pages" (50). */
async function loadAll(page: Page): Promise<number> {
  await page.goto('about:blank');
  await page.goto(`${PAGE_URL}#workbench`);
  await page.getByRole('radio', { name: 'Xero bills', exact: true }).check();
  const button = page.getByRole('button', { name: 'Load all pages' });
  await page.getByTestId('workbench-request-line').getByText('/xero/bills').waitFor();
  await button.click({ timeout: 30_000 });
  const render = await renderTime(page);
  await page.locator('.wb-progress-words', { hasText: `All loaded: ${PAGES} pages` }).waitFor();
  return render;
}

/**
 * With the run loaded: the JSON tree view, then the Table view again, which mounts the table afresh over
 * the rows the screen already holds: from the click to the end of the first frame painting its rows.
 */
async function viewSwitch(page: Page): Promise<number> {
  const view = (label: string) =>
    `[...document.querySelectorAll('[aria-label="Show the items as"] button')].find((b) => b.textContent === '${label}')`;
  await page.evaluate(`${view('JSON tree')}.click()`);
  await page.locator(TABLE).waitFor({ state: 'detached' });
  return (await page.evaluate(`(() => {
    const clickedAt = performance.now();
    ${view('Table')}.click();
    return ${untilPainted(`document.querySelector('${APP_READY}')`, 'clickedAt')};
  })()`)) as number;
}

/** Frame times (ms between animation frames) while `selector`'s box scrolls from top to bottom in SCROLL_FRAMES steps. */
async function scrollFrames(page: Page, selector: string): Promise<number[]> {
  const { deltas, end, max } = (await page.evaluate(`(async () => {
    const box = document.querySelector(${JSON.stringify(selector)});
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    box.scrollTop = 0;
    await frame();
    await frame();
    const max = box.scrollHeight - box.clientHeight;
    const deltas = [];
    let last = await frame();
    for (let i = 1; i <= ${SCROLL_FRAMES}; i++) {
      box.scrollTop = Math.round((max * i) / ${SCROLL_FRAMES});
      const now = await frame();
      deltas.push(now - last);
      last = now;
    }
    await frame();
    return { deltas, end: box.scrollTop, max };
  })()`)) as { deltas: number[]; end: number; max: number };
  if (max < ITEMS * 30 || Math.abs(end - max) > 2) throw new Error(`${selector} scrolled to ${end} of ${max} px`);
  return deltas;
}

const percentile = (values: readonly number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!;

/** The page's JavaScript time so far (CDP's ScriptDuration), in ms: two readings bracket what an action cost in JS. */
async function scriptMs(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? NaN) * 1000;
}

/** One action's latency (as the page measures it) and the JavaScript the page ran meanwhile. */
interface Timed {
  latency: number;
  script: number;
}

async function timed(cdp: CDPSession, act: () => Promise<number>): Promise<Timed> {
  const before = await scriptMs(cdp);
  const latency = await act();
  return { latency, script: (await scriptMs(cdp)) - before };
}

async function heapMb(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN) / 1024 / 1024;
}

/** Resolves (in the page) at the end of the first frame in which `done` holds, with the time since `from` (ms). */
const untilPainted = (done: string, from: string) => `new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error('not painted within 30 s')), 30000);
  const check = () => {
    if (${done}) setTimeout(() => (clearTimeout(timer), resolve(performance.now() - (${from}))), 0);
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})`;

// Each key changes how many bills match ("bill-1234" 1, "bill-123" 10, "bill-12" 100, "bill-1" 1,000,
// "bill-" 5,000 and back), so the frame that shows the key's rows can be told by the row count.
const FILTER_KEYS: readonly [string, number][] = [
  ['Backspace', 10],
  ['Backspace', 100],
  ['Backspace', 1000],
  ['Backspace', 5000],
  ['1', 1000],
  ['2', 100],
  ['3', 10],
  ['4', 1],
];

/** Key press in the filter → the first frame showing the rows it leaves (from the key event's time stamp), per key. */
async function filterKeys(page: Page, cdp: CDPSession): Promise<Timed[]> {
  const box = page.getByTestId('workbench-filter');
  await box.fill('bill-1234');
  await page.locator(`${TABLE}[aria-rowcount="2"]`).waitFor();
  await box.evaluate((el: HTMLInputElement) => el.setSelectionRange(el.value.length, el.value.length));
  const times: Timed[] = [];
  for (const [key, rows] of FILTER_KEYS) {
    await page.evaluate(`(() => {
      window.__amcKey = new Promise((resolve) => addEventListener('keydown', (event) =>
        resolve(${untilPainted(`document.querySelector('${TABLE}[aria-rowcount="${rows + 1}"]')`, 'event.timeStamp')}),
        { once: true, capture: true }));
    })()`);
    times.push(
      await timed(cdp, async () => {
        await page.keyboard.press(key);
        return (await page.evaluate('window.__amcKey')) as number;
      }),
    );
  }
  await box.fill('');
  await page.locator(`${TABLE}[aria-rowcount="${ITEMS + 1}"]`).waitFor();
  return times;
}

// Ascending, descending, back to load order, on a column of texts (5,000 different), of money, of texts
// (17 different) and of texts with numbers ("Ref 9" before "Ref 10"). The first click on each makes its order.
const SORTED_COLUMNS = ['Number', 'Total', 'Contact', 'Reference'];
const SORT_STATES = ['ascending', 'descending', 'none'];

/** Click on a column heading → the first frame showing the rows in their new order, per click. */
async function sortClicks(page: Page, cdp: CDPSession): Promise<{ all: Timed[]; first: Timed[] }> {
  const all: Timed[] = [];
  const first: Timed[] = [];
  for (const label of SORTED_COLUMNS)
    for (const state of SORT_STATES) {
      const click = timed(
        cdp,
        async () =>
          (await page.evaluate(`(() => {
        const button = [...document.querySelectorAll('${TABLE} button.wb-sort')]
          .find((b) => b.querySelector('.wb-sort-label')?.textContent === ${JSON.stringify(label)});
        const heading = button.closest('[role="columnheader"]');
        const clickedAt = performance.now();
        button.click();
        return ${untilPainted(`(heading.getAttribute('aria-sort') ?? 'none') === '${state}'`, 'clickedAt')};
      })()`)) as number,
      );
      const ms = await click;
      all.push(ms);
      if (state === 'ascending') first.push(ms);
    }
  return { all, first };
}

/** The workbench's items table with 5,000 rows against a plain React table of the same cells. */
export async function workbenchTable5000(browser: Browser, baselineDir: string): Promise<Figure[]> {
  const list = await startListServer(ITEMS);
  const settings = { issuer: 'http://127.0.0.1:9', clientId: 'bench', clientSecret: 'bench', redirectUri: '' };
  const { config, secrets } = await seedConnections({ ...settings, apiBase: list.apiBase }, [
    { accessToken: 'x.y.z', refreshToken: 'r', ageMs: 0 },
  ]);
  // 50 reads a round, several rounds a minute: the budget is raised so that "Load all" never waits.
  const environments = config.environments.map((e) => ({ ...e, readsPerMinute: 100_000 }));
  const core = await startCore(fakePorts({ secrets, http: nodeFetchTransport(), clock: systemClock }), {
    ...config,
    environments,
  });
  const app = await openAppPage(browser, core);
  let cells: Cells | null = null;
  const baseline = await openBaselinePage(
    browser,
    baselineDir,
    () => [],
    () => cells,
  );
  try {
    await app.page.addInitScript(initScript(['workbench:loadAll'], APP_READY));
    await baseline.page.addInitScript(initScript(['bench:table'], BASELINE_READY));
    const appCdp = await app.page.context().newCDPSession(app.page);
    const baselineCdp = await baseline.page.context().newCDPSession(baseline.page);
    await appCdp.send('Performance.enable');
    await baselineCdp.send('Performance.enable');

    // One unrecorded app load first: its CSV export (no filter, load order) is the baseline's table.
    await loadAll(app.page);
    await app.page.getByRole('button', { name: 'Export CSV' }).click();
    await app.page.getByText(/^Saved to /).waitFor();
    cells = (await app.page.evaluate('window.__amcExported')) as Cells;
    if (cells.rows.length !== ITEMS) throw new Error(`the export held ${cells.rows.length} rows, not ${ITEMS}`);
    const emptyHeap = await (async () => {
      await app.page.goto('about:blank');
      await app.page.goto(`${PAGE_URL}#workbench`);
      await app.page.getByRole('radio', { name: 'Xero bills', exact: true }).waitFor();
      return heapMb(appCdp);
    })();

    const render = { baseline: [] as number[], app: [] as number[] };
    const lastPageIn: number[] = [];
    const frameMedian = { baseline: [] as number[], app: [] as number[] };
    const frameP95 = { baseline: [] as number[], app: [] as number[] };
    const heap = { baseline: [] as number[], app: [] as number[] };
    const keys: Timed[] = [];
    const clicks: Timed[] = [];
    const firstClicks: Timed[] = [];
    const inPage = { app: 0, baseline: 0 };
    for (let round = 0; round < 1 + ROUNDS; round++) {
      await baseline.page.goto('about:blank');
      await baseline.page.goto(`${PAGE_URL}?table`);
      const baselineRender = await renderTime(baseline.page);
      const baselineFrames = await scrollFrames(baseline.page, '#bench-table-scroll');
      const baselineHeap = await heapMb(baselineCdp);
      inPage.baseline = await baseline.page.locator('#bench-table tbody tr').count();

      const appLoaded = await loadAll(app.page);
      const appRender = await viewSwitch(app.page);
      const appFrames = await scrollFrames(app.page, '.wb-table-scroll');
      const appHeap = await heapMb(appCdp);
      inPage.app = await app.page.locator(`${TABLE} [role="row"][aria-rowindex]`).count();
      await app.page.evaluate(`document.querySelector('.wb-table-scroll').scrollTop = 0`);
      const roundKeys = await filterKeys(app.page, appCdp);
      const roundClicks = await sortClicks(app.page, appCdp);
      if (round === 0) continue;
      render.baseline.push(baselineRender);
      render.app.push(appRender);
      lastPageIn.push(appLoaded);
      frameMedian.baseline.push(median(baselineFrames));
      frameMedian.app.push(median(appFrames));
      frameP95.baseline.push(percentile(baselineFrames, 0.95));
      frameP95.app.push(percentile(appFrames, 0.95));
      heap.baseline.push(baselineHeap);
      heap.app.push(appHeap);
      keys.push(...roundKeys);
      clicks.push(...roundClicks.all);
      firstClicks.push(...roundClicks.first);
    }
    const name = `workbench table, ${ITEMS.toLocaleString('en-GB')} rows`;
    const plain = `a plain React <table> of the same ${ITEMS.toLocaleString('en-GB')} rows × ${cells.columns.length} columns' text, not windowed`;
    const scrolling = `${SCROLL_FRAMES} frames top to bottom (${Math.round(ITEMS / SCROLL_FRAMES)} rows a frame) in a box of the same size`;
    return [
      ratioFigure(
        `${name}: render (Table view shown → rows painted)`,
        plain,
        render,
        RENDER_TARGET,
        `the app from the click on Table (loaded rows, fresh table) to the frame painting them, ${inPage.app} rows in the page (windowed); the baseline from its cells reaching the page to the frame painting all ${inPage.baseline}; in "Load all", the last of ${PAGES} pages reaching the page → rows shown: median ${formatMs(median(lastPageIn))} ms, slowest ${formatMs(Math.max(...lastPageIn))} ms`,
      ),
      ratioFigure(`${name}: scroll, median frame time`, plain, frameMedian, FRAME_MEDIAN_TARGET, scrolling),
      ratioFigure(`${name}: scroll, 95th-percentile frame time`, plain, frameP95, FRAME_P95_TARGET, scrolling),
      {
        kind: 'budget',
        name: `${name}: renderer JS heap`,
        value: median(heap.app),
        unit: 'MB',
        target: Number((HEAP_TARGET * median(heap.baseline)).toFixed(1)),
        compare: '<=',
        note: `target ${HEAP_TARGET}× the plain table's ${median(heap.baseline).toFixed(1)} MB in this run; CDP JSHeapUsedSize after a GC, after scrolling; the workbench before loading ${emptyHeap.toFixed(1)} MB`,
      },
      {
        kind: 'info',
        name: `${name}: filter key press, JavaScript`,
        value: median(keys.map((k) => k.script)),
        unit: 'ms',
        note: `median of ${keys.length} presses leaving 1 to 5,000 rows (a 60 Hz frame is 16.7 ms), slowest ${formatMs(Math.max(...keys.map((k) => k.script)))} ms; key → rows painted ${formatMs(median(keys.map((k) => k.latency)))} ms, 95th percentile ${formatMs(
          percentile(
            keys.map((k) => k.latency),
            0.95,
          ),
        )} ms`,
      },
      {
        kind: 'info',
        name: `${name}: sort click, JavaScript`,
        value: median(clicks.map((c) => c.script)),
        unit: 'ms',
        note: `median of ${clicks.length} clicks (ascending, descending, load order on ${SORTED_COLUMNS.join(', ')}); a column's first click, which makes its order, ${formatMs(median(firstClicks.map((c) => c.script)))} ms, slowest ${formatMs(Math.max(...firstClicks.map((c) => c.script)))} ms; click → rows painted ${formatMs(median(clicks.map((c) => c.latency)))} ms`,
      },
    ];
  } finally {
    await app.page.context().close();
    await baseline.page.context().close();
    await core.stop();
    list.close();
  }
}
