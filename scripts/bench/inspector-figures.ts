// The token inspector with a very large token (issue 15, item 1), measured in Chromium on the built
// renderer: a token with 5,000 claims against a 15-claim token, in the same page and the same run,
// alternating (15 claims, 5,000 claims, 15 claims…). Two figures: the render (Inspect clicked → the
// claims table painted) and the latency of a key press in the token box while the token is shown
// (the live countdown keeps ticking meanwhile).
import type { Browser, Page } from 'playwright-core';
import { nodeFetchTransport } from '../../main/core/http/node-fetch-transport';
import { startCore } from '../../main/core/service';
import { systemClock } from '../../main/core/system-clock';
import { fakePorts } from '../../test/unit/core/fakes';
import { median, ratioFigure, seedConnections, type AbSamples, type Figure } from './common';
import { PAGE_URL, openAppPage } from './shell';
import type { BenchSimulator } from './simulator';

/** Recorded rounds (after one unrecorded warm-up pair). */
const ROUNDS = 7;
/** Key presses per round; their mean is the round's sample, so a press that meets a countdown tick counts. */
const PRESSES = 5;
const BIG = 5000;
const SMALL = 15;

const base64url = (text: string) => Buffer.from(text).toString('base64url');

/** An RS256-shaped token with `claims` claims in all (the usual ones first), valid for an hour; the signature is not checked here. */
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
  for (let i = Object.keys(payload).length; i < claims; i++) payload[`custom_claim_${String(i).padStart(5, '0')}`] = `value number ${i} of this benchmark token`;
  const header = { alg: 'RS256', typ: 'at+jwt', kid: 'bench' };
  return `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}.${base64url('x'.repeat(256))}`;
}

/** A fresh load of the inspector, the token pasted (not timed), then Inspect: the time until the first frame that holds the claims table. */
async function render(page: Page, token: string): Promise<number> {
  await page.goto(`${PAGE_URL}#inspector`);
  const box = page.getByLabel('Token', { exact: true });
  await box.fill(token);
  const start = await page.evaluate(() => {
    const t0 = performance.now();
    document.querySelector<HTMLButtonElement>('form[aria-label="Token to inspect"] button[type="submit"]')!.click();
    return t0;
  });
  const handle = await page.waitForFunction(
    () => (document.querySelector('table[aria-label="Claims"] tbody tr') && document.querySelector('[aria-label="Summary"]') ? performance.now() : 0),
    undefined,
    { polling: 'raf', timeout: 120_000 },
  );
  return Number(await handle.jsonValue()) - start;
}

/**
 * One key press in the token box (at its end: a character, then Backspace on the next press): from
 * the key event's time stamp (when the browser received it, so waiting behind a long render counts)
 * to the end of the first frame after it was handled.
 */
async function keyPress(page: Page, key: string): Promise<number> {
  const measured = page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        addEventListener('keydown', (event) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - event.timeStamp), 0)), { once: true, capture: true });
      }),
  );
  await page.keyboard.press(key);
  return measured;
}

/** The mean latency of PRESSES key presses, spread over a second (one countdown tick). */
async function typing(page: Page): Promise<number> {
  const box = page.getByLabel('Token', { exact: true });
  await box.evaluate((el: HTMLTextAreaElement) => (el.focus(), el.setSelectionRange(el.value.length, el.value.length)));
  const times: number[] = [];
  for (let i = 0; i < PRESSES; i++) {
    times.push(await keyPress(page, i % 2 === 0 ? 'x' : 'Backspace'));
    await page.waitForTimeout(1000 / PRESSES);
  }
  return times.reduce((a, b) => a + b, 0) / times.length;
}

/** The inspector with a 5,000-claim token against a 15-claim one: render and key-press latency. */
export async function inspectorBigToken(browser: Browser, sim: BenchSimulator): Promise<Figure[]> {
  const { config, secrets } = await seedConnections(sim, []);
  const core = await startCore(fakePorts({ secrets, http: nodeFetchTransport(), clock: systemClock }), config);
  const app = await openAppPage(browser, core);
  const small = tokenWithClaims(SMALL, sim.issuer);
  const big = tokenWithClaims(BIG, sim.issuer);
  const renders = { baseline: [] as number[], app: [] as number[] };
  const keys = { baseline: [] as number[], app: [] as number[] };
  const rows: number[] = [];
  try {
    for (let i = 0; i < 1 + ROUNDS; i++) {
      const smallRender = await render(app.page, small);
      const smallKeys = await typing(app.page);
      const bigRender = await render(app.page, big);
      const bigKeys = await typing(app.page);
      if (i === 0) continue;
      renders.baseline.push(smallRender);
      renders.app.push(bigRender);
      keys.baseline.push(smallKeys);
      keys.app.push(bigKeys);
      rows.push(await app.page.locator('table[aria-label="Claims"] tbody tr').count());
    }
    const kb = (t: string) => `${(t.length / 1024).toFixed(0)} KB`;
    const note = `tokens of ${kb(small)} and ${kb(big)}; ${median(rows)} claim rows in the DOM for ${BIG} claims`;
    return [
      ratioFigure(`inspector, ${BIG.toLocaleString('en-GB')} claims: render (Inspect → claims table painted)`, `the same with a ${SMALL}-claim token`, renders as AbSamples, 10, note),
      ratioFigure(
        `inspector, ${BIG.toLocaleString('en-GB')} claims: key press in the token box (key → next frame)`,
        `the same with a ${SMALL}-claim token`,
        keys as AbSamples,
        3,
        `mean of ${PRESSES} presses per round, spread over one countdown tick`,
      ),
    ];
  } finally {
    await app.page.context().close();
    await core.stop();
  }
}
