import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { KeytarSecretStore } from '../../../main/secrets/keytar-secret-store';

// Against the real keychain: on Linux that is a Secret Service (CI runs gnome-keyring in a D-Bus
// session). Without one, this file is skipped and says why — unless REQUIRE_KEYCHAIN=1 (CI sets it),
// where a missing keychain fails the run instead of hiding.
const linuxWithoutSecretService = process.platform === 'linux' && !process.env.DBUS_SESSION_BUS_ADDRESS;
const skip = linuxWithoutSecretService && process.env.REQUIRE_KEYCHAIN !== '1';
if (skip) console.warn('keychain tests skipped: no D-Bus session here; run them as .ci/run does (dbus-run-session + gnome-keyring).');

describe.skipIf(skip)('KeytarSecretStore against the real keychain', () => {
  const store = new KeytarSecretStore(`ApprovalMax Connect test ${randomUUID()}`);
  const key = 'environment/sandbox/client-secret';

  afterAll(async () => {
    await store.delete(key);
  });

  it('round-trips, overwrites and deletes a secret', async () => {
    expect(await store.get(key)).toBeNull();
    await store.set(key, 'first secret');
    expect(await store.get(key)).toBe('first secret');
    await store.set(key, 'second secret ✓');
    expect(await store.get(key)).toBe('second secret ✓');
    expect(await store.delete(key)).toBe(true);
    expect(await store.get(key)).toBeNull();
    expect(await store.delete(key)).toBe(false);
  });

  it('keeps services apart, so tests never touch a real user\'s entries', async () => {
    const other = new KeytarSecretStore(`ApprovalMax Connect test ${randomUUID()}`);
    await store.set(key, 'mine');
    expect(await other.get(key)).toBeNull();
  });
});
