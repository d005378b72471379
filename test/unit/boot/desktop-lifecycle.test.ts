import { describe, expect, it } from 'vitest';
import {
  runDesktopApp,
  type AppLifecycle,
  type DesktopAppParts,
  type MainWindowHandle,
} from '../../../main/boot/desktop-lifecycle';
import { StartupProblem } from '../../../main/boot/startup-failure';

type Event = Parameters<AppLifecycle['on']>[0];

/** Electron's `app` as a recording fake: events are fired by the test. */
class FakeLifecycle implements AppLifecycle {
  readonly listeners = new Map<Event, (() => void)[]>();
  readonly calls: string[] = [];
  readonly errors: { title: string; message: string }[] = [];
  exitCode: number | null = null;
  constructor(
    readonly platform = 'win32',
    private readonly lock = true,
    readonly ready: Promise<void> = Promise.resolve(),
  ) {}
  requestSingleInstanceLock() {
    this.calls.push('lock');
    return this.lock;
  }
  whenReady() {
    return this.ready;
  }
  on(event: Event, listener: () => void) {
    this.calls.push(`on:${event}`);
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
  }
  fire(event: Event) {
    for (const l of this.listeners.get(event) ?? []) l();
  }
  showError(title: string, message: string) {
    this.errors.push({ title, message });
  }
  quitWaits: (() => Promise<void> | undefined)[] = [];
  beforeQuit(wait: () => Promise<void> | undefined) {
    this.quitWaits.push(wait);
  }
  /** As Electron's adapter: a returned promise holds the quit, then quits again. */
  async quitApp(): Promise<string[]> {
    const held: string[] = [];
    for (const wait of this.quitWaits) {
      const pending = wait();
      if (pending) {
        held.push('held');
        await pending;
      }
    }
    return held;
  }
  quit() {
    this.calls.push('quit');
  }
  exit(code: number) {
    this.exitCode = code;
  }
}

class FakeWindow implements MainWindowHandle {
  focused = 0;
  destroyed = false;
  isDestroyed() {
    return this.destroyed;
  }
  focus() {
    this.focused++;
  }
}

function parts(overrides: Partial<DesktopAppParts<{ stop(): Promise<void> }>> = {}) {
  const windows: FakeWindow[] = [];
  const stopped: number[] = [];
  const logged: unknown[] = [];
  const value: DesktopAppParts<{ stop(): Promise<void> }> = {
    prepare: () => undefined,
    start: async () => ({ stop: async () => void stopped.push(1) }),
    openMainWindow: () => {
      const w = new FakeWindow();
      windows.push(w);
      return w;
    },
    logFailure: (error) => (logged.push(error), '/data/logs/app.log'),
    ...overrides,
  };
  return { value, windows, stopped, logged };
}

