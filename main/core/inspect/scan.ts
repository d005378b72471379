// Finds compact JWTs in free text, joining pieces split by spaces or line breaks. Linear-ish on any
// input: at most MAX_ATTEMPTS header decodes, and a header longer than MAX_HEADER_CHARS is not one.
import { decodePartText } from './decode';

/** One JWT found in text: where it was, the compact token, and what whitespace was removed. */
export interface ScannedToken {
  readonly start: number;
  readonly end: number;
  readonly token: string;
  readonly removed: { readonly spaces: number; readonly lineBreaks: number; readonly invisible: number };
}

interface Word {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** The text between the previous word and this one ('' for the first word). */
  readonly gap: string;
}

const WORD_CHAR = /[A-Za-z0-9_.-]/;
/** Whitespace plus the invisible characters web pages and chat tools slip into copied text. */
const JOINABLE_GAP = /^[\s\u200b-\u200d\u2060\ufeff\u00ad]+$/;
const LINE_BREAK = /\r\n|[\n\r\u2028\u2029]/g;
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const MAX_HEADER_CHARS = 16 * 1024;
const MAX_ATTEMPTS = 256;
const MAX_TOKENS = 20;

/** Signature lengths (base64url characters) per algorithm, used to know where a split signature ends. */
function signatureLengths(alg: string): readonly number[] {
  if (/^[RP]S\d+$/.test(alg)) return [171, 342, 512, 683];
  const fixed: Record<string, number[]> = {
    ES256: [86],
    ES384: [128],
    ES512: [176],
    EdDSA: [86],
    Ed25519: [86],
    HS256: [43],
    HS384: [64],
    HS512: [86],
    none: [0],
  };
  return Object.hasOwn(fixed, alg) ? fixed[alg]! : [];
}

/** Splits text into runs of token characters, remembering what lay between them. */
function words(text: string): Word[][] {
  const groups: Word[][] = [];
  let current: Word[] = [];
  let lastEnd = 0;
  let i = 0;
  while (i < text.length) {
    if (!WORD_CHAR.test(text[i]!)) {
      i++;
      continue;
    }
    const start = i;
    while (i < text.length && WORD_CHAR.test(text[i]!)) i++;
    const gap = text.slice(lastEnd, start);
    if (current.length > 0 && !JOINABLE_GAP.test(gap)) {
      groups.push(current);
      current = [];
    }
    current.push({ start, end: i, text: text.slice(start, i), gap: current.length === 0 ? '' : gap });
    lastEnd = i;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/** The header's alg when the text decodes to a JSON object header, else null (not a JWT header). */
function headerAlg(header: string): string | null {
  const text = decodePartText(header);
  if (text === null) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
    const alg = (parsed as Record<string, unknown>).alg;
    return typeof alg === 'string' ? alg : '';
  } catch {
    return null;
  }
}

/** A run of whitespace-joined words with, per word, its dot count, the next word holding a dot, and char offsets. */
interface Group {
  readonly words: readonly Word[];
  readonly dots: Int32Array;
  readonly nextDot: Int32Array;
  readonly offset: Float64Array;
}

function indexGroup(words: readonly Word[]): Group {
  const dots = new Int32Array(words.length);
  const nextDot = new Int32Array(words.length + 1).fill(-1);
  const offset = new Float64Array(words.length + 1);
  words.forEach((word, i) => {
    dots[i] = word.text.split('.').length - 1;
    offset[i + 1] = offset[i]! + word.text.length;
  });
  for (let i = words.length - 1; i >= 0; i--) nextDot[i] = dots[i]! > 0 ? i : nextDot[i + 1]!;
  return { words, dots, nextDot, offset };
}

/** The word holding a candidate's second dot, found without walking the words (so rubbish costs O(1)). */
function secondDotWord(group: Group, first: number): number | null {
  const d1 = group.nextDot[first]!;
  if (d1 < 0 || group.offset[d1]! - group.offset[first]! + group.words[d1]!.text.indexOf('.') > MAX_HEADER_CHARS)
    return null;
  if (group.dots[d1]! >= 2) return group.dots[d1] === 2 ? d1 : null;
  const d2 = group.nextDot[d1 + 1]!;
  return d2 >= 0 && group.dots[d2] === 1 ? d2 : null;
}

/** Tries to read a JWT starting at word `first` of a group; returns it and the last word used. */
function readAt(group: Group, first: number): { token: ScannedToken; last: number } | null {
  let j = secondDotWord(group, first);
  if (j === null) return null;
  const used = group.words.slice(first, j + 1);
  const joined = used.map((word) => word.text).join('');
  const gaps = used.slice(1).map((word) => word.gap);
  const [header = '', payload = ''] = joined.split('.');
  const alg = headerAlg(header);
  if (alg === null || payload === '') return null;
  // Signature: join following dot-free words up to the longest signature its algorithm makes, then
  // keep the longest run that is exactly a signature's length (trailing words are not signature).
  const lengths = signatureLengths(alg);
  const longest = Math.max(0, ...lengths);
  let signature = joined.slice(header.length + payload.length + 2);
  let best = { signature, last: j, gaps: gaps.length };
  for (let k = j + 1; k < group.words.length; k++) {
    const next = group.words[k]!;
    if (next.text.includes('.') || signature.length + next.text.length > longest) break;
    gaps.push(next.gap);
    signature += next.text;
    if (lengths.includes(signature.length)) best = { signature, last: k, gaps: gaps.length };
  }
  ({ signature, last: j } = best);
  gaps.length = best.gaps;
  const allGaps = gaps.join('');
  const lineBreaks = (allGaps.match(LINE_BREAK) ?? []).length;
  const invisible = (allGaps.match(INVISIBLE) ?? []).length;
  const spaces = allGaps.replace(LINE_BREAK, '').replace(INVISIBLE, '').length;
  const token = `${header}.${payload}.${signature}`;
  return {
    token: {
      start: group.words[first]!.start,
      end: group.words[j]!.end,
      token,
      removed: { spaces, lineBreaks, invisible },
    },
    last: j,
  };
}

/** Every JWT in the text, in order, each once; pieces split by whitespace are joined back. */
export function scanForJwts(text: string): ScannedToken[] {
  const found: ScannedToken[] = [];
  const seen = new Set<string>();
  let attempts = 0;
  for (const group of words(text).map(indexGroup)) {
    for (let i = 0; i < group.words.length && attempts < MAX_ATTEMPTS && found.length < MAX_TOKENS; i++) {
      if (!/^e([yw]|$)/.test(group.words[i]!.text)) continue;
      attempts++;
      const read = readAt(group, i);
      if (!read) continue;
      if (!seen.has(read.token.token)) {
        seen.add(read.token.token);
        found.push(read.token);
      }
      i = read.last;
    }
  }
  return found;
}

/** "Removed 2 spaces inside the token": what whitespace was taken out, or null when none was. */
export function whitespaceNote(removed: ScannedToken['removed'], label: string): string | null {
  const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  const parts = [
    removed.spaces > 0 ? plural(removed.spaces, 'space', 'spaces') : null,
    removed.lineBreaks > 0 ? plural(removed.lineBreaks, 'line break', 'line breaks') : null,
    removed.invisible > 0 ? plural(removed.invisible, 'invisible character', 'invisible characters') : null,
  ].filter((part): part is string => part !== null);
  if (parts.length === 0) return null;
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
  return `Removed ${list} inside the ${label}`;
}
