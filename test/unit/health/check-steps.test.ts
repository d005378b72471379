import { describe, expect, it } from 'vitest';
import type { PingReport, Verdict } from '../../../preload/contract';
import {
  apiStep,
  clockStep,
  identityServerStep,
  organisationProblems,
  organisationsStep,
  overall,
  tokenStep,
} from '../../../main/core/health/check-steps';
import { classifyOrganisationRead } from '../../../main/core/health/organisation-read';
import { verdictForFailure, verdictForStatus } from '../../../main/core/ping/verdicts';
import { parseProblemDetails } from '../../../main/core/ping/problem-details';

const NORTHWIND = { companyId: 'c-1', name: 'Northwind Traders Ltd' };
const HARBOUR = { companyId: 'c-3', name: 'Harbour Accounting Pty' };

/** What sendPing reports for an answer, as far as the classification reads it. */
function answer(
  status: number,
  body: unknown = {},
  headers: Record<string, string> = {},
): Pick<PingReport, 'response' | 'verdict'> {
  const text = JSON.stringify(body);
  const verdict = verdictForStatus(status, new Headers(headers), { body: text, problem: parseProblemDetails(text) });
  return { verdict, response: { status, statusText: '', headers: [], body: text, bodyTruncated: false } };
}

describe("one organisation's cheap read", () => {
  it('tells data readable, a plan without API access, not covered, and the failure classes apart', () => {
    expect(
      classifyOrganisationRead(NORTHWIND.name, answer(200, { payload: [], continuationToken: null })),
    ).toMatchObject({
      access: 'readable',
      result: 'passed',
    });
    const disabled = classifyOrganisationRead(
      HARBOUR.name,
      answer(400, { title: 'Bad Request', status: 400, detail: `The ${HARBOUR.companyId} is disabled.` }),
    );
    expect(disabled).toMatchObject({ access: 'plan-disabled', result: 'failed' });
    expect(disabled.detail).toMatch(/^Its ApprovalMax plan has no API access/);
    expect(disabled.action).toContain("Harbour Accounting Pty's Account Owner");
    expect(classifyOrganisationRead(HARBOUR.name, answer(403, { title: 'Forbidden' }))).toMatchObject({
      access: 'not-covered',
      result: 'failed',
      detail: expect.stringMatching(/^Not covered by this connection/),
    });
    expect(classifyOrganisationRead(NORTHWIND.name, answer(429, {}, { 'Retry-After': '30' }))).toMatchObject({
      access: 'not-checked',
      result: 'warning',
      action: 'Try again in 30 seconds.',
    });
    expect(classifyOrganisationRead(NORTHWIND.name, answer(400, { detail: 'Something else.' }))).toMatchObject({
      access: 'failed',
      result: 'failed',
    });
    expect(classifyOrganisationRead(NORTHWIND.name, answer(503))).toMatchObject({ access: 'failed', result: 'failed' });
    const offline = classifyOrganisationRead(NORTHWIND.name, {
      response: null,
      verdict: verdictForFailure('connection-refused', 'http://127.0.0.1:4011/api', 5000),
    });
    expect(offline).toMatchObject({
      access: 'failed',
      result: 'failed',
      detail: expect.stringContaining('Nothing is answering'),
    });
  });

  it('marks on the card every organisation whose data was not readable, and those never tried', () => {
    expect(
      organisationProblems([
        { organisation: NORTHWIND, read: classifyOrganisationRead(NORTHWIND.name, answer(200)) },
        {
          organisation: HARBOUR,
          read: classifyOrganisationRead(HARBOUR.name, answer(400, { detail: 'The c-3 is disabled.' })),
        },
        { organisation: { companyId: 'c-9', name: 'Gone Ltd' }, read: null },
      ]),
    ).toEqual([
      { ...HARBOUR, access: 'plan-disabled', words: 'Its ApprovalMax plan has no API access.' },
      { companyId: 'c-9', name: 'Gone Ltd', access: 'not-checked', words: 'Not checked: an earlier step failed.' },
    ]);
  });
});

