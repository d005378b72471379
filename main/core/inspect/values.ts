import type { JsonValue, TimeStamp } from './types';

/** Long values are shortened in `display`, so one huge claim cannot swamp the screen. */
export const MAX_DISPLAY_CHARS = 2000;
const MAX_DEPTH = 32;
const TOO_DEEP = '[nested too deeply to show]';

/**
 * Makes a decoded value safe to send anywhere: finite numbers only, bounded depth, own keys only,
 * and objects without a prototype, so a `__proto__` key stays a plain key.
 */
export function toJsonValue(value: unknown, depth = 0): JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (depth >= MAX_DEPTH) return TOO_DEEP;
  if (Array.isArray(value)) return value.map((item) => toJsonValue(item, depth + 1));
  if (typeof value === 'object') {
    const copy: Record<string, JsonValue> = Object.create(null) as Record<string, JsonValue>;
    for (const [key, item] of Object.entries(value))
      Object.defineProperty(copy, key, {
        value: toJsonValue(item, depth + 1),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    return copy;
  }
  return null;
}

/** Shortens text for display, saying how much was left out. */
export function shorten(text: string, max = MAX_DISPLAY_CHARS): string {
  return text.length <= max
    ? text
    : `${text.slice(0, max)}… (${(text.length - max).toLocaleString('en-GB')} more characters)`;
}

/** A short text form of any decoded value. */
export function displayValue(value: unknown): string {
  if (typeof value === 'string') return shorten(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'a number too large to represent';
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return shorten(value.join(', '));
  try {
    return shorten(JSON.stringify(toJsonValue(value)) ?? String(value));
  } catch {
    return '[could not be shown]';
  }
}

/** The latest second JavaScript dates can hold (year 275760); beyond it no date exists. */
const MAX_EPOCH_SECONDS = 8.64e12;

/** Seconds since 1970 as a TimeStamp, or null when they are not a usable date. */
export function toTimeStamp(epochSeconds: number): TimeStamp | null {
  if (!Number.isFinite(epochSeconds) || Math.abs(epochSeconds) > MAX_EPOCH_SECONDS) return null;
  return { iso: new Date(epochSeconds * 1000).toISOString(), epochSeconds };
}

/** "2023-04-24 14:46:53 UTC": unambiguous in any locale; the renderer adds local time. */
export function utcText(stamp: TimeStamp): string {
  return stamp.iso
    .replace('T', ' ')
    .replace(/\.\d{3}Z$/, ' UTC')
    .replace(/Z$/, ' UTC');
}

const UNITS: readonly [number, string][] = [
  [365 * 86400, 'year'],
  [30 * 86400, 'month'],
  [86400, 'day'],
  [3600, 'hour'],
  [60, 'minute'],
];

/** A duration in the words a person would use: "about 5 minutes", "2 years", "40 seconds". */
export function durationWords(seconds: number): string {
  const s = Math.abs(seconds);
  if (s < 60) return `${Math.round(s)} ${Math.round(s) === 1 ? 'second' : 'seconds'}`;
  for (const [size, unit] of UNITS) {
    if (s >= size) {
      const count = Math.round(s / size);
      const exact = s % size === 0;
      return `${exact ? '' : 'about '}${count} ${unit}${count === 1 ? '' : 's'}`;
    }
  }
  return `${Math.round(s)} seconds`;
}
