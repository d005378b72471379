import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { logStartupFailure, startApp, type ShellStart } from '../../../main/boot/start-app';
import { describeStartupFailure, StartupProblem } from '../../../main/boot/startup-failure';
import type { KeychainBackend } from '../../../main/secrets/keychain-backend';
import { FakeAuthWindow, FakeBrowser, fakeHttp } from '../core/fakes';
import { MemoryClipboard } from '../../shell/memory-clipboard';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'amc-boot-'));

function shell(env: Record<string, string | undefined>, overrides: Partial<ShellStart> = {}): ShellStart {
  return {
    shell: 'chromium',
    version: '9.9.9',
    defaultDataDir: tmp(),
    env: { APPROVALMAX_CONNECT_KEYCHAIN_SERVICE: 'amc-boot-test', ...env },
    console: () => undefined,
    ports: () => ({
      authWindow: new FakeAuthWindow(),
      browser: new FakeBrowser(),
      clipboard: new MemoryClipboard(),
      http: fakeHttp(() => new Response('', { status: 404 })).http,
    }),
    ...overrides,
  };
}

/** A keychain that answers only when the test says so. */
function slowKeychain() {
  let answer!: (backend: KeychainBackend | Error) => void;
  const loaded = new Promise<KeychainBackend | Error>((r) => (answer = r));
  return { answer, load: () => loaded.then((b) => (b instanceof Error ? Promise.reject(b) : b)) };
}

describe('startApp: the start-up both shells share', () => {
  it('refuses a relative APPROVALMAX_CONNECT_DATA_DIR in plain words', async () => {
    const error = await startApp(shell({ APPROVALMAX_CONNECT_DATA_DIR: 'relative/data' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StartupProblem);
    expect(describeStartupFailure(error).message).toMatch(
      /^The setting APPROVALMAX_CONNECT_DATA_DIR is "relative\/data", which is not a full path\./,
    );
  });

  it('names the data folder when it cannot be made (a file stands where it should be)', async () => {
    const file = path.join(tmp(), 'not-a-folder');
    writeFileSync(file, 'x');
    const error = await startApp(shell({ APPROVALMAX_CONNECT_DATA_DIR: path.join(file, 'data') })).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StartupProblem);
    const { message } = describeStartupFailure(error);
    expect(message).toContain(path.join(file, 'data'));
    expect(message).toContain('a file stands where a folder should be');
  });

  it('returns before the keychain answers; its state and notice arrive later as an event', async () => {
    const keychain = slowKeychain();
    const app = await startApp(shell({}, { loadKeychain: keychain.load }));
    expect(app.core.status.keychain).toBe('unknown');
    const pushed: unknown[] = [];
    app.core.events.subscribe((channel, payload) => channel === 'app:noticesChanged' && pushed.push(payload));
    keychain.answer(new Error('no Secret Service'));
    await app.core.ready;
    expect(app.core.status.keychain).toBe('memory');
    expect(pushed).toEqual([[expect.stringContaining('keeps tokens in memory only')]]);
    app.stop();
  });

  it('secrets written before the keychain answered land in it once it does', async () => {
    const keychain = slowKeychain();
    const app = await startApp(shell({}, { loadKeychain: keychain.load }));
    const saved = app.ports.secrets.set('k', 'v');
    const stored = new Map<string, string>();
    keychain.answer({
      getPassword: async (_s, a) => stored.get(a) ?? null,
      setPassword: async (_s, a, p) => void stored.set(a, p),
      deletePassword: async (_s, a) => stored.delete(a),
    });
    await saved;
    expect(await app.ports.secrets.get('k')).toBe('v');
    app.stop();
  });

  it('writes a start-up failure to logs/app.log in the data folder', () => {
    const dataDir = tmp();
    const file = logStartupFailure(
      { env: { APPROVALMAX_CONNECT_DATA_DIR: dataDir }, defaultDataDir: '/unused' },
      Object.assign(new Error('EPERM: operation not permitted'), { code: 'EPERM' }),
    );
    expect(file).toBe(path.join(dataDir, 'logs', 'app.log'));
    expect(readFileSync(file!, 'utf8')).toMatch(/"level":"error".*"errno":"EPERM"/);
    expect(
      logStartupFailure(
        { env: { APPROVALMAX_CONNECT_DATA_DIR: 'relative' }, defaultDataDir: '/unused' },
        new Error('x'),
      ),
    ).toBeUndefined();
  });
});
