import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanPastedToken, maskToken } from '../../../main/core/tokens/pasted-token';

const sample = readFileSync(new URL('../../fixtures/approvalmax-sample-token.txt', import.meta.url), 'utf8').trim();

describe('cleanPastedToken', () => {
  it.each([
    [sample],
    [`Bearer ${sample}`],
    [`"${sample}"`],
    [`Authorization: Bearer ${sample}`],
    [`  ${sample.slice(0, 100)}\n  ${sample.slice(100, 400)} ${sample.slice(400)}\r\n`],
  ])('cleans %#', (pasted) => {
    expect(cleanPastedToken(pasted)).toEqual({ ok: true, token: sample.replace(/\s+/g, '') });
  });

  it('takes the access token from a whole JSON token response, and an opaque token as it is', () => {
    expect(
      cleanPastedToken(JSON.stringify({ id_token: sample, access_token: sample, refresh_token: 'opaque-refresh' })),
    ).toEqual({ ok: true, token: sample });
    expect(
      cleanPastedToken(`curl -H 'Authorization: Bearer ${sample}' https://public-api.approvalmax.com/ping`),
    ).toEqual({ ok: true, token: sample });
    expect(cleanPastedToken(' "B2A4E6B4C2D2896B765F5A36EF976234" ')).toEqual({
      ok: true,
      token: 'B2A4E6B4C2D2896B765F5A36EF976234',
    });
  });

  it('refuses empty input and characters that cannot travel in a header', () => {
    expect(cleanPastedToken('  \n')).toEqual({ ok: false, reason: 'Paste an access token first.' });
    expect(cleanPastedToken('eyJ…abc')).toMatchObject({ ok: false });
  });
});

describe('maskToken', () => {
  it('keeps only the ends', () => {
    expect(maskToken(sample)).toBe(`${sample.slice(0, 6)}…${sample.slice(-4)}`);
    expect(maskToken('short')).toBe('•••');
  });
});
