// The token inspector with a very large token (issue 15, item 1), measured in Chromium on the built
// renderer: a token with 5,000 claims against a 15-claim token, in the same page and the same run,
// alternating (15 claims, 5,000 claims, 15 claims…). Two figures: the render (the inspection reaching
// the page → the claims table painted, as the home-screen figure counts from the list reaching the
// page) and the latency of a key press in the token box while the token is shown and its countdown
// ticks. A third figure sets that key press against a bare <textarea> holding the same text: the
// browser's own cost of editing hundreds of KB, which no renderer code can lower, so it is what the
// app adds. The render's note adds what a person waits from the click (decoding in the core and the
// shell's bridge carrying the answer included).
import type { Browser, Page } from 'playwright-core';
import { nodeFetchTransport } from '../../main/core/http/node-fetch-transport';
import { startCore } from '../../main/core/service';
import { systemClock } from '../../main/core/system-clock';
import { fakePorts } from '../../test/unit/core/fakes';
import { formatMs, median, ratioFigure, seedConnections, type Figure } from './common';
import { PAGE_URL, openAppPage } from './shell';
import type { BenchSimulator } from './simulator';

/** Recorded rounds (after one unrecorded warm-up pair). */
const ROUNDS = 7;
/** Key presses per round; their mean is the round's sample, so a press that meets a countdown tick counts. */
const PRESSES = 5;
const BIG = 5000;
const SMALL = 15;

const base64url = (text: string) => Buffer.from(text).toString('base64url');

/** An RS256-shaped token with `claims` claims in all (the usual ones first), valid for an hour; its signature is never checked here. */
export function tokenWithClaims(claims: number, issuer: string): string {
  const now = Math.floor(Date.now() / 1000);
  const payload: Record<string, unknown> = {
    iss: issuer,
    sub: 'bench-user',
    aud: 'approvalmax-api',
    exp: now + 3600,
    nbf: now - 5,
    iat: now - 5,
    scope: ['openid', 'offline_access'],
    client_id: 'bench-client',
  };
  for (let i = Object.keys(payload).length; i < claims; i++)
    payload[`custom_claim_${String(i).padStart(5, '0')}`] = `value number ${i} of this benchmark token`;
  const header = { alg: 'RS256', typ: 'at+jwt', kid: 'bench' };
  return `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}.${base64url('x'.repeat(256))}`;
}

/** Notes, in the page, when the paste's inspection reaches it. */
async function noteInspectionArrival(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as {
      __amcInvoke?: (c: string, a: unknown) => Promise<unknown>;
      __amcInspectedAt?: number;
    };
    const original = w.__amcInvoke;
    if (original)
      w.__amcInvoke = async (c, arg) => {
        const reply = await original(c, arg);
        if (c === 'inspect:paste') w.__amcInspectedAt = performance.now();
        return reply;
      };
  });
}

/**
 * A fresh load of the inspector, the token pasted (not timed), then Inspect: until the claims table
 * is painted (the task after the first animation frame that holds it, so its style, layout and paint
 * count), from the inspection's arrival and from the click.
 */
async function render(page: Page, token: string): Promise<{ render: number; fromClick: number }> {
  // Through a blank page: a hash-only navigation would keep the previous document and its inspection.
  await page.goto('about:blank');
  await page.goto(`${PAGE_URL}#inspector`);
  await page.getByLabel('Token', { exact: true }).fill(token);
  // A string, not a function: tsx would wrap the named inner function in a helper the page does not have.
  const { clickedAt, paintedAt } = await page.evaluate<{
    clickedAt: number;
    paintedAt: number;
  }>(`new Promise((resolve, reject) => {
    const clickedAt = performance.now();
    setTimeout(() => reject(new Error('the claims table did not show within 120 s')), 120000);
    function check() {
      if (document.querySelector('table[aria-label="Claims"] tbody tr') && document.querySelector('[aria-label="Summary"]'))
        setTimeout(() => resolve({ clickedAt, paintedAt: performance.now() }), 0);
      else requestAnimationFrame(check);
    }
    document.querySelector('form[aria-label="Token to inspect"] button[type="submit"]').click();
    requestAnimationFrame(check);
  })`);
  const inspectedAt = await page.evaluate(
    () => (window as unknown as { __amcInspectedAt?: number }).__amcInspectedAt ?? NaN,
  );
  return { render: paintedAt - inspectedAt, fromClick: paintedAt - clickedAt };
}

/**
 * One key press in the focused box (at its end: a character, then Backspace on the next press): from
 * the key event's time stamp (when the browser received it, so waiting behind a long render counts)
 * to the end of the first frame after it was handled.
 */
