import { describe, expect, it } from 'vitest';
import { chooseStart } from '../../../scripts/start-choice';

describe('npm start: which app starts, and what it says', () => {
  const display = { DISPLAY: ':99' };
  it.each([
    ['Electron present, display', 'linux', display, '/e/electron', false, 'electron'],
    ['Electron present, macOS (no DISPLAY needed)', 'darwin', {}, '/e/Electron', false, 'electron'],
    ['no Electron, display', 'linux', display, null, false, 'chromium'],
    ['no Electron, Wayland', 'linux', { WAYLAND_DISPLAY: 'wayland-0' }, null, false, 'chromium'],
    ['no display at all on Linux', 'linux', {}, null, false, 'no-display'],
    ['no display, Electron present', 'linux', {}, '/e/electron', false, 'no-display'],
    ['screenshot without a display', 'linux', {}, null, true, 'chromium'],
    ['screenshot with Electron present', 'linux', display, '/e/electron', true, 'chromium'],
    ['Windows without Electron', 'win32', {}, null, false, 'chromium'],
  ] as const)('%s → %s', (_name, platform, env, binary, headless, kind) => {
    expect(chooseStart({ platform, env, binary, headless }).kind).toBe(kind);
  });

  it('says why in one plain sentence, with what to do where nothing can start', () => {
    const chromium = chooseStart({ platform: 'linux', env: { DISPLAY: ':1' }, binary: null, headless: false });
    const noDisplay = chooseStart({ platform: 'linux', env: {}, binary: null, headless: false });
    for (const choice of [chromium, noDisplay]) {
      expect('message' in choice && choice.message.split(/\.\s/)).toHaveLength(1);
      expect('message' in choice && choice.message).not.toMatch(/Error|at .*\.js/);
    }
    expect('message' in noDisplay && noDisplay.message).toContain('xvfb-run -a npm start');
    expect('message' in chromium && chromium.message).toContain('opens in Chromium instead');
  });
});
