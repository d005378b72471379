import { describe, expect, it } from 'vitest';
import { extractTokens, MAX_PASTE_CHARS } from '../../../main/core/inspect/extract';
import { SAMPLE, SAMPLE_SIGNATURE, fakeJwt, withSpacesInSignature } from './helpers';

const ID_TOKEN = fakeJwt(
  { alg: 'PS256', kid: 'k1', typ: 'JWT' },
  { iss: 'https://identity.approvalmax.com', aud: 'app', nonce: 'n', sub: 'u' },
);
const ES_TOKEN = fakeJwt({ alg: 'ES256', typ: 'at+jwt' }, { iss: 'https://identity.approvalmax.com', exp: 2 }, 86);
const REFRESH = '8xLOxBtZp8_0QWfd2Qx-5aL1-3kQ9XmZc4Tn7Rv2bHs';
const PUBLISHED = withSpacesInSignature(SAMPLE, 2);
const lines = (token: string, width: number, eol = '\n') => token.match(new RegExp(`.{1,${width}}`, 'g'))!.join(eol);

const BEARER = 'Removed the “Bearer ” prefix';
const HEADER = 'Took the token from an Authorization header';

interface Case {
  name: string;
  paste: string;
  found: [label: string, token: string][];
  notes?: string[];
  opaque?: string[];
}

/** Real-world pastes: what support staff copy out of tickets, logs, browsers and terminals. */
const CASES: Case[] = [
  { name: 'a bare token', paste: SAMPLE, found: [['token', SAMPLE]], notes: [] },
  {
    name: 'the sample as published, spaces in its signature',
    paste: PUBLISHED,
    found: [['token', SAMPLE]],
    notes: ['Removed 2 spaces inside the token'],
  },
  { name: 'a bare token with a trailing newline', paste: `${SAMPLE}\n`, found: [['token', SAMPLE]], notes: [] },
  {
    name: 'wrapped at 64 characters (as RFCs and e-mails print it)',
    paste: lines(SAMPLE, 64),
    found: [['token', SAMPLE]],
    notes: ['Removed 16 line breaks inside the token'],
  },
  {
    name: 'wrapped with Windows line breaks',
    paste: lines(SAMPLE, 100, '\r\n'),
    found: [['token', SAMPLE]],
    notes: ['Removed 10 line breaks inside the token'],
  },
  {
    name: 'a zero-width space and a tab from a chat tool',
    paste: SAMPLE.replace(
      SAMPLE_SIGNATURE,
      `${SAMPLE_SIGNATURE.slice(0, 10)}\u200b${SAMPLE_SIGNATURE.slice(10, 20)}\t${SAMPLE_SIGNATURE.slice(20)}`,
    ),
    found: [['token', SAMPLE]],
    notes: ['Removed 1 space and 1 invisible character inside the token'],
  },
  { name: 'Bearer prefix', paste: `Bearer ${SAMPLE}`, found: [['token', SAMPLE]], notes: [BEARER] },
  {
    name: 'lower-case bearer, two spaces, published spaces',
    paste: `bearer  ${PUBLISHED}`,
    found: [['token', SAMPLE]],
    notes: [BEARER, 'Removed 2 spaces inside the token'],
  },
  {
    name: 'double quotes',
    paste: `"${SAMPLE}"`,
    found: [['token', SAMPLE]],
    notes: ['Removed the surrounding quotes'],
  },
  {
    name: 'single quotes',
    paste: `'${SAMPLE}'`,
    found: [['token', SAMPLE]],
    notes: ['Removed the surrounding quotes'],
  },
  {
    name: 'backticks from Markdown',
    paste: `\`${SAMPLE}\``,
    found: [['token', SAMPLE]],
    notes: ['Removed the surrounding quotes'],
  },
  {
    name: 'an Authorization header line',
    paste: `Authorization: Bearer ${SAMPLE}`,
    found: [['token', SAMPLE]],
    notes: [HEADER, BEARER],
  },
  {
    name: 'a raw HTTP request from a proxy log',
    paste: `GET /ping HTTP/1.1\r\nHost: public-api.approvalmax.com\r\nAuthorization: Bearer ${SAMPLE}\r\nAccept: application/json\r\n\r\n`,
    found: [['token', SAMPLE]],
    notes: [HEADER, BEARER],
  },
  {
    name: 'a cURL command',
    paste: `curl -H 'Authorization: Bearer ${PUBLISHED}' https://public-api.approvalmax.com/ping`,
    found: [['token', SAMPLE]],
    notes: ['Took the token from the cURL command’s Authorization header', BEARER, 'Removed 2 spaces inside the token'],
  },
  {
    name: 'a multi-line cURL command from browser dev tools',
    paste: `curl 'https://public-api.approvalmax.com/api/v1/companies' \\\n  -H 'Accept: application/json' \\\n  -H "authorization: Bearer ${SAMPLE}" \\\n  --compressed`,
    found: [['token', SAMPLE]],
    notes: ['Took the token from the cURL command’s Authorization header', BEARER],
  },
  {
    name: 'a whole JSON token response',
    paste: JSON.stringify({
      access_token: SAMPLE,
      expires_in: 3600,
      token_type: 'Bearer',
      refresh_token: REFRESH,
      scope: 'offline_access',
    }),
    found: [['access_token', SAMPLE]],
    notes: ['Took the access_token from a JSON token response'],
    opaque: ['refresh_token'],
  },
  {
    name: 'a pretty-printed token response with an id_token, spaces inside the access_token',
    paste: JSON.stringify({ id_token: ID_TOKEN, access_token: PUBLISHED, refresh_token: REFRESH }, null, 2),
    found: [
      ['id_token', ID_TOKEN],
      ['access_token', SAMPLE],
    ],
    notes: [
      'Took the id_token from a JSON token response',
      'Took the access_token from a JSON token response',
      'Removed 2 spaces inside the access_token',
    ],
    opaque: ['refresh_token'],
  },
  {
    name: 'a request header from a browser HAR export',
    paste: JSON.stringify({
      headers: [
        { name: 'Accept', value: 'application/json' },
        { name: 'Authorization', value: `Bearer ${SAMPLE}` },
      ],
    }),
    found: [['token', SAMPLE]],
    notes: ['Took the token from the “value” field of the pasted JSON', BEARER],
  },
  {
    name: 'a token response cut short (not valid JSON any more)',
    paste: `{"access_token":"${SAMPLE}","expires_in":36`,
    found: [['access_token', SAMPLE]],
    notes: ['Took the access_token from a JSON token response'],
  },
  {
    name: 'the address a browser landed on, token in the query',
    paste: `https://app.example.com/callback?access_token=${SAMPLE}&token_type=Bearer`,
    found: [['access_token', SAMPLE]],
    notes: ['Took the access_token from the web address'],
  },
  {
    name: 'the address a browser landed on, tokens in the fragment',
    paste: `https://app.example.com/callback#id_token=${ID_TOKEN}&access_token=${SAMPLE}&expires_in=3600`,
    found: [
      ['id_token', ID_TOKEN],
      ['access_token', SAMPLE],
    ],
    notes: [
      'Took the id_token from the web address’s fragment (the part after #)',
      'Took the access_token from the web address’s fragment (the part after #)',
    ],
  },
  {
    name: 'a token in a sentence: the next word is not part of the signature',
    paste: `Hi support, the customer sent eyJ ${SAMPLE} and then it failed.`,
    found: [['token', SAMPLE]],
    notes: [],
  },
  {
    name: 'two tokens in a log, an ES256 one split by a space',
    paste: `first=${SAMPLE}\nsecond: ${withSpacesInSignature(ES_TOKEN, 1)}\n`,
    found: [
      ['token', SAMPLE],
      ['token (2)', ES_TOKEN],
    ],
    notes: ['Removed 1 space inside the token'],
  },
  { name: 'the same token twice', paste: `${SAMPLE}\n${SAMPLE}`, found: [['token', SAMPLE]], notes: [] },
];