async function keyPress(page: Page, key: string): Promise<number> {
  // Listening first (and waiting until it listens), so the key cannot arrive before the listener.
  await page.evaluate(() => {
    const w = window as unknown as { __amcKeyLatency?: Promise<number> };
    w.__amcKeyLatency = new Promise<number>((resolve) =>
      addEventListener(
        'keydown',
        (event) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - event.timeStamp), 0)),
        { once: true, capture: true },
      ),
    );
  });
  await page.keyboard.press(key);
  return page.evaluate(() => (window as unknown as { __amcKeyLatency: Promise<number> }).__amcKeyLatency);
}

/** The mean latency of PRESSES key presses in the textarea `selector`, spread over a second (one countdown tick). */
async function typing(page: Page, selector: string): Promise<number> {
  await page
    .locator(selector)
    .evaluate((el: HTMLTextAreaElement) => (el.focus(), el.setSelectionRange(el.value.length, el.value.length)));
  const times: number[] = [];
  for (let i = 0; i < PRESSES; i++) {
    times.push(await keyPress(page, i % 2 === 0 ? 'x' : 'Backspace'));
    await page.waitForTimeout(1000 / PRESSES);
  }
  return times.reduce((a, b) => a + b, 0) / times.length;
}

/** The same typing in a bare <textarea> holding `text`, outside React, in the same page: what the browser alone costs. */
async function bareTyping(page: Page, text: string): Promise<number> {
  await page.evaluate((value) => {
    const bare = document.createElement('textarea');
    bare.id = 'bench-bare';
    bare.rows = 5;
    bare.spellcheck = false;
    bare.value = value;
    document.body.append(bare);
  }, text);
  try {
    return await typing(page, '#bench-bare');
  } finally {
    await page.evaluate(() => document.getElementById('bench-bare')?.remove());
  }
}

/** The inspector with a 5,000-claim token against a 15-claim one: render and key-press latency. */
export async function inspectorBigToken(browser: Browser, sim: BenchSimulator): Promise<Figure[]> {
  const { config, secrets } = await seedConnections(sim, []);
  const core = await startCore(fakePorts({ secrets, http: nodeFetchTransport(), clock: systemClock }), config);
  const app = await openAppPage(browser, core);
  await noteInspectionArrival(app.page);
  const small = tokenWithClaims(SMALL, sim.issuer);
  const big = tokenWithClaims(BIG, sim.issuer);
  const renders = { baseline: [] as number[], app: [] as number[] };
  const fromClick = { baseline: [] as number[], app: [] as number[] };
  const keys = { baseline: [] as number[], app: [] as number[] };
  const bare: number[] = [];
  const rows: number[] = [];
  try {
    for (let i = 0; i < 1 + ROUNDS; i++) {
      const smallRender = await render(app.page, small);
      const smallKeys = await typing(app.page, 'form[aria-label="Token to inspect"] textarea');
      const bigRender = await render(app.page, big);
      const bigKeys = await typing(app.page, 'form[aria-label="Token to inspect"] textarea');
      if (i === 0) continue;
      renders.baseline.push(smallRender.render);
      renders.app.push(bigRender.render);
      fromClick.baseline.push(smallRender.fromClick);
      fromClick.app.push(bigRender.fromClick);
      keys.baseline.push(smallKeys);
      keys.app.push(bigKeys);
      rows.push(await app.page.locator('table[aria-label="Claims"] tbody tr').count());
      bare.push(await bareTyping(app.page, big));
    }
    const kb = (t: string) => `${(t.length / 1024).toFixed(0)} KB`;
    const name = `inspector, ${BIG.toLocaleString('en-GB')} claims`;
    const baseline = `the same with a ${SMALL}-claim token`;
    return [
      ratioFigure(
        `${name}: render (inspection in → claims table painted)`,
        baseline,
        renders,
        10,
        `tokens of ${kb(small)} and ${kb(big)}; ${median(rows)} claim rows in the DOM; from the click (core decoding and the shell's bridge included) ${formatMs(median(fromClick.app))} / ${formatMs(median(fromClick.baseline))} ms`,
      ),
      ratioFigure(
        `${name}: key press in the token box (key → next frame)`,
        baseline,
        keys,
        3,
        `mean of ${PRESSES} presses per round over one countdown tick; the browser alone, a bare <textarea> holding the same ${kb(big)}, takes ${formatMs(median(bare))} ms (next figure)`,
      ),
      ratioFigure(
        `${name}: key press in the token box, against the browser's own floor`,
        `a bare <textarea> holding the same ${kb(big)} in the same page, no React`,
        { baseline: bare, app: keys.app },
        1.5,
        'what the app adds to typing in a box this full: the countdown, the tables and React together',
      ),
    ];
  } finally {
    await app.page.context().close();
    await core.stop();
  }
}