describe('runDesktopApp', () => {
  it('opens one main window once started', async () => {
    const life = new FakeLifecycle();
    const p = parts();
    await runDesktopApp(life, p.value);
    expect(p.windows).toHaveLength(1);
    expect(life.exitCode).toBeNull();
  });

  it('a start that throws shows a plain-words dialog naming the folder, logs it, and exits (no windowless process)', async () => {
    const life = new FakeLifecycle();
    const locked = Object.assign(new Error('EBUSY: resource busy or locked'), { code: 'EBUSY' });
    const p = parts({
      start: () =>
        Promise.reject(
          new StartupProblem('path', 'The data folder', 'C:\\Users\\a\\AppData\\Roaming\\ApprovalMax Connect', locked),
        ),
    });
    await runDesktopApp(life, p.value);
    expect(life.exitCode).toBe(1);
    expect(p.windows).toHaveLength(0);
    expect(p.logged).toHaveLength(1);
    expect(life.errors).toHaveLength(1);
    const { title, message } = life.errors[0]!;
    expect(title).toBe('ApprovalMax Connect could not start');
    expect(message).toContain('C:\\Users\\a\\AppData\\Roaming\\ApprovalMax Connect');
    expect(message).toMatch(/antivirus|OneDrive/);
    expect(message).toContain('/data/logs/app.log');
    expect(message).not.toMatch(/\bat .*:\d+|Error:/);
  });

  it('a failure before ready (prepare: a relative data folder) shows the dialog and exits before taking the lock', async () => {
    const life = new FakeLifecycle();
    const p = parts({
      prepare: () => {
        throw new StartupProblem(
          'setting',
          'The setting APPROVALMAX_CONNECT_DATA_DIR',
          'data',
          new Error('not a full path'),
        );
      },
      logFailure: () => undefined,
    });
    await runDesktopApp(life, p.value);
    expect(life.exitCode).toBe(1);
    expect(life.calls).not.toContain('lock');
    expect(life.errors[0]!.message).toContain('"data", which is not a full path');
  });

  it('a failing log or dialog never hides the exit', async () => {
    const life = new FakeLifecycle();
    life.showError = () => {
      throw new Error('no display');
    };
    await runDesktopApp(
      life,
      parts({
        start: () => Promise.reject(new Error('boom')),
        logFailure: () => {
          throw new Error('disk gone');
        },
      }).value,
    );
    expect(life.exitCode).toBe(1);
  });

  it('a second instance quits at once; the first handles second-instance from the moment it holds the lock', async () => {
    const second = new FakeLifecycle('win32', false);
    await runDesktopApp(second, parts().value);
    expect(second.calls).toEqual(['lock', 'quit']);

    let release!: () => void;
    const first = new FakeLifecycle('win32', true, new Promise<void>((r) => (release = r)));
    const p = parts();
    const running = runDesktopApp(first, p.value);
    expect(first.calls.slice(0, 2)).toEqual(['lock', 'on:second-instance']);
    first.fire('second-instance'); // before ready: nothing to focus yet, and nothing breaks
    release();
    await running;
    first.fire('second-instance');
    expect(p.windows).toHaveLength(1);
    expect(p.windows[0]!.focused).toBe(1);
  });

  it('a second launch after the window was closed (macOS) opens a new main window', async () => {
    const life = new FakeLifecycle('darwin');
    const p = parts();
    await runDesktopApp(life, p.value);
    p.windows[0]!.destroyed = true;
    life.fire('second-instance');
    expect(p.windows).toHaveLength(2);
  });

  it('macOS keeps running with no window and reopens it on activate; other systems quit', async () => {
    const mac = new FakeLifecycle('darwin');
    const p = parts();
    await runDesktopApp(mac, p.value);
    p.windows[0]!.destroyed = true;
    mac.fire('window-all-closed');
    expect(mac.calls).not.toContain('quit');
    mac.fire('activate');
    expect(p.windows).toHaveLength(2);
    mac.fire('activate'); // a window exists: focused, not duplicated
    expect(p.windows).toHaveLength(2);

    const win = new FakeLifecycle('win32');
    await runDesktopApp(win, parts().value);
    win.fire('window-all-closed');
    expect(win.calls).toContain('quit');
  });

  it('holds the quit once until the core has saved what is in flight, then lets it through', async () => {
    const life = new FakeLifecycle();
    let saved = false;
    const p = parts({
      start: async () => ({ stop: () => new Promise<void>((r) => setTimeout(() => ((saved = true), r()), 20)) }),
    });
    await runDesktopApp(life, p.value);
    expect(await life.quitApp()).toEqual(['held']);
    expect(saved).toBe(true);
    expect(await life.quitApp()).toEqual([]); // the adapter's second quit goes straight through
  });

  it('a quit before start-up finished is not held', async () => {
    const life = new FakeLifecycle('win32', true, new Promise<void>(() => undefined));
    void runDesktopApp(life, parts().value);
    expect(await life.quitApp()).toEqual([]);
  });
});
