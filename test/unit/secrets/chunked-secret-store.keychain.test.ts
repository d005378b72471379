import { randomUUID } from 'node:crypto';
import keytar from 'keytar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChunkedSecretStore } from '../../../main/secrets/chunked-secret-store';
import { loadKeytarBackend, type KeychainBackend } from '../../../main/secrets/keychain-backend';
import { SecretStoreError } from '../../../main/secrets/secret-store-error';
import { VALUES } from './fake-keychain';

// The chunked store against the real keychain, with the same skip rule as the other keychain tests:
// skipped (and saying why) only on Linux without a D-Bus session, unless REQUIRE_KEYCHAIN=1.
const linuxWithoutSecretService = process.platform === 'linux' && !process.env.DBUS_SESSION_BUS_ADDRESS;
const skip = linuxWithoutSecretService && process.env.REQUIRE_KEYCHAIN !== '1';
if (skip)
  console.warn(
    'keychain tests skipped: no D-Bus session here; run them as .ci/run does (dbus-run-session + gnome-keyring).',
  );

const KEY = 'connection/5f1c7d2e-2222-4b4b-8888-0123456789ab/refresh-token';

/** The real keytar, crashing once at the first call `crashAt` picks (before it takes effect, or after). */
function crashing(
  real: KeychainBackend,
  crashAt: (op: string, account: string) => 'before' | 'after' | null,
): KeychainBackend {
  let crashed = false;
  const wrap =
    <A extends unknown[], R>(op: string, fn: (service: string, account: string, ...rest: A) => Promise<R>) =>
    async (service: string, account: string, ...rest: A): Promise<R> => {
      const when = crashed ? null : crashAt(op, account);
      if (when === 'before') {
        crashed = true;
        throw new Error(`injected crash before ${op}`);
      }
      const result = await fn(service, account, ...rest);
      if (when === 'after') {
        crashed = true;
        throw new Error(`injected crash after ${op}`);
      }
      return result;
    };
  return {
    getPassword: wrap('get', (s, a) => real.getPassword(s, a)),
    setPassword: wrap('set', (s, a, p: string) => real.setPassword(s, a, p)),
    deletePassword: wrap('delete', (s, a) => real.deletePassword(s, a)),
  };
}

describe.skipIf(skip)('ChunkedSecretStore against the real keychain', () => {
  const service = `ApprovalMax Connect test ${randomUUID()}`;
  let backend: KeychainBackend;
  let store: ChunkedSecretStore;

  beforeAll(async () => {
    backend = await loadKeytarBackend();
    store = new ChunkedSecretStore(service, backend);
  });

  afterAll(async () => {
    for (const { account } of await keytar.findCredentials(service)) await keytar.deletePassword(service, account);
  });

  it('round-trips a short and a 10 KB multi-byte value', async () => {
    await store.set(KEY, VALUES.shortCyrillic);
    expect(await store.get(KEY)).toBe(VALUES.shortCyrillic);
    expect(await keytar.findCredentials(service)).toHaveLength(1);
    await store.set(KEY, VALUES.longEmoji);
    expect(await new ChunkedSecretStore(service, backend).get(KEY)).toBe(VALUES.longEmoji);
  });

  it('splits 10 KB into entries of at most 2,000 bytes and deletes every one', async () => {
    await store.set(KEY, VALUES.longAscii);
    const held = await keytar.findCredentials(service);
    const bytes = Buffer.byteLength(VALUES.longAscii);
    expect(held.length).toBeGreaterThanOrEqual(1 + Math.ceil(bytes / 2000));
    expect(held.length).toBeLessThanOrEqual(1 + Math.ceil(bytes / 1900));
    for (const { password } of held) expect(Buffer.byteLength(password, 'utf8')).toBeLessThanOrEqual(2000);
    expect(await store.get(KEY)).toBe(VALUES.longAscii);

    expect(await store.delete(KEY)).toBe(true);
    expect(await keytar.findCredentials(service)).toEqual([]);
    expect(await store.get(KEY)).toBeNull();
  });

  it.each([
    [
      'mid-chunks',
      'old',
      (op: string, a: string) => (op === 'set' && a.includes(':chunk:') && a.includes(':2:') ? 'before' : null),
    ],
    ['before the switch', 'old', (op: string, a: string) => (op === 'set' && a === KEY ? 'before' : null)],
    ['after the switch', 'new', (op: string, a: string) => (op === 'set' && a === KEY ? 'after' : null)],
    ['during cleanup', 'new', (op: string, a: string) => (op === 'delete' && a.includes(':chunk:') ? 'before' : null)],
  ] as const)(
    'leaves a whole value after a write interrupted %s, and the next write cleans up',
    async (_, expected, crashAt) => {
      await store.set(KEY, VALUES.longCyrillic);
      const interrupted = new ChunkedSecretStore(service, crashing(backend, crashAt));
      await expect(interrupted.set(KEY, VALUES.longMixed)).rejects.toBeInstanceOf(SecretStoreError);
      expect(await store.get(KEY)).toBe(expected === 'old' ? VALUES.longCyrillic : VALUES.longMixed);

      await store.set(KEY, VALUES.short);
      expect(await keytar.findCredentials(service)).toEqual([{ account: KEY, password: VALUES.short }]);
      await store.delete(KEY);
      expect(await keytar.findCredentials(service)).toEqual([]);
    },
  );
});
