import { describe, expect, it } from 'vitest';
import type { RunResult, WorkbenchRequest } from '../../../preload/contract';
import { BILLS, json, NORTHWIND, pagedList, valueOf, view, withoutDocument, workbenchHarness } from './harness';

const request = (values: Record<string, string> = {}): WorkbenchRequest => ({
  connectionId: view.id,
  endpointId: BILLS,
  values: { companyId: NORTHWIND.companyId, limit: '10', ...values },
});
const dataRequests = (h: { requests: { url: string }[] }) =>
  h.requests.filter((r) => !r.url.includes('/swagger/')).map((r) => new URL(r.url));

describe('a run, page by page', () => {
  it('start reads the first page; next follows the continuation token with a token read again per page', async () => {
    let n = 0;
    const h = await workbenchHarness({ answer: withoutDocument(pagedList(25)), tokens: () => `token-${++n}` });
    const first = valueOf(await h.workbench.start(request()));
    expect(first.progress).toMatchObject({ state: 'more', pages: 1, items: 10, failedPage: null });
    expect(first.pages).toHaveLength(1);
    expect(first.pages[0]).toMatchObject({ number: 1, hasMore: true });
    expect(first.pages[0]?.items).toHaveLength(10);
    expect(first.pages[0]?.report.verdict.outcome).toBe('success');
    const runId = first.progress.runId;
    const second = valueOf(await h.runs.next(runId));
    expect(second.pages[0]).toMatchObject({ number: 2, hasMore: true });
    const third = valueOf(await h.runs.next(runId));
    expect(third.progress).toMatchObject({ state: 'done', pages: 3, items: 25 });
    expect(third.pages[0]?.hasMore).toBe(false);
    expect(dataRequests(h).map((u) => u.searchParams.get('continuationToken'))).toEqual([null, 'after-10', 'after-20']);
    const sent = h.requests.filter((r) => !r.url.includes('/swagger/'));
    expect(sent.map((r) => new Headers(r.init.headers).get('authorization'))).toEqual([
      'Bearer token-2',
      'Bearer token-3',
      'Bearer token-4',
    ]);
    expect(await h.runs.next(runId)).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/no more pages/) },
    });
    // Each page also arrives as an event, and no report holds the token.
    expect(h.pages().map((p) => p.number)).toEqual([1, 2, 3]);
    expect(JSON.stringify(h.events)).not.toMatch(/token-\d/);
  });

  it('reads a bare array or a single object as items', async () => {
    const h = await workbenchHarness({
      answer: withoutDocument((url) =>
        url.pathname === '/api/v1/companies' ? json([NORTHWIND]) : json({ requestId: 'r1', total: 5 }),
      ),
    });
    const companies = valueOf(
      await h.workbench.start({ connectionId: view.id, endpointId: 'GET /api/v1/companies', values: {} }),
    );
    expect(companies.pages[0]?.items).toEqual([NORTHWIND]);
    expect(companies.progress.state).toBe('done');
    const one = valueOf(
      await h.workbench.start({
        connectionId: view.id,
        endpointId: `${BILLS}/{requestId}`,
        values: { companyId: NORTHWIND.companyId, requestId: 'r1' },
      }),
    );
    expect(one.pages[0]?.items).toEqual([{ requestId: 'r1', total: 5 }]);
  });
});

