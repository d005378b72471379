import type { Endpoint, EndpointParameter, Organisation, ParameterValues } from '../../../preload/contract';
import { checkApiPath } from '../ping/api-path';

/** An endpoint with the user's values: the path and URL when they can be built, and what is wrong or doubtful. */
export interface BuiltRequest {
  /** The path with its query, under the API base; null while a path parameter is missing or the URL is refused. */
  readonly path: string | null;
  readonly url: string | null;
  /** Blocks sending: by parameter name (`request` for the address as a whole). */
  readonly problems: Readonly<Record<string, string>>;
  /** Sent anyway, but may be refused: by parameter name. */
  readonly notes: Readonly<Record<string, string>>;
}

/** Fills path parameters (URL-encoded) and query parameters (empty ones left out) and checks each value. */
export function buildRequest(
  apiBase: string,
  endpoint: Endpoint,
  values: ParameterValues,
  organisations: readonly Organisation[] = [],
): BuiltRequest {
  const problems: Record<string, string> = {};
  const notes: Record<string, string> = {};
  const valueOf = (name: string) => (Object.hasOwn(values, name) ? (values[name] ?? '').trim() : '');
  for (const parameter of endpoint.parameters) {
    const value = valueOf(parameter.name);
    const problem = checkValue(parameter, value);
    if (problem) problems[parameter.name] = problem;
    const note = value === '' ? null : noteFor(parameter, value, organisations);
    if (note) notes[parameter.name] = note;
  }
  let missingPath = false;
  const path = endpoint.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = valueOf(name);
    if (value === '') {
      missingPath = true;
      problems[name] ??= `${name} is required: it is part of the address.`;
    }
    return encodeURIComponent(value);
  });
  const query = new URLSearchParams();
  for (const parameter of endpoint.parameters) {
    const value = valueOf(parameter.name);
    if (parameter.in === 'query' && value !== '') query.append(parameter.name, value);
  }
  if (missingPath) return { path: null, url: null, problems, notes };
  const full = query.size > 0 ? `${path}?${query.toString()}` : path;
  const checked = checkApiPath(apiBase, full);
  if (!checked.ok) return { path: null, url: null, problems: { ...problems, request: checked.reason }, notes };
  return { path: checked.path, url: checked.url, problems, notes };
}

/** Plain words on why a value cannot be sent, or null. */
function checkValue(p: EndpointParameter, value: string): string | null {
  if (value === '')
    return p.required
      ? p.kind === 'company'
        ? 'Choose an organisation.'
        : `${p.name} is required${p.in === 'path' ? ': it is part of the address' : ''}.`
      : null;
  if (p.in === 'path' && (value === '.' || value === '..'))
    return `${p.name} cannot be "${value}": it would change the address instead of filling it in.`;
  switch (p.kind) {
    case 'integer':
      return /^[+-]?\d+$/.test(value)
        ? outOfBounds(p, Number(value), 'a whole number')
        : wrongKind(p, 'a whole number');
    case 'number':
      return Number.isFinite(Number(value)) ? outOfBounds(p, Number(value), 'a number') : wrongKind(p, 'a number');
    case 'boolean':
      return value === 'true' || value === 'false' ? null : `${p.name} must be true or false.`;
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value))
        ? null
        : `${p.name} must be a date written as year-month-day, e.g. 2026-01-31.`;
    case 'date-time':
      return /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/i.test(value) &&
        !Number.isNaN(Date.parse(value))
        ? null
        : `${p.name} must be a date and time written as ISO 8601, e.g. 2026-01-31T00:00:00Z.`;
    default:
      return null;
  }
}

function wrongKind(p: EndpointParameter, kind: string): string {
  return `${p.name} must be ${kind}${rangeWords(p)}.`;
}

function outOfBounds(p: EndpointParameter, n: number, kind: string): string | null {
  if ((p.minimum !== null && n < p.minimum) || (p.maximum !== null && n > p.maximum)) return wrongKind(p, kind);
  return null;
}

function rangeWords(p: EndpointParameter): string {
  if (p.minimum !== null && p.maximum !== null) return ` from ${p.minimum} to ${p.maximum}`;
  if (p.minimum !== null) return ` of at least ${p.minimum}`;
  if (p.maximum !== null) return ` of at most ${p.maximum}`;
  return '';
}

/** Doubts that do not stop the request: a value outside the document's list, an organisation the connection lacks. */
function noteFor(p: EndpointParameter, value: string, organisations: readonly Organisation[]): string | null {
  if (p.kind === 'enum' && p.values.length > 0 && !p.values.includes(value))
    return `"${value}" is not one of the values the API lists for ${p.name} (${p.values.join(', ')}); it is sent as typed and may be refused.`;
  if (p.kind === 'company' && organisations.length > 0 && !organisations.some((o) => o.companyId === value))
    return 'This organisation is not among those the connection covers, so ApprovalMax will probably refuse it (HTTP 403).';
  return null;
}
