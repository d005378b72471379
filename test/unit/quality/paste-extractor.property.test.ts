import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractTokens } from '../../../main/core/inspect/extract';
import { b64u } from '../inspect/helpers';

// The paste extractor, property-based (test/unit/inspect/fuzz.test.ts proves nothing makes it throw;
// this proves it gets the token right). For any PS256 token, however people paste it — Bearer,
// quotes, an Authorization header, cURL, a JSON token response, a redirect address, line breaks and
// spaces where a chat tool or e-mail wrapped it — the extractor finds exactly that token, first.
const RUNS = 1500;

const claimValue = fc.oneof(
  fc.string({ maxLength: 24 }),
  fc.integer(),
  fc.boolean(),
  fc.array(fc.string({ maxLength: 10 }), { maxLength: 4 }),
);
const token = fc
  .record({
    kid: fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 32, maxLength: 32 }),
    claims: fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), claimValue, { maxKeys: 8 }),
    exp: fc.integer({ min: 1_600_000_000, max: 2_000_000_000 }),
    signature: fc.constantFrom(256, 384, 512).chain((bytes) => fc.uint8Array({ minLength: bytes, maxLength: bytes })),
  })
  .map(({ kid, claims, exp, signature }) => {
    const header = b64u(JSON.stringify({ alg: 'PS256', kid, typ: 'at+jwt' }));
    const payload = b64u(
      JSON.stringify({ ...claims, iss: 'https://identity.approvalmax.com', exp, scope: ['approvalmax:api'] }),
    );
    return `${header}.${payload}.${Buffer.from(signature).toString('base64url')}`;
  });

/** Breaks a token where copy and paste tools do: line breaks, spaces, zero-width spaces. */
const breaks = fc.array(fc.record({ at: fc.nat(), gap: fc.constantFrom('\n', '\r\n', ' ', '\n  ', '\u200b') }), {
  maxLength: 6,
});
function breakUp(value: string, cuts: { at: number; gap: string }[]): string {
  // Not after the very first "e": see the known gap below.
  const points = [...new Set(cuts.map((c) => 2 + (c.at % (value.length - 2))))].sort((a, b) => b - a);
  let out = value;
  for (const [i, at] of points.entries()) out = out.slice(0, at) + cuts[i]!.gap + out.slice(at);
  return out;
}

const WRAPPERS: readonly [string, (t: string) => string][] = [
  ['bare', (t) => t],
  ['Bearer', (t) => `Bearer ${t}`],
  ['double quotes', (t) => `"${t}"`],
  ['single quotes', (t) => `'${t}'`],
  ['header line', (t) => `Authorization: Bearer ${t}`],
  ['cURL', (t) => `curl -H 'Authorization: Bearer ${t}' https://public-api.approvalmax.com/ping`],
  [
    'token response',
    (t) =>
      JSON.stringify({
        access_token: t,
        token_type: 'Bearer',
        expires_in: 3600,
        refresh_token: 'C9F2A1opaque0123456789',
      }),
  ],
  ['redirect fragment', (t) => `https://approvalmax-connect.invalid/callback#access_token=${t}&token_type=Bearer`],
  ['padded', (t) => `\n\t  ${t}  \n`],
];

describe('property: the paste extractor finds exactly the pasted token', () => {
  it.each(WRAPPERS.map(([name]) => name))(
    `%s, ${RUNS} tokens with random line breaks and spaces`,
    (name) => {
      const wrap = WRAPPERS.find(([n]) => n === name)![1];
      fc.assert(
        fc.property(token, breaks, (jwt, cuts) => {
          // A JSON token response holds the token as one JSON string: breaks there are not what people paste.
          const pasted = wrap(name === 'token response' ? jwt : breakUp(jwt, cuts));
          const result = extractTokens(pasted);
          expect(result.problem).toBeUndefined();
          expect(result.found[0]?.token).toBe(jwt);
          expect(result.found.filter((f) => f.token !== jwt)).toEqual([]);
          expect(JSON.stringify(result.notes)).not.toContain(jwt.split('.')[2]);
        }),
        { numRuns: RUNS },
      );
    },
    60_000,
  );

  // Found by this property: a token wrapped right after its first letter ("e" / "yJhbGci…") inside a larger paste.
  it('finds a token wrapped after its first letter inside a cURL command', () => {
    const jwt = fc.sample(token, 1)[0]!;
    expect(
      extractTokens(`curl -H 'Authorization: Bearer e\n${jwt.slice(1)}' https://x.test/ping`).found[0]?.token,
    ).toBe(jwt);
  });

  it('the property can fail: a token cut short is not reported as the original', () => {
    const jwt = fc.sample(token, 1)[0]!;
    expect(extractTokens(`Bearer ${jwt.slice(0, -40)}`).found[0]?.token).not.toBe(jwt);
  });
});
