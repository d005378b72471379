import { describe, expect, it } from 'vitest';
import { createLineLogger, redactFields } from '../../../main/core/logging';

const JWT = 'eyJhbGciOiJQUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';

describe('log redaction', () => {
  it('redacts secrets by key and JWTs by shape', () => {
    expect(
      redactFields({
        code: 'abc',
        state: 's',
        code_verifier: 'v',
        access_token: 'a',
        refresh_token: 'r',
        client_secret: 'c',
        Authorization: 'Bearer x',
        url: `https://x/?t=${JWT}`,
        status: 200,
      }),
    ).toEqual({
      code: '[redacted]',
      state: '[redacted]',
      code_verifier: '[redacted]',
      access_token: '[redacted]',
      refresh_token: '[redacted]',
      client_secret: '[redacted]',
      Authorization: '[redacted]',
      url: 'https://x/?t=[redacted token]',
      status: 200,
    });
  });

  it('redacts camelCase secret keys too', () => {
    expect(
      redactFields({ refreshToken: 'opaque', accessToken: 'a', clientSecret: 'c', codeVerifier: 'v', tokens: 3 }),
    ).toEqual({
      refreshToken: '[redacted]',
      accessToken: '[redacted]',
      clientSecret: '[redacted]',
      codeVerifier: '[redacted]',
      tokens: 3,
    });
  });

  it('redacts nested fields and arrays too', () => {
    expect(
      redactFields({
        request: { headers: { Authorization: 'Bearer x' }, body: { refresh_token: 'r' } },
        list: [{ token: 't' }, 'plain'],
      }),
    ).toEqual({
      request: { headers: { Authorization: '[redacted]' }, body: { refresh_token: '[redacted]' } },
      list: [{ token: '[redacted]' }, 'plain'],
    });
  });

  it('redacts secret query parameters in URLs', () => {
    expect(
      redactFields({ url: 'https://app.invalid/callback?code=abc123&state=xyz&scope=read#access_token=t' }),
    ).toEqual({
      url: 'https://app.invalid/callback?code=[redacted]&state=[redacted]&scope=read#access_token=[redacted]',
    });
  });

  it('writes one JSON line per entry at or above the level, with no token in the message', () => {
    const lines: string[] = [];
    const logger = createLineLogger((line) => lines.push(line), 'info');
    logger.debug('hidden');
    logger.info(`got ${JWT}`, { status: 200 });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'info', message: 'got [redacted token]', status: 200 });
  });
});
