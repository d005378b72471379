import type { ProblemDetails, ProblemParameter } from '../../../preload/contract';

/** More refused inputs than this are not listed: a screen of them helps nobody. */
const MAX_PARAMETERS = 50;

/**
 * Reads an ASP.NET ProblemDetails body (the Public API's error format) so the screen can show title,
 * detail, trace id and each refused input; null for anything else. The Public API sends `error` as an
 * object (`{ code, parameters, title }`), so every field is read as text and never printed as an object.
 */
export function parseProblemDetails(body: string): ProblemDetails | null {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return null;
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return null;
  const o = json as Record<string, unknown>;
  const nested = isRecord(o.error) ? o.error : {};
  const title = str(o.title) ?? str(nested.title);
  const message = str(nested.message) ?? str(o.error);
  const problem: ProblemDetails = {
    type: str(o.type),
    title: title ?? message ?? str(nested.code),
    status: typeof o.status === 'number' && Number.isInteger(o.status) ? o.status : null,
    detail: str(o.detail) ?? str(nested.detail) ?? (title ? message : null),
    traceId: str(o.traceId) ?? str(o.traceid) ?? str(o['trace-id']),
    code: str(nested.code),
    parameters: [...parametersOf(nested.parameters), ...validationErrors(o.errors)].slice(0, MAX_PARAMETERS),
  };
  const found =
    problem.title !== null ||
    problem.detail !== null ||
    problem.traceId !== null ||
    problem.code !== null ||
    problem.parameters.length > 0;
  return found ? problem : null;
}

/** `error.parameters`: `{ path, name, value, errorMessage | message }` each. */
function parametersOf(value: unknown): ProblemParameter[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((p) => ({
    path: str(p.path),
    name: str(p.name),
    value: text(p.value),
    message: str(p.errorMessage) ?? str(p.message) ?? str(p.error),
  }));
}

/** ASP.NET's own validation answer: `errors: { field: ["message", …] }`. */
function validationErrors(value: unknown): ProblemParameter[] {
  if (!isRecord(value)) return [];
  return Object.entries(value).map(([field, messages]) => ({
    path: field || null,
    name: field || null,
    value: null,
    message: Array.isArray(messages) ? messages.map(text).filter(Boolean).join(' ') || null : text(messages),
  }));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** Any JSON value as text a person can read: strings as they are, anything else as JSON. */
function text(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? null;
  } catch {
    return null;
  }
}
