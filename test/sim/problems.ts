// ProblemDetails answers (RFC 9457), shaped like the ASP.NET ones the real Public API sends.
import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { sendJson } from './http-util';

const PROBLEMS = {
  400: ['https://tools.ietf.org/html/rfc9110#section-15.5.1', 'Bad Request'],
  401: ['https://tools.ietf.org/html/rfc9110#section-15.5.2', 'Unauthorized'],
  403: ['https://tools.ietf.org/html/rfc9110#section-15.5.4', 'Forbidden'],
  404: ['https://tools.ietf.org/html/rfc9110#section-15.5.5', 'Not Found'],
  405: ['https://tools.ietf.org/html/rfc9110#section-15.5.6', 'Method Not Allowed'],
  429: ['https://tools.ietf.org/html/rfc6585#section-4', 'Too Many Requests'],
  500: ['https://tools.ietf.org/html/rfc9110#section-15.6.1', 'Internal Server Error'],
  503: ['https://tools.ietf.org/html/rfc9110#section-15.6.4', 'Service Unavailable'],
} as const;

export type ProblemStatus = keyof typeof PROBLEMS;

/** One refused input, as `error.parameters` lists it. */
export interface InvalidParameter {
  path: string;
  name: string;
  value: string | null;
  errorMessage: string;
}

/** The API's own error object, beside the standard fields. */
export interface ProblemError {
  code: string;
  parameters: InvalidParameter[];
  title: string;
}

/** Fields that replace or add to the standard ones (`type`, `title`, `instance`, `error`). */
export interface ProblemExtras {
  type?: string;
  title?: string;
  instance?: string;
  error?: ProblemError;
}

/** Thrown by a route; the server turns it into the answer. */
export class ApiProblem extends Error {
  constructor(
    readonly status: ProblemStatus,
    readonly detail?: string,
    readonly headers: Record<string, string> = {},
    readonly extras: ProblemExtras = {},
  ) {
    super(detail ?? PROBLEMS[status][1]);
  }
}

const INVALID_INPUT_TITLE = 'Invalid input.';

/** 400 `invalidInput`, naming every refused parameter. */
export function invalidInput(instance: string, parameters: InvalidParameter[]): ApiProblem {
  const detail = parameters.map((p) => p.errorMessage).join(' ');
  return new ApiProblem(
    400,
    detail,
    {},
    {
      type: '/api/errors/invalidInput',
      title: INVALID_INPUT_TITLE,
      instance,
      error: { code: 'invalidInput', parameters, title: INVALID_INPUT_TITLE },
    },
  );
}

/** 401 with the WWW-Authenticate challenge ASP.NET's JWT bearer handler sends. */
export function unauthorized(detail: string): ApiProblem {
  const description = detail.replaceAll('"', "'");
  return new ApiProblem(401, detail, {
    'WWW-Authenticate': `Bearer error="invalid_token", error_description="${description}"`,
  });
}

/** Writes the problem as `application/json`, like the real API (not `application/problem+json`). */
export function sendProblem(res: ServerResponse, problem: ApiProblem): void {
  const [type, title] = PROBLEMS[problem.status];
  const { extras } = problem;
  const traceId = `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-00`;
  const body = {
    type: extras.type ?? type,
    title: extras.title ?? title,
    status: problem.status,
    detail: problem.detail,
    instance: extras.instance,
    error: extras.error,
    traceId,
  };
  sendJson(res, problem.status, body, problem.headers);
}
