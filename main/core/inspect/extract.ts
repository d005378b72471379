import { scanForJwts, whitespaceNote, type ScannedToken } from './scan';
import type { ExtractResult, FoundToken, OpaqueToken } from './types';

/** A paste larger than this is not a token or a token response; refusing it keeps the app responsive. */
export const MAX_PASTE_CHARS = 1024 * 1024;

const TOKEN_RESPONSE_FIELDS = new Set(['access_token', 'id_token', 'refresh_token']);
const TOKEN_KEY = /^(access|refresh|id)?[_-]?token$|^(access|refresh|id)Token$/i;
const QUOTES = new Set(['"', "'", '`']);
const NO_TOKEN =
  'No token was found in what was pasted. An access token is three groups of letters and digits separated by dots, and usually starts with “eyJ”. Paste the token, an Authorization header or the whole token response.';

class Collector {
  readonly found: FoundToken[] = [];
  readonly opaque: OpaqueToken[] = [];
  readonly notes: string[] = [];

  note(text: string | null): void {
    if (text !== null && !this.notes.includes(text)) this.notes.push(text);
  }

  add(label: string, scanned: ScannedToken): void {
    if (this.found.some((item) => item.token === scanned.token)) return;
    const taken = new Set(this.found.map((item) => item.label));
    let unique = label;
    for (let n = 2; taken.has(unique); n++) unique = `${label} (${n})`;
    this.found.push({ label: unique, token: scanned.token });
    this.note(whitespaceNote(scanned.removed, label));
  }

  result(problem?: string): ExtractResult {
    return problem === undefined
      ? { found: this.found, notes: this.notes, opaque: this.opaque }
      : { found: this.found, notes: this.notes, opaque: this.opaque, problem };
  }
}

/** What an opaque value in a token field is, in plain words. */
function opaqueNote(label: string): string {
  if (/refresh/i.test(label))
    return 'An opaque refresh token: it has no readable contents, only the identity server can use it.';
  if (/access/i.test(label))
    return 'An opaque access token: it has no readable contents, only the identity server can read it.';
  return 'An opaque token: it has no readable contents, only the server that issued it can read it.';
}

/** Walks a parsed JSON value for token fields, at most a few levels deep. */
function fromJson(value: unknown, out: Collector, depth = 0): void {
  if (depth > 6 || typeof value !== 'object' || value === null) return;
  const entries = Array.isArray(value)
    ? value.map((item, index) => [String(index), item] as const)
    : Object.entries(value);
  for (const [key, item] of entries.slice(0, 1000)) {
    if (typeof item !== 'string') {
      fromJson(item, out, depth + 1);
      continue;
    }
    const jwts = scanForJwts(item);
    for (const scanned of jwts) {
      const label = TOKEN_KEY.test(key) ? key : 'token';
      out.note(
        TOKEN_RESPONSE_FIELDS.has(key)
          ? `Took the ${key} from a JSON token response`
          : `Took the ${label} from the “${key}” field of the pasted JSON`,
      );
      if (/^\s*Bearer\s/i.test(item)) out.note('Removed the “Bearer ” prefix');
      out.add(label, scanned);
    }
    const value = item.trim();
    if (jwts.length === 0 && TOKEN_KEY.test(key) && /^[\x21-\x7e]{8,}$/.test(value))
      out.opaque.push({ label: key, note: opaqueNote(key) });
  }
}

