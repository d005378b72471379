import { describe, expect, it } from 'vitest';
import { redactDeep, redactString, scrubKnown } from '../../../main/core/diagnostics/redact';
import { createLineLogger } from '../../../main/core/logging';

const ACCESS = 'eyJhbGciOiJQUzI1NiIsInR5cCI6ImF0K2p3dCJ9.eyJzdWIiOiJ1c2VyIn0.c2lnbmF0dXJlLWJ5dGVz';
const REFRESH = 'Qm9yaW5nT3BhcXVlUmVmcmVzaFRva2VuXzEyMzQ1Njc4OTA'; // opaque: no shape to spot
const SECRET = 'sEcReT-value-from-the-portal-0123456789';

describe('redaction of every secret kind', () => {
  const text = [
    `access ${ACCESS}`,
    `refresh ${REFRESH}`,
    `secret ${SECRET}`,
    'redirect https://approvalmax-connect.invalid/callback?code=AUTHCODE123&state=STATE456&session_state=ok',
    'verifier ?code_verifier=VERIFIER789',
    'header Authorization: Bearer OPAQUEBEARER12345',
    'basic Basic dXNlcjpwYXNzd29yZA==',
  ].join('\n');

  it('free text: JWTs, known opaque values, OAuth parameters and Authorization values', () => {
    const out = redactString(text, [REFRESH, SECRET]);
    for (const secret of [
      ACCESS,
      REFRESH,
      SECRET,
      'AUTHCODE123',
      'STATE456',
      'VERIFIER789',
      'OPAQUEBEARER12345',
      'dXNlcjpwYXNzd29yZA',
    ])
      expect(out).not.toContain(secret);
    expect(out).toContain('session_state=ok');
  });

  it('nested objects: secret field names at any depth, every string by shape and value', () => {
    const out = JSON.stringify(
      redactDeep(
        {
          a: {
            access_token: 'x',
            refreshToken: 'y',
            client_secret: 'z',
            Authorization: 'w',
            nested: [{ code: 'c', state: 's', note: `has ${REFRESH}` }],
          },
          ok: 'plain words',
        },
        [REFRESH],
      ),
    );
    expect(out).not.toMatch(/"x"|"y"|"z"|"w"|"c"|"s"/);
    expect(out).not.toContain(REFRESH);
    expect(out).toContain('plain words');
  });

  it('does not scrub short known values that would eat ordinary words', () => {
    expect(scrubKnown('the app is fine', ['app'])).toBe('the app is fine');
  });

  it('the line logger (and so the log file) redacts by field name and by shape', () => {
    const lines: string[] = [];
    const log = createLineLogger((l) => lines.push(l), 'debug');
    log.debug(`redirect ${'https://x.test/cb?code=AUTHCODE123&state=STATE456'}`, {
      refresh_token: REFRESH,
      client_secret: SECRET,
      token: ACCESS,
      url: `https://x.test/?access_token=${ACCESS}`,
    });
    const written = lines.join('\n');
    for (const secret of [ACCESS, REFRESH, SECRET, 'AUTHCODE123', 'STATE456']) expect(written).not.toContain(secret);
  });
});