describe('extractTokens: real-world pastes', () => {
  it.each(CASES)('$name', ({ paste, found, notes, opaque }) => {
    const result = extractTokens(paste);
    expect(result.problem).toBeUndefined();
    expect(result.found.map((f) => [f.label, f.token])).toEqual(found);
    if (notes) expect(result.notes).toEqual(notes);
    expect(result.opaque.map((o) => o.label)).toEqual(opaque ?? []);
  });

  it('has at least 15 real-world pastes', () => expect(CASES.length).toBeGreaterThanOrEqual(15));
});

describe('extractTokens: opaque tokens and nothing usable', () => {
  it('names an opaque refresh token in plain words', () => {
    const result = extractTokens(JSON.stringify({ refresh_token: REFRESH, token_type: 'Bearer' }));
    expect(result.found).toEqual([]);
    expect(result.problem).toBeUndefined();
    expect(result.opaque).toEqual([
      {
        label: 'refresh_token',
        note: 'An opaque refresh token: it has no readable contents, only the identity server can use it.',
      },
    ]);
  });

  it('names an opaque access token beside a JWT id_token', () => {
    const result = extractTokens(JSON.stringify({ access_token: 'a1b2c3d4e5f6a7b8c9d0', id_token: ID_TOKEN }));
    expect(result.found).toEqual([{ label: 'id_token', token: ID_TOKEN }]);
    expect(result.opaque).toEqual([
      {
        label: 'access_token',
        note: 'An opaque access token: it has no readable contents, only the identity server can read it.',
      },
    ]);
  });

  it('recognises a bare opaque token', () => {
    const result = extractTokens(`Bearer ${REFRESH}`);
    expect(result.found).toEqual([]);
    expect(result.opaque).toHaveLength(1);
    expect(result.opaque[0]!.note).toMatch(/opaque token: it has no readable contents/);
  });

  it('offers a broken token so decoding can say what is wrong with it', () => {
    const result = extractTokens('Bearer abc.def');
    expect(result.found).toEqual([{ label: 'token', token: 'abc.def' }]);
    expect(result.notes).toContain(
      'This does not look like a complete token; the inspector shows what is wrong with it',
    );
  });

  it.each([
    ['empty', '', /Nothing was pasted/],
    ['only spaces', ' \n\t ', /Nothing was pasted/],
    ['plain words', 'the token did not work, please help', /No token was found/],
    ['a short sentence of letters only', 'definitely not a token', /No token was found/],
    ['JSON without a token', '{"error":"invalid_grant","error_description":"expired"}', /This JSON holds no token/],
    ['a JSON list of numbers', '[1, 2, 3]', /This JSON holds no token/],
  ])('says plainly when nothing usable was found: %s', (_name, paste, problem) => {
    const result = extractTokens(paste);
    expect(result.found).toEqual([]);
    expect(result.problem).toMatch(problem);
  });

  it('refuses more than 1 MB and says so, without scanning it', () => {
    const result = extractTokens(`${SAMPLE} `.padEnd(MAX_PASTE_CHARS + 1, 'x'));
    expect(result.found).toEqual([]);
    expect(result.problem).toMatch(/larger than 1 MB/);
  });

  it('never puts the token into a note or a problem', () => {
    for (const { paste } of CASES) {
      const result = extractTokens(paste);
      for (const text of [...result.notes, result.problem ?? '', ...result.opaque.map((o) => o.note)])
        expect(text).not.toContain(SAMPLE_SIGNATURE.slice(0, 20));
    }
  });
});