/** The web address a token sits in, up to the token: back to the nearest space or quote. */
function addressBefore(text: string, end: number): string {
  let start = end;
  while (start > 0 && end - start < 64 * 1024 && !/[\s"'`<>]/.test(text[start - 1]!)) start--;
  return text.slice(start, end);
}

/** Reads what the text just before a token says about it: a field name, a header, a web address. */
function contextOf(text: string, scanned: ScannedToken, out: Collector): string {
  const before = text.slice(Math.max(0, scanned.start - 200), scanned.start);
  const param = /([?&#])((?:access|id|refresh)_token|token)=$/.exec(before);
  if (param) {
    const inFragment = param[1] === '#' || addressBefore(text, scanned.start).includes('#');
    out.note(
      inFragment
        ? `Took the ${param[2]} from the web address’s fragment (the part after #)`
        : `Took the ${param[2]} from the web address`,
    );
    return param[2]!;
  }
  const field = /(["']?)([A-Za-z_][\w-]*)\1\s*[:=]\s*["'`]?$/.exec(before);
  if (field && TOKEN_KEY.test(field[2]!)) {
    out.note(
      field[1] === '"' && TOKEN_RESPONSE_FIELDS.has(field[2]!)
        ? `Took the ${field[2]} from a JSON token response`
        : `Took the ${field[2]} from the pasted text`,
    );
    return field[2]!;
  }
  if (/Authorization\s*:\s*Bearer\s+$/i.test(before))
    out.note(
      /^\s*curl\b/i.test(text)
        ? 'Took the token from the cURL command’s Authorization header'
        : 'Took the token from an Authorization header',
    );
  if (/(^|[^A-Za-z])Bearer\s+["'`]?$/i.test(before)) out.note('Removed the “Bearer ” prefix');
  return 'token';
}

/** When no JWT is found: the paste stripped of wrappers, offered so decoding can say what is wrong. */
function fallback(trimmed: string, out: Collector): ExtractResult {
  const unquoted = trimmed
    .replace(/^authorization\s*:\s*/i, '')
    .replace(/^bearer\s+/i, '')
    .replace(/^["'`]+|["'`]+$/g, '')
    .replace(/^bearer\s+/i, '');
  const cleaned = unquoted.replace(/[\s\u200b-\u200d\u2060\ufeff\u00ad]+/g, '');
  if (cleaned === '')
    return out.result('Nothing was pasted. Paste an access token, an Authorization header or a whole token response.');
  if (/^[A-Za-z0-9_\-+/=]*\.[A-Za-z0-9_\-+/=.]*$/.test(cleaned)) {
    out.found.push({ label: 'token', token: cleaned });
    out.note('This does not look like a complete token; the inspector shows what is wrong with it');
    return out.result();
  }
  // Words separated by spaces are a sentence, not a token split by copy and paste (those are long).
  const looksWrapped = !/\s/.test(unquoted) || cleaned.length >= 40;
  if (looksWrapped && /^[A-Za-z0-9_\-+/=~]{16,}$/.test(cleaned)) {
    out.opaque.push({
      label: 'token',
      note: 'This is not a JWT but an opaque token: it has no readable contents, only the server that issued it can read it.',
    });
    return out.result();
  }
  return out.result(NO_TOKEN);
}

/**
 * Finds the JWTs in whatever people paste (a bare token, `Bearer …`, quotes, a header line, a URL,
 * a cURL command, a whole token response), cleans them, and says what was cleaned. Never throws.
 */
export function extractTokens(text: string): ExtractResult {
  try {
    return extractUnsafe(text);
  } catch {
    return {
      found: [],
      notes: [],
      opaque: [],
      problem: 'The pasted text could not be read. Copy the token again and paste only the token.',
    };
  }
}

function extractUnsafe(text: string): ExtractResult {
  if (typeof text !== 'string') return { found: [], notes: [], opaque: [], problem: 'Paste a token as text.' };
  if (text.length > MAX_PASTE_CHARS)
    return {
      found: [],
      notes: [],
      opaque: [],
      problem: 'The pasted text is larger than 1 MB, far more than any token or token response. Paste only the token.',
    };
  const out = new Collector();
  const trimmed = text.trim();
  if (/^[{[]/.test(trimmed)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      parsed = undefined;
    }
    if (parsed !== undefined) {
      fromJson(parsed, out);
      if (out.found.length === 0 && out.opaque.length === 0)
        return out.result('This JSON holds no token. Paste a token response that has an access_token in it.');
      return out.result();
    }
  }
  const scanned = scanForJwts(text);
  for (const item of scanned) out.add(contextOf(text, item, out), item);
  if (scanned.length === 1 && QUOTES.has(trimmed[0]!) && trimmed.at(-1) === trimmed[0])
    out.note('Removed the surrounding quotes');
  return out.found.length > 0 ? out.result() : fallback(trimmed, out);
}
