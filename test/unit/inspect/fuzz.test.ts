import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeToken } from '../../../main/core/inspect/decode';
import { extractTokens } from '../../../main/core/inspect/extract';
import { inspectToken } from '../../../main/core/inspect/inspect';
import { SAMPLE, b64u } from './helpers';

const CONTEXT = {
  now: Date.UTC(2026, 0, 15),
  environments: [{ id: 'p', name: 'Production', issuer: 'https://identity.approvalmax.com' }],
};
const RUNS = 10_000;
const [SH, SP, SS] = SAMPLE.split('.') as [string, string, string];
const SAMPLE_PAYLOAD_JSON = Buffer.from(SP, 'base64url').toString('utf8');

/** True when a value is plain data the bridge can carry (cheap enough for thousands of runs). */
function serialisable(value: unknown, depth = 0): boolean {
  if (depth > 64) return false;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every((item) => serialisable(item, depth + 1));
  if (typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return (
    (proto === null || proto === Object.prototype) &&
    Object.values(value).every((item) => item !== undefined && serialisable(item, depth + 1))
  );
}

/** extract → decode → inspect, on the paste itself and on every token found; throws only on a broken promise. */
function pipeline(input: string): void {
  const extracted = extractTokens(input);
  if (!Array.isArray(extracted.found) || !Array.isArray(extracted.notes))
    throw new Error('extract result has the wrong shape');
  if (extracted.found.length === 0 && extracted.opaque.length === 0 && typeof extracted.problem !== 'string')
    throw new Error('nothing found but no problem given');
  for (const candidate of [input, ...extracted.found.map((f) => f.token)]) {
    const decoded = decodeToken(candidate);
    const inspection = inspectToken(candidate, CONTEXT);
    if (decoded.ok !== inspection.ok) throw new Error('decode and inspect disagree');
    if (!decoded.ok && !['structure', 'header', 'payload', 'signature'].includes(decoded.error.part))
      throw new Error('untyped error');
    if (!serialisable(inspection)) throw new Error('inspection is not plain data');
  }
  for (const found of extracted.found)
    if (/\s/.test(found.token)) throw new Error('a found token still has whitespace');
}

const EDIT_CHARS = fc.oneof(
  fc.constantFrom(
    '.',
    ' ',
    '\n',
    '\r\n',
    '\t',
    '=',
    '+',
    '/',
    '"',
    "'",
    '`',
    'A',
    '_',
    '-',
    '\u200b',
    '{',
    '}',
    '%',
    'é',
    '\0',
    'Bearer ',
  ),
  fc.string({ unit: 'binary', maxLength: 3 }),
);
const EDITS = fc.array(fc.record({ at: fc.nat(), remove: fc.nat({ max: 4 }), insert: EDIT_CHARS }), {
  minLength: 1,
  maxLength: 8,
});

function applyEdits(text: string, edits: { at: number; remove: number; insert: string }[]): string {
  let out = text;
  for (const edit of edits) {
    const at = edit.at % (out.length + 1);
    out = out.slice(0, at) + edit.insert + out.slice(at + edit.remove);
  }
  return out;
}

describe('property: no input makes extract → decode → inspect throw', () => {
  afterAll(() => expect(Object.prototype).not.toHaveProperty('polluted'));

  it(`survives ${RUNS.toLocaleString('en-GB')} random strings`, () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 400 }),
      fc.string({ unit: fc.constantFrom(...'eyJ.AbcX_-+/= \n"\'`{}:'), maxLength: 400 }),
      fc.stringMatching(/^(Bearer |"|')?ey[A-Za-z0-9_-]{0,40}\.[A-Za-z0-9_ -]{0,40}\.[A-Za-z0-9_ -]{0,40}$/),
    );
    fc.assert(
      fc.property(text, (input) => pipeline(input)),
      { numRuns: RUNS },
    );
  }, 120_000);

  it(`survives ${RUNS.toLocaleString('en-GB')} random edits of the sample token and of pastes holding it`, () => {
    const wrap = fc.constantFrom(
      (t: string) => t,
      (t: string) => `Bearer ${t}`,
      (t: string) => `{"access_token":"${t}","refresh_token":"abc"}`,
      (t: string) => `curl -H 'Authorization: Bearer ${t}' x`,
    );
    fc.assert(
      fc.property(wrap, EDITS, (wrapper, edits) => pipeline(applyEdits(wrapper(SAMPLE), edits))),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('survives random edits of the sample payload JSON (types, syntax, huge numbers)', () => {
    const jsonEdit = fc.array(
      fc.record({
        at: fc.nat(),
        remove: fc.nat({ max: 6 }),
        insert: fc.constantFrom(
          '1e400',
          '-',
          '"',
          '[',
          ']',
          '{',
          '}',
          ',',
          'null',
          '1.5',
          '"__proto__":{"polluted":1},',
          '',
        ),
      }),
      { minLength: 1, maxLength: 5 },
    );
    fc.assert(
      fc.property(jsonEdit, (edits) => pipeline(`${SH}.${b64u(applyEdits(SAMPLE_PAYLOAD_JSON, edits))}.${SS}`)),
      { numRuns: 3000 },
    );
  }, 120_000);

  it('decodes any JSON-object header and payload, with any claim values, into plain data', () => {
    const names = fc.oneof(
      fc.constantFrom(
        'exp',
        'nbf',
        'iat',
        'auth_time',
        'iss',
        'sub',
        'aud',
        'scope',
        'amr',
        'client_id',
        '__proto__',
        'constructor',
        'https://www.approvalmax.com/connection',
      ),
      fc.string({ maxLength: 8 }),
    );
    const claims = fc.dictionary(names, fc.jsonValue({ maxDepth: 3 }), { maxKeys: 8 });
    const headers = fc.dictionary(
      fc.constantFrom('alg', 'kid', 'typ', 'crit', 'jwk', 'x'),
      fc.oneof(fc.constantFrom('PS256', 'none', 'HS256', 'at+jwt'), fc.jsonValue({ maxDepth: 2 })),
      { maxKeys: 4 },
    );
    fc.assert(
      fc.property(headers, claims, fc.nat({ max: 400 }), (header, payload, signatureChars) => {
        const token = `${b64u(JSON.stringify(header))}.${b64u(JSON.stringify(payload))}.${'A'.repeat(signatureChars - (signatureChars % 4 === 1 ? 1 : 0))}`;
        const inspection = inspectToken(token, CONTEXT);
        if (!inspection.ok) throw new Error(`a well-formed token failed: ${inspection.error.reason}`);
        if (!serialisable(inspection)) throw new Error('inspection is not plain data');
      }),
      { numRuns: 3000 },
    );
  }, 120_000);
});