describe('load all', () => {
  it('continues until there is no token, with page and progress events, one timeline and one history entry', async () => {
    const h = await workbenchHarness({ answer: withoutDocument(pagedList(195)) });
    const runId = valueOf(await h.workbench.start(request())).progress.runId;
    const all = valueOf(await h.runs.loadAll(runId, 50));
    expect(all.progress).toMatchObject({ state: 'done', pages: 20, items: 195, maxPages: 50 });
    expect(all.pages.map((p) => p.number)).toEqual(Array.from({ length: 19 }, (_, i) => i + 2));
    expect(h.pages()).toHaveLength(20);
    expect(h.progress().filter((p) => p.state === 'loading').length).toBeGreaterThanOrEqual(19);
    // start, then load all: two actions, two entries each way, however many pages.
    expect(h.activity).toHaveLength(2);
    expect(h.activity[1]).toMatchObject({
      kind: 'ping',
      tone: 'good',
      connectionId: view.id,
      connectionLabel: view.label,
      summary: `API workbench, Xero bills for ${NORTHWIND.name} with ${view.label}: Read 19 pages, 185 items; that was the last page.`,
    });
    expect(h.history).toHaveLength(2);
    expect(h.history[1]?.verdict.headline).toBe('Read 19 pages, 185 items; that was the last page.');
    expect(h.history[1]?.id).toBe(all.pages.at(-1)?.report.id);
  });

  it('stops at the page cap, and a raised cap continues from there', async () => {
    const h = await workbenchHarness({ answer: withoutDocument(pagedList(1000)) });
    const runId = valueOf(await h.workbench.start(request())).progress.runId;
    const capped = valueOf(await h.runs.loadAll(runId, 5));
    expect(capped.progress).toMatchObject({ state: 'capped', pages: 5, items: 50, maxPages: 5 });
    expect(h.history.at(-1)?.verdict.headline).toBe(
      'Read 4 pages, 40 items; stopped at the page cap, more pages remain.',
    );
    const more = valueOf(await h.runs.loadAll(runId, 8));
    expect(more.progress).toMatchObject({ state: 'capped', pages: 8 });
    expect(more.pages.map((p) => p.number)).toEqual([6, 7, 8]);
  });

  it('a 500 on page 3 keeps pages 1–2; retry continues from page 3 with the same continuation token', async () => {
    let broken = true;
    const h = await workbenchHarness({
      answer: withoutDocument(
        pagedList(50, (page) =>
          page === 3 && broken ? json({ title: 'Internal error', status: 500, traceId: 't-500' }, 500) : undefined,
        ),
      ),
    });
    const runId = valueOf(await h.workbench.start(request())).progress.runId;
    const failed = valueOf(await h.runs.loadAll(runId, 50));
    expect(failed.progress).toMatchObject({ state: 'failed', pages: 2, items: 20, failedPage: 3 });
    expect(failed.pages.map((p) => [p.number, p.items.length])).toEqual([
      [2, 10],
      [3, 0],
    ]);
    expect(failed.pages[1]?.report.verdict.outcome).toBe('server-error');
    expect(failed.pages[1]?.report.problem?.traceId).toBe('t-500');
    expect(h.activity.at(-1)).toMatchObject({ tone: 'bad' });
    expect(h.activity.at(-1)?.summary).toMatch(/Read 1 page, 10 items, then page 3 failed: ApprovalMax had a problem/);
    broken = false;
    const retried = valueOf(await h.runs.loadAll(runId, 50));
    expect(retried.progress).toMatchObject({ state: 'done', pages: 5, items: 50, failedPage: null });
    expect(retried.pages[0]?.number).toBe(3);
    const tokens = dataRequests(h).map((u) => u.searchParams.get('continuationToken'));
    expect(tokens).toEqual([null, 'after-10', 'after-20', 'after-20', 'after-30', 'after-40']);
  });

  it('next retries the page that failed, even the first one', async () => {
    let broken = true;
    const h = await workbenchHarness({
      answer: withoutDocument(pagedList(15, () => (broken ? new Response('', { status: 502 }) : undefined))),
    });
    const failed = valueOf(await h.workbench.start(request()));
    expect(failed.progress).toMatchObject({ state: 'failed', pages: 0, failedPage: 1 });
    broken = false;
    const retried = valueOf(await h.runs.next(failed.progress.runId));
    expect(retried.progress).toMatchObject({ state: 'more', pages: 1, failedPage: null });
  });

  it('a token that cannot be had fails the page in plain words, and the pages stay', async () => {
    let calls = 0; // the endpoint list asks for the token once, then each page
    const h = await workbenchHarness({ answer: withoutDocument(pagedList(50)), tokenUnavailable: () => ++calls > 3 });
    const runId = valueOf(await h.workbench.start(request())).progress.runId;
    const result = await h.runs.loadAll(runId, 50);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'token-unavailable', message: expect.stringMatching(/Reconnect/) },
    });
    expect(h.progress().at(-1)).toMatchObject({ state: 'failed', pages: 2, failedPage: 3 });
    expect(h.activity.at(-1)?.summary).toMatch(/Page 3 was not read: Support team has no usable access token/);
  });

  it('allows one action per run at a time', async () => {
    const h = await workbenchHarness({
      answer: withoutDocument(pagedList(50)),
      env: { readsPerMinute: 1 },
      holdWaits: true,
    });
    const runId = valueOf(await h.workbench.start(request())).progress.runId;
    const running = h.runs.loadAll(runId, 50); // waits for the budget, held
    await new Promise((r) => setTimeout(r, 10));
    expect(await h.runs.next(runId)).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument', message: expect.stringMatching(/still loading pages/) },
    });
    valueOf(h.runs.cancel(runId));
    expect(valueOf(await running).progress.state).toBe('cancelled');
  });
});

