/** What one answer holds: its items and the token of the next page (null on the last page). */
export interface PageBody {
  readonly items: readonly unknown[];
  readonly continuationToken: string | null;
}

/**
 * Reads a Public API answer: `{ payload: [...], continuationToken }` for lists, a bare array (the
 * organisations), or one object (a request by id). Anything else holds no items.
 */
export function readPageBody(text: string): PageBody {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { items: [], continuationToken: null };
  }
  if (Array.isArray(json)) return { items: json, continuationToken: null };
  if (typeof json !== 'object' || json === null) return { items: [], continuationToken: null };
  const o = json as Record<string, unknown>;
  if (!Array.isArray(o.payload)) return { items: [o], continuationToken: null };
  const token = typeof o.continuationToken === 'string' && o.continuationToken !== '' ? o.continuationToken : null;
  return { items: o.payload, continuationToken: token };
}
