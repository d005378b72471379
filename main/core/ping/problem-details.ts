import type { ProblemDetails } from '../../../preload/contract';

/** Reads an ASP.NET ProblemDetails body (the Public API's error format) so the screen can show title, detail and trace id; null for anything else. */
export function parseProblemDetails(body: string): ProblemDetails | null {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return null;
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return null;
  const o = json as Record<string, unknown>;
  const nested = typeof o.error === 'object' && o.error !== null ? (o.error as Record<string, unknown>) : {};
  const problem: ProblemDetails = {
    type: str(o.type),
    title: str(o.title) ?? str(nested.message) ?? str(nested.code),
    status: typeof o.status === 'number' && Number.isInteger(o.status) ? o.status : null,
    detail: str(o.detail) ?? str(nested.detail) ?? (str(o.title) ? str(nested.message) : null),
    traceId: str(o.traceId) ?? str(o.traceid) ?? str(o['trace-id']),
  };
  return problem.title !== null || problem.detail !== null || problem.traceId !== null ? problem : null;
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}
