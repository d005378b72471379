/** keytar's shape, narrowed to what the stores use, so tests can inject a backend that fails on cue. */
export interface KeychainBackend {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

type KeytarModule = typeof import('keytar');

/** Loads keytar only when asked: a missing native library (e.g. libsecret) must mean "no keychain", not a crash at start. */
export async function loadKeytarBackend(): Promise<KeychainBackend> {
  const mod = (await import('keytar')) as KeytarModule & { default?: KeytarModule };
  const keytar = mod.default ?? mod;
  return {
    getPassword: (service, account) => keytar.getPassword(service, account),
    setPassword: (service, account, password) => keytar.setPassword(service, account, password),
    deletePassword: (service, account) => keytar.deletePassword(service, account),
  };
}
