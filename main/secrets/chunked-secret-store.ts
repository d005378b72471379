import type { SecretStore } from '../core/ports';
import {
  MAX_ENTRY_BYTES,
  RESERVED_PREFIX,
  chunkAccount,
  digestOf,
  fitsInline,
  formatManifest,
  newGeneration,
  parsePointer,
  splitUtf8,
  type Manifest,
  type Slot,
} from './chunk-format';
import type { KeychainBackend } from './keychain-backend';
import { SecretStoreError } from './secret-store-error';

const SLOTS: readonly Slot[] = ['a', 'b'];

/**
 * The SecretStore over a keychain whose entries are small (Windows: 2,560 bytes). Layout per key:
 * the pointer entry (account = key) holds the value itself when it fits, else a manifest naming a
 * slot ('a' or 'b'), a generation id, a chunk count and a SHA-256. A value that fits is one entry
 * write, the first call of its set, and chunks left from before are deleted after it. A long value
 * goes new-then-switch: clean and fill the slot the pointer does not name, switch the pointer (one
 * entry write), then delete the old slot. Within a slot, chunks are written in ascending and deleted in descending order, so
 * what is left after any crash is always chunks 0..n-1 and can be found without listing the service.
 */
export class ChunkedSecretStore implements SecretStore {
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly service: string,
    private readonly backend: KeychainBackend,
  ) {}

  get(key: string): Promise<string | null> {
    return this.serial(key, () => this.read(key));
  }

  set(key: string, value: string): Promise<void> {
    return this.serial(key, () => this.write(key, value));
  }

  delete(key: string): Promise<boolean> {
    return this.serial(key, () => this.remove(key));
  }

  private async read(key: string): Promise<string | null> {
    // A second process may switch the pointer while we read its chunks: if the pointer moved, read again.
    let raw = await this.getEntry(key);
    for (let attempt = 0; ; attempt++) {
      const pointer = parsePointer(raw);
      if (pointer.kind === 'none') return null;
      if (pointer.kind === 'inline') return pointer.value;
      if (pointer.kind === 'damaged') throw SecretStoreError.damaged();
      const value = await this.readChunks(key, pointer.manifest);
      if (value !== null) return value;
      const again = await this.getEntry(key);
      if (again === raw || attempt >= 2) throw SecretStoreError.damaged();
      raw = again;
    }
  }

  /** The whole value the manifest describes, or null if any chunk is missing, foreign or altered. */
  private async readChunks(key: string, m: Manifest): Promise<string | null> {
    const stamp = `${m.generation}:`;
    const parts: string[] = [];
    for (let i = 0; i < m.count; i++) {
      const chunk = await this.getEntry(chunkAccount(key, m.slot, i));
      if (chunk === null || !chunk.startsWith(stamp)) return null;
      parts.push(chunk.slice(stamp.length));
    }
    const value = parts.join('');
    return digestOf(value) === m.digest ? value : null;
  }

  private async write(key: string, value: string): Promise<void> {
    if (fitsInline(value)) {
      // The switch comes first, with no keychain call before it: a value that fits is durable after ONE
      // entry write (a rotated refresh token must not wait on reads). Chunks of an earlier value are no
      // longer named by the pointer; they are found by probing and deleted after.
      await this.setEntry(key, value); // the switch
      await this.cleanSlots(key, SLOTS);
      return;
    }
    const current = parsePointer(await this.getEntry(key));
    const live = current.kind === 'chunked' ? current.manifest : null;
    const slot: Slot = live?.slot === 'a' ? 'b' : 'a';
    await this.cleanSlots(key, live ? [slot] : SLOTS);
    const generation = newGeneration();
    const stamp = `${generation}:`;
    const chunks = splitUtf8(value, MAX_ENTRY_BYTES - Buffer.byteLength(stamp, 'utf8'));
    for (const [i, chunk] of chunks.entries()) await this.setEntry(chunkAccount(key, slot, i), stamp + chunk);
    await this.setEntry(key, formatManifest({ slot, generation, count: chunks.length, digest: digestOf(value) })); // the switch
    if (live) await this.cleanSlot(key, live.slot, live.count);
  }

  private async remove(key: string): Promise<boolean> {
    const current = parsePointer(await this.getEntry(key));
    // Pointer first: once it is gone the key reads as absent, whatever chunks a crash leaves behind.
    const existed = await this.call(() => this.backend.deletePassword(this.service, key));
    const live = current.kind === 'chunked' ? current.manifest : null;
    for (const slot of SLOTS) await this.cleanSlot(key, slot, live?.slot === slot ? live.count : 0);
    return existed;
  }

  private async cleanSlots(key: string, slots: readonly Slot[]): Promise<void> {
    for (const slot of slots) await this.cleanSlot(key, slot, 0);
  }

  /** Deletes a slot's chunks, highest first; `known` chunks are known to exist, the rest are found by probing. */
  private async cleanSlot(key: string, slot: Slot, known: number): Promise<void> {
    let count = known;
    while ((await this.getEntry(chunkAccount(key, slot, count))) !== null) count++;
    for (let i = count - 1; i >= 0; i--) {
      await this.call(() => this.backend.deletePassword(this.service, chunkAccount(key, slot, i)));
    }
  }

  private getEntry(account: string): Promise<string | null> {
    return this.call(() => this.backend.getPassword(this.service, account));
  }

  private setEntry(account: string, password: string): Promise<void> {
    return this.call(() => this.backend.setPassword(this.service, account, password));
  }

  private async call<T>(op: () => Promise<T>): Promise<T> {
    try {
      return await op();
    } catch (error) {
      throw SecretStoreError.refused(error);
    }
  }

  /** One operation per key at a time in this process, so a read never meets a half-done write of ours. */
  private serial<T>(key: string, op: () => Promise<T>): Promise<T> {
    if (key.length === 0 || key.startsWith(RESERVED_PREFIX)) {
      return Promise.reject(
        new RangeError(`Secret keys must be non-empty and must not start with "${RESERVED_PREFIX}".`),
      );
    }
    const result = (this.queues.get(key) ?? Promise.resolve()).then(op);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.queues.set(key, tail);
    void tail.then(() => {
      if (this.queues.get(key) === tail) this.queues.delete(key);
    });
    return result;
  }
}
