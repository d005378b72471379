import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BackgroundSaver, writeJsonFile } from '../../../main/core/storage/json-file';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A store's state and a saver over it whose writes are recorded, and held open until released when `gated`. */
function store(gated = false) {
  const state = { value: 0 };
  const written: number[] = [];
  const errors: unknown[] = [];
  const gates: (() => void)[] = [];
  let failNext = false;
  const saver = new BackgroundSaver(
    async () => {
      const snapshot = state.value; // taken when the write starts, as a JSON file's text is
      if (gated) await new Promise<void>((release) => gates.push(release));
      if (failNext) {
        failNext = false;
        throw Object.assign(new Error('disk full'), { code: 'ENOSPC' });
      }
      written.push(snapshot);
    },
    (error) => errors.push(error),
  );
  const change = (value: number) => {
    state.value = value;
    return saver.changed();
  };
  return { saver, change, written, errors, gates, failOnce: () => (failNext = true) };
}

describe('BackgroundSaver', () => {
  it('starts no write while the caller runs: the write starts on a later turn', async () => {
    const { change, written } = store();
    void change(1);
    expect(written).toEqual([]);
    await nextTurn();
    await nextTurn();
    expect(written).toEqual([1]);
  });

  it('saves a burst of changes in one write holding the last state, and each change resolves once it is on disk', async () => {
    const { change, written } = store();
    const done = [change(1), change(2), change(3)];
    await Promise.all(done);
    expect(written).toEqual([3]);
  });

  it('saves a change made during a write with the next write, so an older state never lands after a newer one', async () => {
    const { change, written, gates } = store(true);
    const first = change(1);
    await nextTurn(); // the first write has started and holds state 1
    const second = change(2);
    const third = change(3);
    gates.shift()!();
    await first;
    expect(written).toEqual([1]);
    await nextTurn();
    gates.shift()!();
    await Promise.all([second, third]);
    expect(written).toEqual([1, 3]);
  });

  it('flush() starts a waiting write at once and resolves when every change so far is on disk', async () => {
    const { saver, change, written } = store();
    void change(1);
    void change(2);
    await saver.flush();
    expect(written).toEqual([2]);
    await saver.flush(); // nothing waiting: resolves without writing again
    expect(written).toEqual([2]);
  });

  it('flush() also waits for a write queued behind the running one', async () => {
    const { saver, change, written, gates } = store(true);
    void change(1);
    await nextTurn();
    void change(2);
    await nextTurn(); // the second write is queued behind the first
    const flushed = saver.flush();
    gates.shift()!();
    await nextTurn();
    gates.shift()!();
    await flushed;
    expect(written).toEqual([1, 2]);
  });

  it('reports a failed write and never rejects; the next change is saved again', async () => {
    const { change, written, errors, failOnce } = store();
    failOnce();
    await expect(change(1)).resolves.toBeUndefined();
    expect(errors).toEqual([expect.objectContaining({ code: 'ENOSPC' })]);
    await change(2);
    expect(written).toEqual([2]);
  });
});

describe('writeJsonFile options', () => {
  it('writes compact JSON when asked, indented otherwise', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'amc-json-'));
    await writeJsonFile(path.join(dir, 'compact.json'), { version: 1, items: [{ name: 'a' }] }, { compact: true });
    await writeJsonFile(path.join(dir, 'pretty.json'), { version: 1, items: [{ name: 'a' }] });
    expect(readFileSync(path.join(dir, 'compact.json'), 'utf8')).toBe('{"version":1,"items":[{"name":"a"}]}\n');
    expect(readFileSync(path.join(dir, 'pretty.json'), 'utf8')).toContain('\n  "version": 1,');
    expect(readdirSync(dir).sort()).toEqual(['compact.json', 'pretty.json']);
  });

  it('writes the value as it was at the call, even if it changes while the file is being opened', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'amc-json-'));
    const value = { version: 1, items: [{ name: 'before' }] };
    const writing = writeJsonFile(path.join(dir, 'data.json'), value);
    value.items[0]!.name = 'after';
    await writing;
    expect(JSON.parse(readFileSync(path.join(dir, 'data.json'), 'utf8'))).toEqual({
      version: 1,
      items: [{ name: 'before' }],
    });
  });
});
