import { describe, expect, it } from 'vitest';
import { KeychainTokenVault } from '../../../main/core/connections/token-vault';
import type { TokenSet } from '../../../main/core/tokens/token-set';
import { MemorySecretStore } from '../core/fakes';

const tokens = (change: Partial<TokenSet> = {}): TokenSet => ({
  accessToken: 'access-1',
  refreshToken: 'refresh-1',
  receivedAt: 1_000,
  expiresAt: 3_601_000,
  scope: ['offline_access'],
  ...change,
});
const ACCESS = 'connection/c1/access-token';
const REFRESH = 'connection/c1/refresh-token';

/** A secret store that records the order of writes and can refuse some keys. */
function recordingStore(refuse: (key: string) => boolean = () => false) {
  const store = new MemorySecretStore();
  const writes: string[] = [];
  const set = store.set;
  store.set = async (key, value) => {
    if (refuse(key)) throw new Error('keychain locked');
    writes.push(key);
    return set(key, value);
  };
  return { store, writes };
}

describe('KeychainTokenVault', () => {
  it('saves and loads a token set under connection/<id>/…', async () => {
    const secrets = new MemorySecretStore();
    const vault = new KeychainTokenVault(secrets);
    await vault.save('c1', tokens());
    expect([...secrets.entries.keys()].sort()).toEqual([ACCESS, REFRESH]);
    expect(secrets.entries.get(REFRESH)).toBe('refresh-1');
    expect(secrets.entries.get(ACCESS)).not.toContain('refresh-1');
    expect(await vault.load('c1')).toEqual(tokens());
    expect(await vault.load('c2')).toBeNull();
  });

  it('writes the refresh token before the access token', async () => {
    const { store, writes } = recordingStore();
    await new KeychainTokenVault(store).save('c1', tokens());
    expect(writes).toEqual([REFRESH, ACCESS]);
  });

  it('writes no access token when the refresh token could not be stored', async () => {
    const { store } = recordingStore((key) => key === REFRESH);
    const vault = new KeychainTokenVault(store);
    await expect(vault.save('c1', tokens())).rejects.toThrow('keychain locked');
    expect(store.entries.size).toBe(0);
  });

  it('keeps the stored refresh token when a set has none', async () => {
    const secrets = new MemorySecretStore();
    const vault = new KeychainTokenVault(secrets);
    await vault.save('c1', tokens());
    await vault.save('c1', tokens({ accessToken: 'access-2', refreshToken: null }));
    expect(await vault.load('c1')).toEqual(tokens({ accessToken: 'access-2', refreshToken: 'refresh-1' }));
    await vault.save('c9', tokens({ refreshToken: null }));
    expect(await vault.load('c9')).toEqual(tokens({ refreshToken: null }));
  });

  it.each([
    ['missing', undefined],
    ['not JSON', '{"accessToken": "a'],
    ['the wrong shape', JSON.stringify({ accessToken: 'a', receivedAt: 'yesterday', expiresAt: 1, scope: null })],
    ['a bare string', JSON.stringify('access-1')],
  ])('loads null when the access entry is %s, even with a refresh token', async (_what, access) => {
    const secrets = new MemorySecretStore();
    secrets.entries.set(REFRESH, 'refresh-1');
    if (access !== undefined) secrets.entries.set(ACCESS, access);
    expect(await new KeychainTokenVault(secrets).load('c1')).toBeNull();
  });

  it('removes every secret of a connection and leaves the others', async () => {
    const secrets = new MemorySecretStore();
    const vault = new KeychainTokenVault(secrets);
    await vault.save('c1', tokens());
    await vault.save('c2', tokens({ accessToken: 'other' }));
    await vault.remove('c1');
    expect([...secrets.entries.keys()].filter((k) => k.startsWith('connection/c1/'))).toEqual([]);
    expect(await vault.load('c1')).toBeNull();
    expect(await vault.load('c2')).toMatchObject({ accessToken: 'other' });
  });
});
