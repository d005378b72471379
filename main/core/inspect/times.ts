import type { ExpiryState, TimeStamp, TimeSummary, TimeValidity } from './types';
import { durationWords, toTimeStamp, utcText } from './values';

/** Below this, a gap between two of a token's times is clock noise, not worth a note. */
const NOTABLE_GAP_SECONDS = 60;

const usable = (value: unknown): TimeStamp | null => (typeof value === 'number' ? toTimeStamp(value) : null);

/** Reads a claim that should be a NumericDate; null when absent or unusable. */
function readDate(payload: Readonly<Record<string, unknown>>, name: string): TimeStamp | null {
  return Object.hasOwn(payload, name) ? usable(payload[name]) : null;
}

/** The state alone: expired wins over not-yet-valid, as the API would refuse it either way. */
export function expiryState(exp: TimeStamp | null, nbf: TimeStamp | null, nowMs: number): ExpiryState {
  const now = nowMs / 1000;
  if (exp && now >= exp.epochSeconds) return 'expired';
  if (nbf && now < nbf.epochSeconds) return 'not-yet-valid';
  return exp ? 'valid' : 'no-expiry';
}

function timeNotes(
  exp: TimeStamp | null,
  nbf: TimeStamp | null,
  iat: TimeStamp | null,
  nowMs: number,
  expPresent: boolean,
): string[] {
  const notes: string[] = [];
  const now = nowMs / 1000;
  if (!exp)
    notes.push(
      expPresent
        ? 'The expiry (exp) is not a usable date, so when it expires is unknown'
        : 'It has no expiry (exp): it never expires by itself',
    );
  if (nbf && nbf.epochSeconds > now)
    notes.push(`nbf is in the future: it becomes valid in ${durationWords(nbf.epochSeconds - now)}`);
  if (exp && nbf && exp.epochSeconds <= nbf.epochSeconds)
    notes.push('It expires (exp) before it becomes valid (nbf), so it can never be used');
  if (iat && nbf) {
    const gap = nbf.epochSeconds - iat.epochSeconds;
    if (gap < 0) notes.push(`iat is after nbf: it was issued ${durationWords(gap)} after it became valid`);
    else if (gap >= NOTABLE_GAP_SECONDS) notes.push(`Issued (iat) ${durationWords(gap)} before it became valid (nbf)`);
  }
  if (iat && iat.epochSeconds - now > NOTABLE_GAP_SECONDS)
    notes.push(
      `Issued (iat) ${durationWords(iat.epochSeconds - now)} in the future by this computer’s clock: one of the clocks may be wrong`,
    );
  return notes;
}

/** The token's times checked against the clock, with neutral notes on anything unusual. */
export function summariseTimes(payload: Readonly<Record<string, unknown>>, nowMs: number): TimeSummary {
  const exp = readDate(payload, 'exp');
  const nbf = readDate(payload, 'nbf');
  const iat = readDate(payload, 'iat');
  const start = nbf ?? iat;
  return {
    state: expiryState(exp, nbf, nowMs),
    checkedAt: toTimeStamp(Math.floor(nowMs / 1000)) ?? { iso: new Date(0).toISOString(), epochSeconds: 0 },
    expiresAt: exp,
    notBefore: nbf,
    issuedAt: iat,
    lifetimeSeconds: exp && start ? exp.epochSeconds - start.epochSeconds : null,
    notes: timeNotes(exp, nbf, iat, nowMs, Object.hasOwn(payload, 'exp')),
  };
}

/** One sentence on whether the token is usable now, for beside the signature verdict. */
export function timeValidity(payload: Readonly<Record<string, unknown>>, nowMs: number): TimeValidity {
  const { state, expiresAt, notBefore } = summariseTimes(payload, nowMs);
  const now = nowMs / 1000;
  switch (state) {
    case 'expired':
      return {
        state,
        message: `Expired ${durationWords(now - expiresAt!.epochSeconds)} ago, at ${utcText(expiresAt!)}.`,
      };
    case 'not-yet-valid':
      return {
        state,
        message: `Not valid yet: it becomes valid in ${durationWords(notBefore!.epochSeconds - now)}, at ${utcText(notBefore!)}.`,
      };
    case 'valid':
      return {
        state,
        message: `Valid for another ${durationWords(expiresAt!.epochSeconds - now)}, until ${utcText(expiresAt!)}.`,
      };
    case 'no-expiry':
      return { state, message: 'It has no usable expiry time, so it does not expire by itself.' };
  }
}
