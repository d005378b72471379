import { describe, expect, it } from 'vitest';
import { ChunkedSecretStore } from '../../../main/secrets/chunked-secret-store';
import { SecretStoreError } from '../../../main/secrets/secret-store-error';
import { FakeKeychain, VALUES, type KeychainCall } from './fake-keychain';

// The chunked store over a fake keychain: sizes are checked on what the keychain holds, and crashes
// are injected at every single keychain call of a write or delete.
const SERVICE = 'ApprovalMax Connect (unit)';
const KEY = 'connection/0b7e2c1a-1111-4a4a-9999-0123456789ab/refresh-token';
const CHUNK = /^amc-internal:chunk:[ab]:\d+:/;

function setup() {
  const keychain = new FakeKeychain();
  return { keychain, store: new ChunkedSecretStore(SERVICE, keychain) };
}

/** The accounts holding `key`'s data: its pointer and its chunks. */
function entriesOf(keychain: FakeKeychain, key: string): string[] {
  return [...keychain.accounts(SERVICE).keys()].filter(
    (a) => a === key || (a.replace(CHUNK, '') === key && CHUNK.test(a)),
  );
}

describe('ChunkedSecretStore', () => {
  it.each(Object.entries(VALUES))('round-trips the %s value', async (_, value) => {
    const { keychain, store } = setup();
    await store.set(KEY, value);
    expect(await store.get(KEY)).toBe(value);
    // A second store over the same keychain reads it too: nothing lives only in the store object.
    expect(await new ChunkedSecretStore(SERVICE, keychain).get(KEY)).toBe(value);
  });

  it('keeps a short value in one entry, stored as itself', async () => {
    const { keychain, store } = setup();
    await store.set(KEY, VALUES.shortCyrillic);
    expect([...keychain.accounts(SERVICE)]).toEqual([[KEY, VALUES.shortCyrillic]]);
  });

  it.each(Object.entries(VALUES).filter(([name]) => name.startsWith('long')))(
    'splits the %s value into entries of at most 2,000 UTF-8 bytes',
    async (_, value) => {
      const { keychain, store } = setup();
      await store.set(KEY, value);
      const held = [...keychain.accounts(SERVICE).values()];
      expect(held.length).toBeGreaterThanOrEqual(1 + Math.ceil(Buffer.byteLength(value) / 2000));
      for (const password of held) expect(Buffer.byteLength(password, 'utf8')).toBeLessThanOrEqual(2000);
      // No chunk is cut inside a code point: each one survives a UTF-8 round trip unchanged.
      for (const password of held) expect(Buffer.from(password, 'utf8').toString('utf8')).toBe(password);
    },
  );

  it('treats a value that looks like its own manifest as a value', async () => {
    const { store } = setup();
    const tricky = 'amc-chunked-secret:v1:a:AAAAAAAAAAAA:1:' + 'x'.repeat(43);
    await store.set(KEY, tricky);
    expect(await store.get(KEY)).toBe(tricky);
  });

  it('reads a plain entry written before chunking existed', async () => {
    const { keychain, store } = setup();
    await keychain.setPassword(SERVICE, KEY, 'legacy-secret');
    expect(await store.get(KEY)).toBe('legacy-secret');
  });

  it.each([
    ['long → short', VALUES.longEmoji, VALUES.short],
    ['short → long', VALUES.short, VALUES.longCyrillic],
    ['long → long', VALUES.longAscii, VALUES.longMixed],
    ['long → same long', VALUES.longAscii, VALUES.longAscii],
  ])("overwrites %s and leaves only the new value's entries", async (_, first, second) => {
    const { keychain, store } = setup();
    await store.set(KEY, first);
    await store.set(KEY, second);
    expect(await store.get(KEY)).toBe(second);
    const fresh = setup();
    await fresh.store.set(KEY, second);
    expect(entriesOf(keychain, KEY).length).toBe(entriesOf(fresh.keychain, KEY).length);
  });

  it('deletes every entry of the key and nothing of other keys', async () => {
    const { keychain, store } = setup();
    const others = ['environment/sandbox/client-secret', `${KEY}/x`, KEY.slice(0, -1), `x${KEY}`];
    for (const other of others) await store.set(other, VALUES.longAscii);
    const before = new Map([...keychain.accounts(SERVICE)].filter(([a]) => !entriesOf(keychain, KEY).includes(a)));
    await store.set(KEY, VALUES.longEmoji);
    expect(await store.delete(KEY)).toBe(true);
    expect(await store.get(KEY)).toBeNull();
    expect(keychain.accounts(SERVICE)).toEqual(before);
    for (const other of others) expect(await store.get(other)).toBe(VALUES.longAscii);
    expect(await store.delete(KEY)).toBe(false);
  });

  it("touches only the key's own entries, in its own service", async () => {
    const { keychain, store } = setup();
    await store.set('environment/sandbox/client-secret', VALUES.longMixed);
    await keychain.setPassword('another service', KEY, 'not ours');
    keychain.calls.length = 0;
    await store.set(KEY, VALUES.longAscii);
    await store.get(KEY);
    await store.set(KEY, VALUES.short);
    await store.set(KEY, VALUES.longEmoji);
    await store.delete(KEY);
    expect(keychain.calls.length).toBeGreaterThan(10);
    for (const call of keychain.calls) {
      expect(call.service).toBe(SERVICE);
      expect(call.account === KEY || (CHUNK.test(call.account) && call.account.replace(CHUNK, '') === KEY)).toBe(true);
    }
    expect(await keychain.getPassword('another service', KEY)).toBe('not ours');
  });

  it("refuses keys in the store's reserved namespace", async () => {
    const { store } = setup();
    await expect(store.set('amc-internal:chunk:a:0:x', 'v')).rejects.toThrow(RangeError);
    await expect(store.get('')).rejects.toThrow(RangeError);
  });

  it('serialises concurrent calls on a key, so a read never sees a half-done write', async () => {
    const { store } = setup();
    await store.set(KEY, VALUES.longAscii);
    const results = await Promise.all([
      store.get(KEY),
      store.set(KEY, VALUES.longEmoji),
      store.get(KEY),
      store.set(KEY, VALUES.short),
      store.get(KEY),
    ]);
    expect([results[0], results[2], results[4]]).toEqual([VALUES.longAscii, VALUES.longEmoji, VALUES.short]);
  });

  it('wraps keychain failures in a SecretStoreError that never holds the value', async () => {
    const { keychain, store } = setup();
    keychain.crash = (call) => (call.op === 'set' ? 'before' : null);
    const error = await store.set(KEY, VALUES.longCyrillic).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SecretStoreError);
    const e = error as SecretStoreError;
    expect(e.kind).toBe('refused');
    expect(e.message).toMatch(/locked or refused access.*try again/);
    expect((e.cause as Error).message).toBe('injected crash before set');
    for (const text of [e.message, String(e), e.stack ?? '', JSON.stringify(e)]) {
      expect(text).not.toContain(VALUES.longCyrillic.slice(0, 12));
    }
  });

  it.each([
    ['a chunk is altered', (v: string) => v.slice(0, -1) + (v.endsWith('A') ? 'B' : 'A')],
    ['a chunk is missing', () => null],
    ['a chunk is from another write', (v: string) => 'ZZZZZZZZZZZZ' + v.slice(12)],
  ])('reports a damaged value instead of a wrong one when %s', async (_, damage) => {
    const { keychain, store } = setup();
    await store.set(KEY, VALUES.longAscii);
    const account = [...keychain.accounts(SERVICE).keys()].find((a) => CHUNK.test(a) && a.includes(':1:'))!;
    const damaged = damage(keychain.accounts(SERVICE).get(account)!);
    if (damaged === null) await keychain.deletePassword(SERVICE, account);
    else await keychain.setPassword(SERVICE, account, damaged);
    const error = await store.get(KEY).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SecretStoreError);
    expect((error as SecretStoreError).kind).toBe('damaged');
    expect((error as SecretStoreError).message).not.toContain('A1b2C3d4');
    // Writing again repairs it.
    await store.set(KEY, VALUES.longMixed);
    expect(await store.get(KEY)).toBe(VALUES.longMixed);
  });
});

