import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORBIDDEN_SENDER, mayOpenInBrowser } from '../../../main/boot/shell-rules';

const ROOT = path.resolve(import.meta.dirname, '../../..');

describe('rules both shells apply', () => {
  it.each([
    ['https://identity.approvalmax.com/connect/authorize?x=1', 'https://identity.approvalmax.com', true],
    ['http://127.0.0.1:4010/connect/authorize', 'http://127.0.0.1:4010', true],
    ['http://identity.approvalmax.com/connect/authorize', 'http://identity.approvalmax.com', false],
    ['https://evil.example/connect/authorize', 'https://identity.approvalmax.com', false],
    ['https://identity.approvalmax.com.evil.example/', 'https://identity.approvalmax.com', false],
    ['file:///etc/passwd', 'https://identity.approvalmax.com', false],
    ['not a url', 'https://identity.approvalmax.com', false],
  ])('the browser may open %s (issuer %s): %s', (url, issuer, allowed) => {
    expect(mayOpenInBrowser(url, issuer)).toBe(allowed);
  });

  it('both shells use the one forbidden-sender answer and the one browser rule', () => {
    expect(FORBIDDEN_SENDER).toEqual({
      ok: false,
      error: { code: 'forbidden-sender', message: 'This request did not come from the app window and was refused.' },
    });
    for (const file of ['main/electron/ipc.ts', 'test/shell/launch.ts'])
      expect(readFileSync(path.join(ROOT, file), 'utf8')).toContain('FORBIDDEN_SENDER');
    for (const file of ['main/electron/external-browser.ts', 'test/shell/auth-window.ts'])
      expect(readFileSync(path.join(ROOT, file), 'utf8')).toContain('mayOpenInBrowser(url, issuerOrigin)');
  });
});
