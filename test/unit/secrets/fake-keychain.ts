import type { KeychainBackend } from '../../../main/secrets/keychain-backend';

/** One call the store made to the keychain, in order. */
export interface KeychainCall {
  readonly op: 'get' | 'set' | 'delete';
  readonly service: string;
  readonly account: string;
}

/** Decides whether call number `index` (0-based, counting every call) crashes, and whether before or after it takes effect. */
export type CrashPlan = (call: KeychainCall, index: number) => 'before' | 'after' | null;

/** An in-memory keychain that records every call, yields between calls, and crashes on cue. */
export class FakeKeychain implements KeychainBackend {
  readonly entries = new Map<string, string>();
  readonly calls: KeychainCall[] = [];
  crash: CrashPlan = () => null;

  /** Entries of one service, account → password. */
  accounts(service: string): Map<string, string> {
    const out = new Map<string, string>();
    for (const [id, password] of this.entries) {
      const [s, account] = JSON.parse(id) as [string, string];
      if (s === service) out.set(account, password);
    }
    return out;
  }

  getPassword(service: string, account: string): Promise<string | null> {
    return this.run({ op: 'get', service, account }, () => this.entries.get(id(service, account)) ?? null);
  }

  setPassword(service: string, account: string, password: string): Promise<void> {
    return this.run({ op: 'set', service, account }, () => void this.entries.set(id(service, account), password));
  }

  deletePassword(service: string, account: string): Promise<boolean> {
    return this.run({ op: 'delete', service, account }, () => this.entries.delete(id(service, account)));
  }

  private async run<T>(call: KeychainCall, effect: () => T): Promise<T> {
    await new Promise((resolve) => setImmediate(resolve));
    const when = this.crash(call, this.calls.length);
    this.calls.push(call);
    if (when === 'before') throw new Error(`injected crash before ${call.op}`);
    const result = effect();
    if (when === 'after') throw new Error(`injected crash after ${call.op}`);
    return result;
  }
}

function id(service: string, account: string): string {
  return JSON.stringify([service, account]);
}

/** Test values: short, and ~10 KB of ASCII, Cyrillic and emoji (1, 2 and 4 UTF-8 bytes per code point). */
export const VALUES = {
  short: 'rt_short-refresh-token',
  shortCyrillic: 'секрет-клиента-✓',
  longAscii: 'A1b2C3d4'.repeat(1280),
  longCyrillic: 'Привет, мир! '.repeat(470),
  longEmoji: 'token🔑🚀x'.repeat(700),
  longMixed: Array.from({ length: 4100 }, (_, i) => ['a', 'ж', '€', '😀'][i % 4]).join(''),
} as const;
