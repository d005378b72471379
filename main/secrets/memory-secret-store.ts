import type { SecretStore } from '../core/ports';

/** The session-only store for machines without a keychain: secrets live in this process and die with it, never on disk. */
export class MemorySecretStore implements SecretStore {
  private readonly entries = new Map<string, string>();

  async get(key: string): Promise<string | null> {
    return this.entries.get(key) ?? null;
  }

  async set(key: string, value: string): Promise<void> {
    this.entries.set(key, value);
  }

  async delete(key: string): Promise<boolean> {
    return this.entries.delete(key);
  }
}
