import keytar from 'keytar';
import type { SecretStore } from '../core/ports';

/** The SecretStore port over the operating system's keychain (Keychain, Credential Manager, Secret Service). */
export class KeytarSecretStore implements SecretStore {
  constructor(private readonly service: string) {}

  get(key: string): Promise<string | null> {
    return keytar.getPassword(this.service, key);
  }

  set(key: string, value: string): Promise<void> {
    return keytar.setPassword(this.service, key, value);
  }

  delete(key: string): Promise<boolean> {
    return keytar.deletePassword(this.service, key);
  }
}
