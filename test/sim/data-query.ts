// A list request's query: checked like the real API (unknown name → 404, bad value → 400), then paged.
import { createHash } from 'node:crypto';
import type { RequestItem, UserProfile } from './data-generator';
import { LIMIT, listParameters, REQUEST_STATUSES, type DataList } from './data-lists';
import { ApiProblem, invalidInput, type InvalidParameter } from './problems';

/** A checked list query: which page, how many, which items. */
export interface ListQuery {
  limit: number;
  /** 1-based: 1 without a continuation token, else the number the token carries. */
  page: number;
  offset: number;
  requestStatus: string | null;
  /** Epoch milliseconds. */
  modifiedSince: number | null;
  /** Ties a continuation token to its organisation, list and filters. */
  key: string;
}

/** One page as the API answers it; the last page has no `continuationToken` field at all. */
export interface ListPage {
  payload: readonly unknown[];
  continuationToken?: string;
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

function queryKey(companyId: string, list: DataList, requestStatus: string | null, modifiedSince: string | null) {
  const text = [companyId.toLowerCase(), list.path, requestStatus ?? '', modifiedSince ?? ''].join('|');
  return createHash('sha256').update(text).digest('base64url').slice(0, 16);
}

/** Opaque to clients: the next page's number and offset, and the query it belongs to. */
function encodeToken(page: number, offset: number, key: string): string {
  return Buffer.from(JSON.stringify({ p: page, o: offset, k: key })).toString('base64url');
}

function decodeToken(token: string): { p: number; o: number; k: string } | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (typeof value !== 'object' || value === null) return undefined;
    const { p, o, k } = value as Record<string, unknown>;
    if (!Number.isSafeInteger(p) || !Number.isSafeInteger(o) || typeof k !== 'string') return undefined;
    return (p as number) >= 2 && (o as number) >= 1 ? { p: p as number, o: o as number, k } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Checks the query of a list request. Throws 404 ProblemDetails for a parameter name the list does
 * not take, and 400 `invalidInput` naming every bad value.
 */
export function parseListQuery(url: URL, list: DataList, companyId: string): ListQuery {
  const allowed = listParameters(list);
  for (const name of url.searchParams.keys())
    if (!allowed.includes(name)) throw new ApiProblem(404, `The query parameter '${name}' is not supported here.`);
  const problems: InvalidParameter[] = [];
  const one = (name: string): string | null => {
    const values = url.searchParams.getAll(name);
    if (values.length > 1)
      problems.push({ path: name, name, value: values.join(','), errorMessage: `Give ${name} only once.` });
    return values[0] ?? null;
  };
  const refuse = (name: string, value: string, errorMessage: string) =>
    problems.push({ path: name, name, value, errorMessage });

  const limitText = one('limit');
  let limit: number = LIMIT.default;
  if (limitText !== null) {
    limit = /^\d{1,9}$/.test(limitText) ? Number(limitText) : NaN;
    if (Number.isNaN(limit)) refuse('limit', limitText, `The value '${limitText}' is not valid for limit.`);
    else if (limit < LIMIT.minimum || limit > LIMIT.maximum)
      refuse('limit', limitText, `The field limit must be between ${LIMIT.minimum} and ${LIMIT.maximum}.`);
  }

  const requestStatus = list.request ? one('requestStatus') : null;
  if (requestStatus !== null && !REQUEST_STATUSES.some((s) => s.name === requestStatus))
    refuse(
      'requestStatus',
      requestStatus,
      `The value '${requestStatus}' is not valid for requestStatus: use ${REQUEST_STATUSES.map((s) => s.name).join(', ')}.`,
    );

  const sinceText = list.request ? one('modifiedSince') : null;
  const modifiedSince = sinceText === null ? null : DATE_TIME.test(sinceText) ? parseDate(sinceText) : NaN;
  if (sinceText !== null && Number.isNaN(modifiedSince))
    refuse('modifiedSince', sinceText, `The value '${sinceText}' is not valid for modifiedSince: use a date-time.`);

  const key = queryKey(companyId, list, requestStatus, sinceText);
  const tokenText = one('continuationToken');
  const token = tokenText === null ? { p: 1, o: 0, k: key } : decodeToken(tokenText);
  if (tokenText !== null && token?.k !== key)
    refuse(
      'continuationToken',
      tokenText,
      'The continuation token is not valid for this request: start again without it, with the same filters.',
    );

  if (problems.length > 0) throw invalidInput(url.pathname, problems);
  return { limit, page: token!.p, offset: token!.o, requestStatus, modifiedSince, key };
}

/** A date-time without an offset is UTC, as the API reads it; NaN when it is no real date. */
function parseDate(text: string): number {
  const withZone = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(text) || text.length === 10 ? text : `${text}Z`;
  return Date.parse(withZone.replace(' ', 'T'));
}

/** The page the query asks for, with a continuation token while more items remain. */
export function pageOf(items: readonly (RequestItem | UserProfile)[], query: ListQuery): ListPage {
  const matching = items.filter(
    (item) =>
      !('requestStatus' in item) ||
      ((query.requestStatus === null || item.requestStatus.name === query.requestStatus) &&
        (query.modifiedSince === null || Date.parse(item.modifiedAt) >= query.modifiedSince)),
  );
  const end = query.offset + query.limit;
  const payload = matching.slice(query.offset, end);
  return end < matching.length
    ? { payload, continuationToken: encodeToken(query.page + 1, end, query.key) }
    : { payload };
}
