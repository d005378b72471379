import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { neutralise, toCsv } from '../../../main/core/workbench/csv';
import { ShellSaveDialog } from '../../shell/save-dialog';
import { BILLS, NORTHWIND, pagedList, valueOf, view, withoutDocument, workbenchHarness } from './harness';

describe('CSV', () => {
  it('quotes as RFC 4180 says, with CRLF and a byte-order mark for Excel', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['plain', 'with, comma'],
          ['say "hi"', 'two\nlines'],
        ],
      ),
    ).toBe('\uFEFFa,b\r\nplain,"with, comma"\r\n"say ""hi""","two\nlines"\r\n');
  });

  it.each([
    ['=SUM(A1:A2)', "'=SUM(A1:A2)"],
    ['+cmd', "'+cmd"],
    ['-1+2', "'-1+2"],
    ['@import', "'@import"],
    ['\t=1', "'\t=1"],
    ['-12.5', '-12.5'],
    ['+3', '+3'],
    ['1e6', '1e6'],
    ['Bill = paid', 'Bill = paid'],
  ])('neutralises %j as a formula unless it is a plain number', (cell, expected) => {
    expect(neutralise(cell)).toBe(expected);
  });

  it('neutralises before quoting', () => {
    expect(toCsv(['x'], [['=HYPERLINK("http://x","y")']])).toBe('\uFEFFx\r\n"\'=HYPERLINK(""http://x"",""y"")"\r\n');
  });
});

describe('export', () => {
  const loaded = async (options: Partial<Parameters<typeof workbenchHarness>[0]> = {}) => {
    const h = await workbenchHarness({ answer: withoutDocument(pagedList(15)), ...options });
    const start = valueOf(
      await h.workbench.start({
        connectionId: view.id,
        endpointId: BILLS,
        values: { companyId: NORTHWIND.companyId, limit: '10' },
      }),
    );
    valueOf(await h.runs.next(start.progress.runId));
    return { h, runId: start.progress.runId };
  };

  it('saves the table as shown as CSV through the save dialog, atomically', async () => {
    const { h, runId } = await loaded();
    const saved = valueOf(
      await h.workbench.export(
        runId,
        'csv',
        ['Number', 'Total'],
        [
          ['B-1', '=1+1'],
          ['B-2', '12.50'],
        ],
      ),
    );
    expect(saved.saved).toBe(true);
    expect(readFileSync(saved.path!, 'utf8')).toBe("\uFEFFNumber,Total\r\nB-1,'=1+1\r\nB-2,12.50\r\n");
    const dialog = h.saveDialog as ShellSaveDialog;
    expect(dialog.requests[0]).toMatchObject({
      defaultName: 'approvalmax-xero-bills.csv',
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    });
    // No temporary file is left beside it.
    expect(readdirSync(path.dirname(saved.path!))).toEqual(['approvalmax-xero-bills.csv']);
  });

  it('saves every item loaded in the run as pretty JSON', async () => {
    const { h, runId } = await loaded();
    const saved = valueOf(await h.workbench.export(runId, 'json'));
    const items = JSON.parse(readFileSync(saved.path!, 'utf8')) as { requestId: string }[];
    expect(items.map((i) => i.requestId)).toEqual(Array.from({ length: 15 }, (_, i) => `r${i + 1}`));
    expect(readFileSync(saved.path!, 'utf8')).toContain('\n  {\n    "requestId": "r1"');
  });

  it('a cancelled dialog saves nothing and is not an error', async () => {
    const { h, runId } = await loaded({ saveDialog: { choosePath: async () => null } });
    expect(valueOf(await h.workbench.export(runId, 'json'))).toEqual({ saved: false, path: null });
  });

  it('without a save dialog, says so in plain words', async () => {
    const { h, runId } = await loaded({ saveDialog: null });
    expect(await h.workbench.export(runId, 'json')).toMatchObject({
      ok: false,
      error: { code: 'storage', message: expect.stringMatching(/cannot open a save dialog, so nothing was exported/) },
    });
  });

  it.each([
    ['ENOSPC', /because the disk is full/],
    ['EACCES', /may not write to that folder/],
  ])('a refused write (%s) is explained in plain words', async (code, words) => {
    const { h, runId } = await loaded({
      writeFile: async () => {
        throw Object.assign(new Error(`${code}: at /secret/stack`), { code });
      },
    });
    const result = await h.workbench.export(runId, 'csv', ['a'], [['1']]);
    expect(result).toMatchObject({ ok: false, error: { code: 'storage', message: expect.stringMatching(words) } });
    expect(JSON.stringify(result)).not.toContain('/secret/stack');
  });

  it('CSV needs the table; an unknown run is named', async () => {
    const { h, runId } = await loaded();
    expect(await h.workbench.export(runId, 'csv')).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await h.workbench.export('gone', 'json')).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/no longer kept/) },
    });
  });
});

describe('copy as cURL', () => {
  it('copies $TOKEN by default, and the real token only when asked, wiped after 60 s', async () => {
    const h = await workbenchHarness({ answer: withoutDocument(pagedList(5)) });
    const request = { connectionId: view.id, endpointId: BILLS, values: { companyId: 'c-1', requestStatus: 'Draft' } };
    expect(valueOf(await h.workbench.copyCurl(request, false))).toEqual({ clearsAt: null });
    expect(h.clipboard.text).toBe(
      "curl --request GET 'https://api.example.test/api/v1/companies/c-1/xero/bills?requestStatus=Draft' \\\n" +
        "  --header 'Accept: application/json' \\\n" +
        '  --header "Authorization: Bearer $TOKEN"',
    );
    const receipt = valueOf(await h.workbench.copyCurl(request, true));
    expect(h.clipboard.text).toContain("'Authorization: Bearer token-1'");
    expect(receipt.clearsAt).toBe(new Date(h.clock.now() + 60_000).toISOString());
    expect(await h.workbench.copyCurl({ ...request, values: {} }, false)).toMatchObject({
      ok: false,
      error: { message: 'There is no request to copy yet. Choose an organisation.' },
    });
  });
});
