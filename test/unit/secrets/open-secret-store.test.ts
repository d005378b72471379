import { randomUUID } from 'node:crypto';
import keytar from 'keytar';
import { afterAll, describe, expect, it } from 'vitest';
import type { Logger } from '../../../main/core/ports';
import { ChunkedSecretStore } from '../../../main/secrets/chunked-secret-store';
import type { KeychainBackend } from '../../../main/secrets/keychain-backend';
import { MemorySecretStore } from '../../../main/secrets/memory-secret-store';
import { PROBE_ACCOUNT, openSecretStore } from '../../../main/secrets/open-secret-store';
import { FakeKeychain } from './fake-keychain';

const linuxWithoutSecretService = process.platform === 'linux' && !process.env.DBUS_SESSION_BUS_ADDRESS;
const skip = linuxWithoutSecretService && process.env.REQUIRE_KEYCHAIN !== '1';
if (skip)
  console.warn(
    'keychain tests skipped: no D-Bus session here; run them as .ci/run does (dbus-run-session + gnome-keyring).',
  );

const KEY = 'environment/sandbox/client-secret';

function recordingLogger() {
  const lines: { level: string; message: string; fields?: Record<string, unknown> }[] = [];
  const log = (level: string) => (message: string, fields?: Record<string, unknown>) =>
    void lines.push({ level, message, fields });
  const logger: Logger = { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
  return { logger, lines };
}

/** A keychain whose probe fails as the platform's would; it records any write so we can prove none happens. */
function brokenKeychain(failure: () => Promise<never>): KeychainBackend & { writes: number } {
  const backend = {
    writes: 0,
    getPassword: failure,
    setPassword: async () => void backend.writes++,
    deletePassword: async () => false,
  };
  return backend;
}

describe.skipIf(skip)('openSecretStore with the real keychain', () => {
  const service = `ApprovalMax Connect test ${randomUUID()}`;

  afterAll(async () => {
    for (const { account } of await keytar.findCredentials(service)) await keytar.deletePassword(service, account);
  });

  it('chooses the keychain, and what it stores is in the keychain', async () => {
    const opened = await openSecretStore({ service, platform: process.platform });
    expect(opened.backend).toBe('keychain');
    expect(opened.notice).toBeUndefined();
    expect(opened.store).toBeInstanceOf(ChunkedSecretStore);
    await opened.store.set(KEY, 'from openSecretStore');
    expect(await keytar.getPassword(service, KEY)).toBe('from openSecretStore');
    expect(await opened.store.delete(KEY)).toBe(true);
    expect(await keytar.findCredentials(service)).toEqual([]);
  });
});

describe('openSecretStore without a usable keychain', () => {
  it.each([
    ['linux', /no keychain service running \(GNOME Keyring or KWallet\)/],
    ['darwin', /macOS Keychain/],
    ['win32', /Windows Credential Manager/],
  ])('on %s falls back to memory for the session and says so', async (platform, names) => {
    const { logger, lines } = recordingLogger();
    const backend = brokenKeychain(() =>
      Promise.reject(new Error('The name org.freedesktop.secrets was not provided by any .service files')),
    );
    const opened = await openSecretStore({ service: 'svc', platform, logger, loadBackend: async () => backend });
    expect(opened.backend).toBe('memory');
    expect(opened.store).toBeInstanceOf(MemorySecretStore);
    expect(opened.notice).toMatch(names);
    expect(opened.notice).toMatch(/in memory only until you quit/);
    expect(opened.notice).toMatch(/Nothing is written to disk in plain text/);
    await opened.store.set(KEY, 'session only');
    expect(await opened.store.get(KEY)).toBe('session only');
    expect(backend.writes).toBe(0);
    expect(lines.filter((l) => l.level === 'warn').map((l) => l.fields?.reason)).toEqual([
      expect.stringContaining('org.freedesktop.secrets'),
    ]);
  });

  it('falls back when keytar itself cannot be loaded', async () => {
    const opened = await openSecretStore({
      service: 'svc',
      platform: 'linux',
      loadBackend: () => Promise.reject(new Error('libsecret-1.so.0: cannot open shared object file')),
    });
    expect(opened.backend).toBe('memory');
    expect(opened.notice).toMatch(/GNOME Keyring/);
  });

  it('does not wait for a keychain that never answers', async () => {
    const started = Date.now();
    const backend = brokenKeychain(() => new Promise<never>(() => {}));
    const opened = await openSecretStore({
      service: 'svc',
      platform: 'linux',
      loadBackend: async () => backend,
      probeTimeoutMs: 100,
    });
    expect(opened.backend).toBe('memory');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('chooses the keychain when the probe answers, probing an account no caller can use', async () => {
    const keychain = new FakeKeychain();
    const opened = await openSecretStore({ service: 'svc', platform: 'win32', loadBackend: async () => keychain });
    expect(opened.backend).toBe('keychain');
    expect(keychain.calls).toEqual([{ op: 'get', service: 'svc', account: PROBE_ACCOUNT }]);
    await expect(opened.store.get(PROBE_ACCOUNT)).rejects.toThrow(RangeError);
    await opened.store.set(KEY, 'x'.repeat(5000));
    expect(keychain.accounts('svc').size).toBeGreaterThan(2);
  });
});
