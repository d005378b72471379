import {
  ASYMMETRIC_ALGORITHMS,
  CLAIMS,
  HEADER_PARAMS,
  TOKEN_TYPES,
  isSymmetricAlgorithm,
  type ClaimShape,
} from './catalogue';
import { describeJsonType } from './decode';
import type { InspectedRow, RowKind, TimeStamp } from './types';
import { displayValue, toJsonValue, toTimeStamp } from './values';

/** Year 9999: a later date in a token is a mistake (often milliseconds where seconds belong). */
const LATEST_PLAUSIBLE_SECONDS = 253402300799;

const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

/** What is wrong with a NumericDate claim (RFC 7519: seconds since 1970), if anything. */
export function dateFlags(value: unknown): string[] {
  if (typeof value === 'string')
    return [
      /^\d+$/.test(value)
        ? `should be a number of seconds but is the text "${value}"`
        : `should be a number of seconds but is ${describeJsonType(value)}`,
    ];
  if (typeof value !== 'number') return [`should be a number of seconds but is ${describeJsonType(value)}`];
  if (!Number.isFinite(value)) return ['is too large to be a date (it reads as infinity)'];
  const flags: string[] = [];
  if (!Number.isInteger(value)) flags.push(`should be a whole number of seconds but is ${value}`);
  if (value < 0) flags.push('is before 1970');
  if (value > LATEST_PLAUSIBLE_SECONDS)
    flags.push(
      value > 1e12
        ? 'looks like milliseconds, not seconds: as seconds it is far in the future'
        : 'is implausibly far in the future',
    );
  return flags;
}

/** A claim's date when it holds a finite number of seconds (fractions allowed, as RFC 7519 allows). */
export function claimDate(value: unknown): TimeStamp | null {
  return typeof value === 'number' ? toTimeStamp(value) : null;
}

function shapeFlags(shape: ClaimShape, value: unknown): string[] {
  switch (shape) {
    case 'date':
      return dateFlags(value);
    case 'string':
      return typeof value === 'string' ? [] : [`not a string: it is ${describeJsonType(value)}`];
    case 'url':
      if (typeof value !== 'string') return [`not a string: it is ${describeJsonType(value)}`];
      return URL.canParse(value) ? [] : ['not a web address'];
    case 'audience':
      return typeof value === 'string' || isStringList(value)
        ? []
        : [`should be text or a list of text but is ${describeJsonType(value)}`];
    case 'scope':
      if (typeof value === 'string' || isStringList(value))
        return (typeof value === 'string' ? value.trim() : value.join('')) === '' ? ['grants no scopes'] : [];
      return [`should be a list of scopes or space-separated text but is ${describeJsonType(value)}`];
    case 'string-list':
      if (isStringList(value)) return [];
      return [
        typeof value === 'string'
          ? 'should be a list but is a single piece of text'
          : `should be a list of text but is ${describeJsonType(value)}`,
      ];
  }
}

function kindOf(value: unknown, shape: ClaimShape | null, date: TimeStamp | null): RowKind {
  if (date) return 'date';
  if (shape === 'scope' && (typeof value === 'string' || isStringList(value))) return 'scope';
  if (Array.isArray(value)) return 'list';
  return typeof value === 'string' ? 'text' : 'other';
}

/** One claim as a row: value, meaning, shape checks. Unknown claims are shown as they are. */
export function claimRow(name: string, value: unknown): InspectedRow {
  const info = CLAIMS.get(name) ?? null;
  const date = info?.shape === 'date' ? claimDate(value) : null;
  const row: InspectedRow = {
    name,
    value: toJsonValue(value),
    display: date
      ? `${displayValue(value)} (${date.iso})`
      : info?.shape === 'scope' && isStringList(value)
        ? value.join(' ')
        : displayValue(value),
    meaning: info?.meaning ?? null,
    kind: kindOf(value, info?.shape ?? null, date),
    flags: info ? shapeFlags(info.shape, value) : [],
  };
  return date ? { ...row, date } : row;
}

function algorithmMeaning(base: string, alg: unknown): string {
  if (typeof alg !== 'string') return base;
  if (alg === 'none') return `${base}. “none” means it is not signed at all`;
  if (isSymmetricAlgorithm(alg))
    return `${base}. ${alg} is a shared-secret (HMAC) signature: only those holding the secret can check it`;
  const known = ASYMMETRIC_ALGORITHMS.get(alg);
  return known ? `${base}. ${alg}: ${known}` : base;
}

function headerFlags(name: string, value: unknown): string[] {
  if (name === 'alg' || name === 'kid' || name === 'typ' || name === 'cty') {
    if (typeof value !== 'string') return [`not a string: it is ${describeJsonType(value)}`];
    if (name === 'alg' && value.toLowerCase() === 'none') return ['the token is not signed'];
    if (name === 'alg' && isSymmetricAlgorithm(value)) return ['a shared-secret algorithm: this app cannot check it'];
    if (name === 'alg' && !ASYMMETRIC_ALGORITHMS.has(value)) return ['not an algorithm this app recognises'];
  }
  if (name === 'crit' && !isStringList(value)) return [`should be a list of text but is ${describeJsonType(value)}`];
  return [];
}

/** One header parameter as a row, with what the algorithm and type mean. */
export function headerRow(name: string, value: unknown): InspectedRow {
  let meaning = HEADER_PARAMS.get(name) ?? null;
  if (meaning && name === 'alg') meaning = algorithmMeaning(meaning, value);
  if (meaning && name === 'typ' && typeof value === 'string') {
    const type = TOKEN_TYPES.get(value.toLowerCase());
    if (type) meaning = `${meaning}: ${type}`;
  }
  return {
    name,
    value: toJsonValue(value),
    display: displayValue(value),
    meaning,
    kind: kindOf(value, null, null),
    flags: headerFlags(name, value),
  };
}
