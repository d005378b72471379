import type { SecretStore } from '../core/ports';

/**
 * A SecretStore usable before the keychain probe has answered: each call waits for the real store.
 * It lets the window appear at once while a slow keychain (up to the probe timeout) is still checked.
 */
export class DeferredSecretStore implements SecretStore {
  constructor(private readonly ready: Promise<SecretStore>) {}

  async get(key: string): Promise<string | null> {
    return (await this.ready).get(key);
  }

  async set(key: string, value: string): Promise<void> {
    return (await this.ready).set(key, value);
  }

  async delete(key: string): Promise<boolean> {
    return (await this.ready).delete(key);
  }
}
