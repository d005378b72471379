// Background keep-alive at the desktop level: started hidden by the login item, kept in the tray when
// the last window closes, and opened again from the tray (the Electron shell only passes these answers on).
import { describe, expect, it } from 'vitest';
import { runDesktopApp, type AppLifecycle, type DesktopControls } from '../../../main/boot/desktop-lifecycle';

type Event = Parameters<AppLifecycle['on']>[0];

function fakeLife(platform: string) {
  const listeners = new Map<Event, () => void>();
  const calls: string[] = [];
  const life: AppLifecycle = {
    platform,
    requestSingleInstanceLock: () => true,
    whenReady: () => Promise.resolve(),
    on: (event, listener) => void listeners.set(event, listener),
    beforeQuit: () => undefined,
    showError: () => undefined,
    quit: () => void calls.push('quit'),
    exit: (code) => void calls.push(`exit ${code}`),
  };
  return { life, calls, fire: (event: Event) => listeners.get(event)?.() };
}

function app(background: { enabled: boolean; launchedAtLogin: boolean }) {
  let windows = 0;
  let controls: DesktopControls | undefined;
  const parts = {
    prepare: () => undefined,
    start: async (given: DesktopControls) => ((controls = given), { stop: async () => undefined }),
    openMainWindow: () => (windows++, { isDestroyed: () => false, focus: () => undefined }),
    background: () => ({
      startHidden: background.enabled && background.launchedAtLogin,
      keepsRunningWithoutWindows: () => background.enabled,
    }),
    logFailure: () => undefined,
  };
  return { parts, windows: () => windows, open: () => controls?.showWindow() };
}

describe('the desktop app with background keep-alive', () => {
  it('started by the login item: no window until the tray asks for one', async () => {
    const { life } = fakeLife('win32');
    const a = app({ enabled: true, launchedAtLogin: true });
    await runDesktopApp(life, a.parts);
    expect(a.windows()).toBe(0);
    a.open();
    expect(a.windows()).toBe(1);
  });

  it('opened by the person: the window shows as usual', async () => {
    const { life } = fakeLife('win32');
    const a = app({ enabled: true, launchedAtLogin: false });
    await runDesktopApp(life, a.parts);
    expect(a.windows()).toBe(1);
  });

  it('closing the last window keeps it running in the tray only while keep-alive is on', async () => {
    const on = fakeLife('win32');
    await runDesktopApp(on.life, app({ enabled: true, launchedAtLogin: false }).parts);
    on.fire('window-all-closed');
    expect(on.calls).toEqual([]);

    const off = fakeLife('win32');
    await runDesktopApp(off.life, app({ enabled: false, launchedAtLogin: false }).parts);
    off.fire('window-all-closed');
    expect(off.calls).toEqual(['quit']);
  });
});