describe('the other steps', () => {
  it('the identity server passes with or without a discovery document, and fails on 5xx or silence', () => {
    expect(identityServerStep({ kind: 'document' }, 'ApprovalMax').result).toBe('passed');
    expect(identityServerStep({ kind: 'no-document', status: 404 }, 'ApprovalMax')).toMatchObject({
      result: 'passed',
      detail: expect.stringContaining('standard addresses'),
    });
    expect(identityServerStep({ kind: 'no-document', status: 502 }, 'ApprovalMax').result).toBe('failed');
    const silent: Verdict = verdictForFailure('dns', 'https://identity.approvalmax.com/x', 10_000);
    expect(identityServerStep({ kind: 'no-answer', verdict: silent }, 'ApprovalMax')).toMatchObject({
      result: 'failed',
      action: silent.nextStep,
    });
  });

  it('the token step passes a real refresh, fails a refusal with "reconnect", warns without a refresh token', () => {
    const tokens = { accessToken: 'a', refreshToken: 'r', receivedAt: 0, expiresAt: 1, scope: null };
    expect(
      tokenStep(
        { kind: 'refreshed', tokens },
        'Stays connected until about 3 Jan 2027 even if this app is not opened.',
      ),
    ).toMatchObject({
      result: 'passed',
      detail:
        'The token endpoint renewed the token. Stays connected until about 3 Jan 2027 even if this app is not opened.',
    });
    expect(tokenStep({ kind: 'needs-reconnect', message: 'Refused.' }, null)).toMatchObject({
      result: 'failed',
      action: expect.stringContaining('Reconnect'),
    });
    expect(tokenStep({ kind: 'no-refresh-token', note: 'Has no refresh token.' }, null).result).toBe('warning');
  });

  it('the API step follows the ping verdict; 403 (a revoked role) fails', () => {
    expect(apiStep(verdictForStatus(200, new Headers())).result).toBe('passed');
    expect(apiStep(verdictForStatus(403, new Headers()))).toMatchObject({
      result: 'failed',
      detail: expect.stringContaining('HTTP 403'),
    });
    expect(apiStep(verdictForStatus(429, new Headers())).result).toBe('warning');
  });

  it('the organisation list names added and missing organisations', () => {
    expect(organisationsStep([NORTHWIND, HARBOUR], { ok: true, organisations: [HARBOUR, NORTHWIND] }).result).toBe(
      'passed',
    );
    const changed = organisationsStep([NORTHWIND, HARBOUR], {
      ok: true,
      organisations: [NORTHWIND, { companyId: 'c-2', name: 'Kiwi Plumbing NZ' }],
    });
    expect(changed).toMatchObject({
      result: 'warning',
      detail:
        'ApprovalMax no longer lists Harbour Accounting Pty, and now also lists Kiwi Plumbing NZ for this connection.',
    });
    expect(organisationsStep([NORTHWIND], { ok: false, message: 'the API did not answer.' }).result).toBe('failed');
  });

  it('the clock step warns on skew and is skipped without a Date header', () => {
    expect(clockStep(null).result).toBe('skipped');
    const skew = {
      serverTime: '',
      localTime: '',
      skewSeconds: 300,
      warning: 'This computer’s clock is 5 minutes behind.',
    };
    expect(clockStep(skew)).toMatchObject({ result: 'warning', detail: skew.warning });
    expect(clockStep({ ...skew, skewSeconds: 2, warning: null }).result).toBe('passed');
  });

  it('the run fails on any failed step, warns on any warning, and sums up the problems', () => {
    const passed = identityServerStep({ kind: 'document' }, 'ApprovalMax');
    expect(overall([passed, passed])).toEqual({
      result: 'passed',
      summary: 'Every step passed: the connection works.',
    });
    expect(
      overall([passed, clockStep(null), organisationsStep([NORTHWIND], { ok: true, organisations: [] })]).result,
    ).toBe('warning');
    const harbour = {
      ...identityServerStep({ kind: 'no-document', status: 500 }, 'X'),
      title: 'Harbour Accounting Pty',
    };
    expect(overall([passed, harbour])).toMatchObject({
      result: 'failed',
      summary: expect.stringMatching(/^1 problem: Harbour Accounting Pty: /),
    });
  });
});