describe('the rate budget', () => {
  it('waits rather than exceeding the reads per minute for the organisation, saying why and until when', async () => {
    const sentAt: number[] = [];
    const list = pagedList(50);
    const h = await workbenchHarness({
      answer: withoutDocument((url, headers) => (sentAt.push(h.clock.now()), list(url, headers))),
      env: { readsPerMinute: 2 },
    });
    const started = h.clock.now();
    const runId = valueOf(await h.workbench.start(request())).progress.runId;
    const all = valueOf(await h.runs.loadAll(runId, 50));
    expect(all.progress).toMatchObject({ state: 'done', pages: 5 });
    expect(h.waits.map((w) => w.ms)).toEqual([60_000, 60_000]);
    const waiting = h.progress().filter((p) => p.state === 'waiting');
    expect(waiting[0]).toMatchObject({
      waitingFor: `Waiting 1 min: 2 reads a minute is the budget for ${NORTHWIND.name}.`,
      waitingUntil: new Date(started + 60_000).toISOString(),
    });
    // Never more than 2 reads in any minute.
    expect(sentAt).toHaveLength(5);
    for (const at of sentAt) expect(sentAt.filter((t) => t >= at && t < at + 60_000).length).toBeLessThanOrEqual(2);
    expect(h.clock.now() - started).toBe(120_000);
  });

  it('keeps a budget per organisation: another organisation does not wait', async () => {
    const h = await workbenchHarness({ answer: withoutDocument(pagedList(5)), env: { readsPerMinute: 1 } });
    valueOf(await h.workbench.start(request()));
    valueOf(await h.workbench.start(request({ companyId: 'c-contoso' })));
    expect(h.waits).toEqual([]);
    valueOf(await h.workbench.start(request()));
    expect(h.waits.map((w) => w.ms)).toEqual([60_000]);
  });

  it('a 429 waits as Retry-After asks, then reads the same page again by itself', async () => {
    let limited = 1;
    const h = await workbenchHarness({
      answer: withoutDocument(
        pagedList(30, (page) =>
          page === 2 && limited-- > 0
            ? json({ title: 'Too many requests', status: 429 }, 429, { 'retry-after': '30' })
            : undefined,
        ),
      ),
    });
    const runId = valueOf(await h.workbench.start(request())).progress.runId;
    const all = valueOf(await h.runs.loadAll(runId, 50));
    expect(all.progress).toMatchObject({ state: 'done', pages: 3, items: 30 });
    expect(all.pages.map((p) => [p.number, p.report.response?.status])).toEqual([
      [2, 200],
      [3, 200],
    ]);
    expect(h.waits.map((w) => w.ms)).toEqual([30_000]);
    expect(h.progress().find((p) => p.state === 'waiting')?.waitingFor).toBe(
      'Waiting 30 s: ApprovalMax answered HTTP 429 (too many requests) and asked to wait; then page 2 is read again.',
    );
    expect(dataRequests(h).map((u) => u.searchParams.get('continuationToken'))).toEqual([
      null,
      'after-10',
      'after-10',
      'after-20',
    ]);
  });

  it('gives a page up after five 429s in a row', async () => {
    const h = await workbenchHarness({
      answer: withoutDocument(() => json({ status: 429 }, 429, { 'retry-after': '1' })),
    });
    const result = valueOf(await h.workbench.start(request()));
    expect(result.progress).toMatchObject({ state: 'failed', failedPage: 1 });
    expect(result.pages[0]?.report.verdict.outcome).toBe('rate-limited');
    expect(h.waits).toHaveLength(4);
  });

  it('cancel ends a wait at once', async () => {
    const h = await workbenchHarness({
      answer: withoutDocument(pagedList(50)),
      env: { readsPerMinute: 1 },
      holdWaits: true,
    });
    const runId = valueOf(await h.workbench.start(request())).progress.runId;
    const running = h.runs.loadAll(runId, 50);
    await new Promise((r) => setTimeout(r, 10));
    expect(h.progress().at(-1)?.state).toBe('waiting');
    valueOf(h.runs.cancel(runId));
    const result: RunResult = valueOf(await running);
    expect(result.progress).toMatchObject({ state: 'cancelled', pages: 1, waitingFor: null });
    expect(dataRequests(h)).toHaveLength(1);
    // Nothing was read, so the cancelled action leaves no entry.
    expect(h.activity).toHaveLength(1);
  });

  it('stop (quitting) cancels every running action', async () => {
    const h = await workbenchHarness({
      answer: withoutDocument(pagedList(50)),
      env: { readsPerMinute: 1 },
      holdWaits: true,
    });
    const runId = valueOf(await h.workbench.start(request())).progress.runId;
    const running = h.runs.loadAll(runId, 50);
    await new Promise((r) => setTimeout(r, 10));
    h.runs.stop();
    expect(valueOf(await running).progress.state).toBe('cancelled');
  });
});