// A crash is an exception from the keychain at one call; "after" means the call took effect first.
type Step = { index: number; when: 'before' | 'after'; call: KeychainCall; label: string };

/** Every call a write of `next` over `prev` makes, labelled by the phase it belongs to. */
async function stepsOf(prev: string | null, next: string | null): Promise<Step[]> {
  const { keychain, store } = setup();
  if (prev !== null) await store.set(KEY, prev);
  const start = keychain.calls.length;
  await (next === null ? store.delete(KEY) : store.set(KEY, next));
  const calls = keychain.calls.slice(start);
  const switchAt = calls.findIndex((c) => c.account === KEY && c.op !== 'get');
  const chunkWrites = calls.map((c, i) => (c.op === 'set' && c.account !== KEY ? i : -1)).filter((i) => i >= 0);
  const label = (i: number, when: string) =>
    i < switchAt || (i === switchAt && when === 'before')
      ? chunkWrites.length && i <= chunkWrites[0]!
        ? 'before first chunk'
        : i <= chunkWrites.at(-1)!
          ? 'mid-chunks'
          : 'before switch'
      : i === switchAt
        ? 'at switch'
        : 'after switch, before cleanup';
  return calls.flatMap((call, i) =>
    (['before', 'after'] as const).map((when) => ({ index: start + i, when, call, label: label(i, when) })),
  );
}

