import { describe, expect, it } from 'vitest';
import { BILLS, json, NORTHWIND, valueOf, view, withoutDocument, workbenchHarness } from './harness';

const items = [
  { requestId: 'r1', externalUrl: 'https://go.xero.com/AccountsPayable/View.aspx?InvoiceID=1' },
  { requestId: 'r2', externalUrl: 'http://go.xero.com/plain-http' },
  { requestId: 'r3', externalUrl: 'https://user:secret@go.xero.com/with-credentials' },
  { requestId: 'r4', externalUrl: null },
  { requestId: 'r5', externalUrl: 'javascript:alert(1)' },
];

async function loaded() {
  const h = await workbenchHarness({ answer: withoutDocument(() => json({ payload: items })) });
  const run = valueOf(
    await h.workbench.start({ connectionId: view.id, endpointId: BILLS, values: { companyId: NORTHWIND.companyId } }),
  );
  return { h, runId: run.progress.runId };
}

describe('opening an item’s link', () => {
  it('opens the https link of the item main holds, by its place in load order', async () => {
    const { h, runId } = await loaded();
    valueOf(await h.workbench.openLink(runId, 0));
    expect(h.browser.opened).toEqual([items[0]!.externalUrl]);
  });

  it.each([
    [1, 'not a plain https address'],
    [2, 'not a plain https address'],
    [4, 'not a plain https address'],
    [3, 'no link to open'],
    [99, 'no link to open'],
  ])('refuses item %i in plain words and opens nothing', async (item, words) => {
    const { h, runId } = await loaded();
    const result = await h.workbench.openLink(runId, item);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error.message).toContain(words);
    expect(h.browser.opened).toEqual([]);
  });

  it('says so when the run is gone', async () => {
    const { h } = await loaded();
    const result = await h.workbench.openLink('no-such-run', 0);
    expect(result.ok ? '' : result.error.message).toContain('no link to open');
  });
});
