import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DownloadedUpdate, RestartPrompt, Updater } from '../../../main/core/updates/ports';
import { systemScheduler } from '../../../main/core/updates/system-scheduler';
import { startUpdatePolicy, UPDATE_CHECK_INTERVAL_MS, type UpdatePolicyOptions } from '../../../main/core/updates/update-policy';
import { MemoryLogger } from '../core/fakes';

const HOUR = 60 * 60 * 1000;

/** An updater answering each check from a script: a version, null (up to date) or an error. */
class FakeUpdater implements Updater {
  checks = 0;
  restarts = 0;
  constructor(public answer: () => DownloadedUpdate | null | Error = () => null) {}
  checkAndDownload = async () => {
    this.checks += 1;
    const answer = this.answer();
    if (answer instanceof Error) throw answer;
    return answer;
  };
  restartAndInstall = () => void (this.restarts += 1);
}

/** Lets the policy's promise chains run (fake timers do not advance microtasks on their own). */
const settle = () => vi.advanceTimersByTimeAsync(0);

function start(overrides: Partial<UpdatePolicyOptions> & { updater: FakeUpdater }) {
  const logger = new MemoryLogger();
  const askToRestart = vi.fn<RestartPrompt>(async () => false);
  const policy = startUpdatePolicy({ enabled: true, packaged: true, askToRestart, scheduler: systemScheduler, logger, ...overrides });
  return { policy, logger, askToRestart: overrides.askToRestart ?? askToRestart };
}

describe('update policy', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('checks once at start and then every 24 hours', async () => {
    const updater = new FakeUpdater();
    const { policy } = start({ updater });
    await settle();
    expect(policy.state).toBe('checking-daily');
    expect(updater.checks).toBe(1);
    await vi.advanceTimersByTimeAsync(23 * HOUR);
    expect(updater.checks).toBe(1);
    await vi.advanceTimersByTimeAsync(1 * HOUR);
    expect(updater.checks).toBe(2);
    await vi.advanceTimersByTimeAsync(2 * UPDATE_CHECK_INTERVAL_MS);
    expect(updater.checks).toBe(4);
    policy.stop();
    await vi.advanceTimersByTimeAsync(3 * UPDATE_CHECK_INTERVAL_MS);
    expect(updater.checks).toBe(4);
  });

  it('never checks when the administrator turned updates off', async () => {
    const updater = new FakeUpdater(() => ({ version: '9.9.9' }));
    const { policy, logger, askToRestart } = start({ updater, enabled: false });
    await vi.advanceTimersByTimeAsync(7 * UPDATE_CHECK_INTERVAL_MS);
    await policy.checkNow();
    expect(policy.state).toBe('turned-off-by-admin');
    expect(updater.checks).toBe(0);
    expect(askToRestart).not.toHaveBeenCalled();
    expect(logger.lines.map((l) => l.message).join('\n')).toContain('turned off by the administrator');
  });

  it('never checks in a development run (unpackaged app), even when enabled', async () => {
    const updater = new FakeUpdater(() => ({ version: '9.9.9' }));
    const { policy } = start({ updater, packaged: false });
    await vi.advanceTimersByTimeAsync(2 * UPDATE_CHECK_INTERVAL_MS);
    expect(policy.state).toBe('development-run');
    expect(updater.checks).toBe(0);
  });

  it('logs an offline check quietly, once, and tries again the next day', async () => {
    let offline = true;
    const updater = new FakeUpdater(() => (offline ? new Error('net::ERR_INTERNET_DISCONNECTED') : { version: '1.1.0' }));
    const askToRestart = vi.fn<RestartPrompt>(async () => false);
    const { logger } = start({ updater, askToRestart });
    await settle();
    expect(updater.checks).toBe(1);
    expect(logger.lines.filter((l) => l.level === 'error')).toEqual([]);
    const warnings = logger.lines.filter((l) => l.level === 'warn');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.message).toContain('will try again tomorrow');
    expect(warnings[0]?.fields).toEqual({ reason: 'net::ERR_INTERNET_DISCONNECTED' });
    expect(askToRestart).not.toHaveBeenCalled();

    offline = false;
    await vi.advanceTimersByTimeAsync(UPDATE_CHECK_INTERVAL_MS);
    expect(updater.checks).toBe(2);
    expect(askToRestart).toHaveBeenCalledWith({ version: '1.1.0' });
  });

  it('asks before restarting and restarts only after "Restart"', async () => {
    const updater = new FakeUpdater(() => ({ version: '1.2.0' }));
    const askToRestart = vi.fn<RestartPrompt>(async () => true);
    start({ updater, askToRestart });
    await settle();
    expect(askToRestart).toHaveBeenCalledTimes(1);
    expect(updater.restarts).toBe(1);
  });

  it.each([
    ['"Later"', async () => false],
    ['a dialog that failed', async () => Promise.reject(new Error('no window'))],
    ['an answer that is not an explicit yes', async () => 'yes' as unknown as boolean],
  ])('never restarts without consent: %s', async (_name, answer) => {
    const updater = new FakeUpdater(() => ({ version: '1.2.0' }));
    const askToRestart = vi.fn<RestartPrompt>(answer);
    const { logger } = start({ updater, askToRestart });
    await settle();
    await vi.advanceTimersByTimeAsync(3 * UPDATE_CHECK_INTERVAL_MS);
    expect(askToRestart).toHaveBeenCalled();
    expect(updater.restarts).toBe(0);
    expect(logger.lines.some((l) => l.level === 'error')).toBe(false);
  });

  it('offers each version once: after "Later" it installs on quit instead of asking every day', async () => {
    let version = '1.2.0';
    const updater = new FakeUpdater(() => ({ version }));
    const askToRestart = vi.fn<RestartPrompt>(async () => false);
    const { logger } = start({ updater, askToRestart });
    await settle();
    await vi.advanceTimersByTimeAsync(2 * UPDATE_CHECK_INTERVAL_MS);
    expect(updater.checks).toBe(3);
    expect(askToRestart).toHaveBeenCalledTimes(1);
    expect(logger.lines.some((l) => l.message.includes('installs when the app quits'))).toBe(true);
    version = '1.3.0';
    await vi.advanceTimersByTimeAsync(UPDATE_CHECK_INTERVAL_MS);
    expect(askToRestart).toHaveBeenCalledTimes(2);
    expect(askToRestart).toHaveBeenLastCalledWith({ version: '1.3.0' });
  });

  it('runs one check at a time', async () => {
    let release: (value: DownloadedUpdate | null) => void = () => undefined;
    const updater = new FakeUpdater();
    updater.checkAndDownload = () => ((updater.checks += 1), new Promise((resolve) => (release = resolve)));
    const { policy } = start({ updater });
    const again = policy.checkNow();
    expect(updater.checks).toBe(1);
    release(null);
    await again;
    const next = policy.checkNow();
    expect(updater.checks).toBe(2);
    release(null);
    await next;
  });
});
