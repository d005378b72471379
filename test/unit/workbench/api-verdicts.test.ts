import { describe, expect, it } from 'vitest';
import { parseProblemDetails } from '../../../main/core/ping/problem-details';
import { verdictForStatus } from '../../../main/core/ping/verdicts';
import { BILLS, json, NORTHWIND, pagedList, valueOf, view, withoutDocument, workbenchHarness } from './harness';

const none = new Headers();
const ORG_URL = 'https://public-api.approvalmax.com/api/v1/companies/4f1d2c3b/xero/bills?limit=10';

describe('the Public API cases the workbench meets, explained', () => {
  it('400 "The <id> is disabled." names the organisation and the plan it needs', () => {
    const body = JSON.stringify({ title: 'Bad Request', status: 400, detail: 'The 4f1d2c3b is disabled.' });
    const verdict = verdictForStatus(400, none, {
      body,
      problem: parseProblemDetails(body),
      url: ORG_URL,
      organisation: 'Northwind Traders Ltd',
    });
    expect(verdict.outcome).toBe('api-access-disabled');
    expect(verdict.headline).toBe(
      'The ApprovalMax plan of Northwind Traders Ltd does not include API access (HTTP 400).',
    );
    expect(verdict.explanation).toMatch(/Premium plan or a trial/);
  });

  it('400 invalidInput lists each refused value with its message', () => {
    const body = JSON.stringify({
      title: 'Invalid input.',
      status: 400,
      error: {
        code: 'invalidInput',
        parameters: [
          { name: 'requestStatus', value: 'OnApproval', errorMessage: "unrecognized value 'OnApproval'" },
          { name: 'limit', value: 500, errorMessage: 'must be 1 to 100' },
        ],
      },
    });
    const verdict = verdictForStatus(400, none, { body, problem: parseProblemDetails(body), url: ORG_URL });
    expect(verdict).toMatchObject({
      outcome: 'bad-request',
      headline: 'ApprovalMax refused 2 values of the request (HTTP 400).',
    });
    expect(verdict.explanation).toBe(
      `ApprovalMax checked the request and refused: requestStatus "OnApproval": unrecognized value 'OnApproval'; limit "500": must be 1 to 100.`,
    );
    expect(JSON.stringify(verdict)).not.toContain('[object Object]');
  });

  it('403 on an organisation: the token does not cover it; reconnect and tick it', () => {
    const verdict = verdictForStatus(403, none, { url: ORG_URL, organisation: 'Contoso Pty' });
    expect(verdict).toMatchObject({
      outcome: 'forbidden',
      headline: 'The token does not cover Contoso Pty (HTTP 403).',
    });
    expect(verdict.nextStep).toMatch(/Reconnect and tick Contoso Pty/);
    // Elsewhere a 403 keeps its general words.
    expect(verdictForStatus(403, none, { url: 'https://x.test/api/v1/companies' }).nextStep).toMatch(
      /Reconnect with the scopes/,
    );
  });

  it('404 with an unsupported query parameter points at it (status is requestStatus)', () => {
    const verdict = verdictForStatus(404, none, { url: `${ORG_URL}&status=Approved` });
    expect(verdict.outcome).toBe('not-found');
    expect(verdict.headline).toMatch(/query parameter "status" may not be supported/);
    expect(verdict.explanation).toMatch(/called requestStatus, not status/);
    expect(verdict.nextStep).toMatch(/limit, continuationToken, requestStatus, modifiedSince/);
    expect(verdictForStatus(404, none, { url: ORG_URL }).explanation).toMatch(/query parameter is not supported/);
    expect(verdictForStatus(404, none, { url: 'https://x.test/api/v1/nothing' }).nextStep).toMatch(/Check the path/);
  });

  it('429 says how long to wait; 5xx is on ApprovalMax\u2019s side and worth a retry', () => {
    expect(verdictForStatus(429, new Headers({ 'retry-after': '12' })).nextStep).toBe('Try again in 12 seconds.');
    expect(verdictForStatus(503, none)).toMatchObject({
      outcome: 'server-error',
      nextStep: expect.stringMatching(/try again/),
    });
  });
});

describe('through a run, the verdict names the organisation', () => {
  it('a plan without API access, and an organisation the token does not cover', async () => {
    const h = await workbenchHarness({
      answer: withoutDocument((url, headers) =>
        url.pathname.includes(NORTHWIND.companyId)
          ? json({ title: 'Bad Request', status: 400, detail: `The ${NORTHWIND.companyId} is disabled.` }, 400)
          : url.pathname.includes('c-contoso')
            ? new Response('', { status: 403 })
            : pagedList(1)(url, headers),
      ),
    });
    const disabled = valueOf(
      await h.workbench.start({ connectionId: view.id, endpointId: BILLS, values: { companyId: NORTHWIND.companyId } }),
    );
    expect(disabled.progress).toMatchObject({ state: 'failed', failedPage: 1 });
    expect(disabled.pages[0]?.report.verdict.headline).toBe(
      'The ApprovalMax plan of Northwind Traders Ltd does not include API access (HTTP 400).',
    );
    const forbidden = valueOf(
      await h.workbench.start({ connectionId: view.id, endpointId: BILLS, values: { companyId: 'c-contoso' } }),
    );
    expect(forbidden.pages[0]?.report.verdict.headline).toBe('The token does not cover Contoso Pty (HTTP 403).');
  });
});
