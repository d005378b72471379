import { describe, expect, it } from 'vitest';
import { checkApiPath } from '../../../main/core/ping/api-path';
import { detectClockSkew, SKEW_WARNING_SECONDS } from '../../../main/core/ping/clock-skew';
import { toCurl } from '../../../main/core/ping/curl';
import { parseProblemDetails } from '../../../main/core/ping/problem-details';

describe('parseProblemDetails', () => {
  it('reads title, detail, status, type and traceId', () => {
    const body = JSON.stringify({
      type: 'https://tools.ietf.org/html/rfc9110#section-15.5.2',
      title: 'Unauthorized',
      status: 401,
      detail: 'The token expired',
      traceId: '00-abc-def-00',
    });
    expect(parseProblemDetails(body)).toEqual({
      type: 'https://tools.ietf.org/html/rfc9110#section-15.5.2',
      title: 'Unauthorized',
      status: 401,
      detail: 'The token expired',
      traceId: '00-abc-def-00',
      code: null,
      parameters: [],
    });
  });

  it('reads the Public API\'s `error` object: its code and each refused parameter, never "[object Object]"', () => {
    const body = JSON.stringify({
      type: '/api/errors/invalidInput',
      title: 'Invalid input.',
      status: 400,
      detail: 'One or more inputs are invalid.',
      instance: '/api/v1/companies/c1/xero/purchase-orders',
      error: {
        code: 'invalidInput',
        title: 'Invalid input.',
        parameters: [
          {
            path: 'requestStatus',
            name: 'requestStatus',
            value: 'OnApproval',
            errorMessage: "unrecognized value 'OnApproval' for 'RequestStatus'",
          },
          { path: 'limit', name: 'limit', value: 500, message: 'must be between 1 and 100' },
          { path: 'filter', name: 'filter', value: { nested: true } },
        ],
      },
      traceId: '00-trace-01',
    });
    const problem = parseProblemDetails(body);
    expect(problem).toMatchObject({ code: 'invalidInput', title: 'Invalid input.', traceId: '00-trace-01' });
    expect(problem?.parameters).toEqual([
      {
        path: 'requestStatus',
        name: 'requestStatus',
        value: 'OnApproval',
        message: "unrecognized value 'OnApproval' for 'RequestStatus'",
      },
      { path: 'limit', name: 'limit', value: '500', message: 'must be between 1 and 100' },
      { path: 'filter', name: 'filter', value: '{"nested":true}', message: null },
    ]);
    expect(JSON.stringify(problem)).not.toContain('[object Object]');
  });

  it('reads ASP.NET validation `errors` as parameters, and a bare `error` object with parameters only', () => {
    expect(
      parseProblemDetails(JSON.stringify({ title: 'Bad', errors: { limit: ['Too big.', 'Not a number.'] } }))
        ?.parameters,
    ).toEqual([{ path: 'limit', name: 'limit', value: null, message: 'Too big. Not a number.' }]);
    expect(
      parseProblemDetails(JSON.stringify({ error: { parameters: [{ name: 'x', errorMessage: 'bad' }] } })),
    ).toMatchObject({ title: null, code: null, parameters: [{ name: 'x', message: 'bad', path: null, value: null }] });
  });

  it('takes a nested error object when there is no title', () => {
    expect(
      parseProblemDetails(
        JSON.stringify({ error: { code: 'Disabled', message: 'The org is disabled.' }, traceId: 't' }),
      ),
    ).toMatchObject({ title: 'The org is disabled.', traceId: 't' });
  });

  it.each([['not json'], ['[]'], ['{"message":"pong"}'], ['null'], ['""']])('is null for %s', (body) => {
    expect(parseProblemDetails(body)).toBeNull();
  });
});

describe('detectClockSkew', () => {
  const local = Date.UTC(2026, 0, 10, 12, 0, 0, 700);
  const at = (offsetSeconds: number) => new Date(Date.UTC(2026, 0, 10, 12, 0, 0) + offsetSeconds * 1000).toUTCString();

  it('finds no skew within a second, ignoring the header dropping milliseconds', () => {
    expect(detectClockSkew(at(0), local)).toMatchObject({ skewSeconds: 0, warning: null });
  });

  it(`stays quiet up to ${SKEW_WARNING_SECONDS} s, warns beyond`, () => {
    expect(detectClockSkew(at(60), local)?.warning).toBeNull();
    expect(detectClockSkew(at(-60), local)?.warning).toBeNull();
    expect(detectClockSkew(at(61), local)?.warning).toMatch(/1 minute 1 second behind/);
    expect(detectClockSkew(at(-300), local)?.warning).toMatch(/5 minutes ahead of ApprovalMax/);
    expect(detectClockSkew(at(-300), local)?.warning).toMatch(/update automatically/);
  });

  it('is null without a usable Date header', () => {
    expect(detectClockSkew(null, local)).toBeNull();
    expect(detectClockSkew('yesterday-ish', local)).toBeNull();
  });
});

describe('toCurl', () => {
  const request = {
    url: "https://public-api.approvalmax.com/api/v1/companies?name=O'Brien",
    headers: [
      ['Accept', 'application/json'],
      ['Authorization', 'Bearer eyJhbG…dXJl'],
    ] as const,
  };

  it('writes $TOKEN by default, so the command is safe to paste into a ticket', () => {
    const curl = toCurl(request);
    expect(curl).toBe(
      `curl --request GET 'https://public-api.approvalmax.com/api/v1/companies?name=O'\\''Brien' \\\n  --header 'Accept: application/json' \\\n  --header "Authorization: Bearer $TOKEN"`,
    );
    expect(curl).not.toContain('eyJ');
  });

  it('writes the real token only when given, single-quoted', () => {
    const curl = toCurl(request, 'eyJreal.token.value');
    expect(curl).toContain(`--header 'Authorization: Bearer eyJreal.token.value'`);
    expect(curl).not.toContain('$TOKEN');
  });
});

describe('checkApiPath', () => {
  const base = 'https://public-api.approvalmax.com';
  it.each([
    ['/ping', `${base}/ping`],
    [
      '/api/v1/companies/abc/xero/purchase-orders?limit=10',
      `${base}/api/v1/companies/abc/xero/purchase-orders?limit=10`,
    ],
  ])('accepts %s', (path, url) => {
    expect(checkApiPath(base, path)).toEqual({ ok: true, url, path });
  });

  it.each([
    ['', /Enter the path/],
    ['api/v1/companies', /must start with "\/"/],
    ['https://elsewhere.example/ping', /not a full address/],
    ['//elsewhere.example/ping', /not a full address/],
    ['/a b', /spaces/],
    ['/a\\b', /backslashes/],
  ])('refuses %j in plain words', (path, reason) => {
    const checked = checkApiPath(base, path);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.reason).toMatch(reason);
  });

  it('refuses a path that climbs out of an API base with a path of its own', () => {
    expect(checkApiPath('https://example.test/public', '/../admin').ok).toBe(false);
    expect(checkApiPath('https://example.test/public', '/ping')).toMatchObject({
      ok: true,
      url: 'https://example.test/public/ping',
    });
  });
});
