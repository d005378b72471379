import { describe, expect, it } from 'vitest';
import { mayNavigate } from '../../../main/core/oauth/sign-in-navigation';
import { APP_URL, describeOrigin, isAppUrl } from '../../../main/electron/window-policy';

// The navigation rules of the Electron windows, checked under plain Node (webPreferences: test/unit/quality/electron-policy.test.ts).
describe('navigation rules', () => {
  it('the app stays on its own origin', () => {
    expect(isAppUrl(APP_URL)).toBe(true);
    expect(isAppUrl('app://connect/assets/x.js')).toBe(true);
    expect(isAppUrl('app://evil/index.html')).toBe(false);
    expect(isAppUrl('https://connect/index.html')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });

  it.each([
    ['https://identity.approvalmax.com/account/login', 'https://identity.approvalmax.com', true],
    ['https://accounts.google.com/o/oauth2', 'https://identity.approvalmax.com', true],
    ['http://127.0.0.1:4010/interaction/x', 'http://127.0.0.1:4010', true],
    ['http://127.0.0.1:4011/other', 'http://127.0.0.1:4010', false],
    ['http://identity.approvalmax.com/login', 'https://identity.approvalmax.com', false],
    ['file:///etc/passwd', 'https://identity.approvalmax.com', false],
    ['javascript:alert(1)', 'https://identity.approvalmax.com', false],
  ])('a sign-in window may load %s (issuer %s): %s', (url, issuer, allowed) => {
    expect(mayNavigate(url, issuer)).toBe(allowed);
  });

  it('the window title says where the user types and whether it is secure', () => {
    expect(describeOrigin('https://identity.approvalmax.com/login?x=1')).toBe('identity.approvalmax.com (secure)');
    expect(describeOrigin('http://127.0.0.1:4010/')).toBe('127.0.0.1:4010 (NOT secure)');
  });
});