describe('ChunkedSecretStore after a crash at any step', () => {
  it.each([
    ['none → long', null, VALUES.longEmoji],
    ['short → long', VALUES.short, VALUES.longAscii],
    ['long → long', VALUES.longCyrillic, VALUES.longMixed],
    ['long → short', VALUES.longMixed, VALUES.shortCyrillic],
    ['long → deleted', VALUES.longAscii, null],
    ['short → deleted', VALUES.short, null],
  ])('%s: reads the whole old or the whole new value, and the next write cleans up', async (_, prev, next) => {
    const steps = await stepsOf(prev, next);
    const labels = new Set<string>();
    // Follow-ups smaller than what crashed, so orphans cannot hide by being overwritten.
    for (const step of steps)
      for (const followUp of [VALUES.short, 'm'.repeat(2500)]) {
        const { keychain, store } = setup();
        if (prev !== null) await store.set(KEY, prev);
        keychain.crash = (_, index) => (index === step.index ? step.when : null);
        const run = next === null ? store.delete(KEY) : store.set(KEY, next);
        await expect(run).rejects.toBeInstanceOf(SecretStoreError);
        keychain.crash = () => null;

        const expected = /switch,|at switch/.test(step.label) ? next : prev;
        expect(await store.get(KEY), `${step.label} (${step.when} ${step.call.op} #${step.index})`).toBe(expected);
        labels.add(step.label);

        // The next write leaves exactly the entries a clean write would; a delete leaves none.
        await store.set(KEY, followUp);
        const clean = setup();
        await clean.store.set(KEY, followUp);
        expect(entriesOf(keychain, KEY).length, `${step.label} (${step.when} #${step.index})`).toBe(
          entriesOf(clean.keychain, KEY).length,
        );
        expect(await store.get(KEY)).toBe(followUp);
        await store.delete(KEY);
        expect(keychain.accounts(SERVICE).size).toBe(0);
      }
    const long = (v: string | null) => v !== null && Buffer.byteLength(v) > 2000;
    const phases = [...(long(next) ? ['before first chunk', 'mid-chunks', 'before switch'] : []), 'at switch'];
    if (long(prev)) phases.push('after switch, before cleanup');
    for (const phase of phases) expect(labels).toContain(phase);
  });

  it('cleans orphans left by a crashed delete on the next delete', async () => {
    const { keychain, store } = setup();
    await store.set(KEY, VALUES.longAscii);
    let deletes = 0;
    keychain.crash = (call) => (call.op === 'delete' && ++deletes === 3 ? 'before' : null);
    await expect(store.delete(KEY)).rejects.toBeInstanceOf(SecretStoreError);
    keychain.crash = () => null;
    expect(await store.get(KEY)).toBeNull();
    expect(keychain.accounts(SERVICE).size).toBeGreaterThan(0);
    expect(await store.delete(KEY)).toBe(false);
    expect(keychain.accounts(SERVICE).size).toBe(0);
  });
});
