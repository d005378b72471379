import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  describeWriteFailure,
  openJsonFile,
  readJsonFile,
  readNotice,
  unreadableReason,
  UnreadableFileError,
  writeJsonFile,
} from '../../../main/core/storage/json-file';

const NOW = Date.UTC(2026, 10, 25, 12, 30, 45, 678);
const now = () => NOW;
const STAMP = '2026-11-25T12-30-45-678Z';
const schema = z.object({ version: z.literal(1), items: z.array(z.object({ name: z.string() })) });
const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'amc-json-'));
const errno = (
  code: string,
  message = `${code}: failed, open '/home/alice/.config/ApprovalMax Connect/.connections.json.tmp'`,
) => Object.assign(new Error(message), { code, path: '/home/alice/.config/ApprovalMax Connect/connections.json' });

describe('writeJsonFile and readJsonFile', () => {
  it('round-trips a value and reads a missing file as missing', async () => {
    const file = path.join(tmp(), 'data.json');
    expect(await readJsonFile(file, schema, now)).toEqual({ kind: 'missing' });
    const value = { version: 1 as const, items: [{ name: 'Northwind' }, { name: 'Kiwi "Plumbing"' }] };
    await writeJsonFile(file, value);
    expect(await readJsonFile(file, schema, now)).toEqual({ kind: 'ok', value });
  });

  it('replaces the old content, leaves no temp file and keeps the file private (0600)', async () => {
    const dir = tmp();
    const file = path.join(dir, 'data.json');
    await writeJsonFile(file, { version: 1, items: [{ name: 'old' }] });
    await writeJsonFile(file, { version: 1, items: [{ name: 'new' }] });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ version: 1, items: [{ name: 'new' }] });
    expect(readdirSync(dir)).toEqual(['data.json']);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('leaves the old file intact when the write fails half-way (value cannot be serialised)', async () => {
    const dir = tmp();
    const file = path.join(dir, 'data.json');
    await writeJsonFile(file, { version: 1, items: [{ name: 'kept' }] });
    const before = readFileSync(file, 'utf8');
    const circular: Record<string, unknown> = { version: 1 };
    circular.self = circular;
    await expect(writeJsonFile(file, circular)).rejects.toThrow(TypeError);
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(readdirSync(dir)).toEqual(['data.json']);
  });

  it('fails without creating anything when the folder is missing', async () => {
    const dir = tmp();
    const file = path.join(dir, 'gone', 'data.json');
    await expect(writeJsonFile(file, { version: 1, items: [] })).rejects.toMatchObject({ code: 'ENOENT' });
    expect(existsSync(path.join(dir, 'gone'))).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('leaves neither a changed target nor a stray temp file when the final rename fails', async () => {
    const dir = tmp();
    const file = path.join(dir, 'data.json');
    // A non-empty folder where the file should be: rename() over it fails (EISDIR/ENOTEMPTY), even as root.
    mkdirSync(file);
    writeFileSync(path.join(file, 'inside'), 'x');
    await expect(writeJsonFile(file, { version: 1, items: [] })).rejects.toThrow();
    expect(readdirSync(file)).toEqual(['inside']);
    expect(readdirSync(dir)).toEqual(['data.json']);
  });

  it('moves invalid JSON aside, reports it, and then reads the original name as missing', async () => {
    const dir = tmp();
    const file = path.join(dir, 'data.json');
    writeFileSync(file, '{"version":1,"items":[');
    const read = await readJsonFile(file, schema, now);
    expect(read).toEqual({ kind: 'corrupt', keptAs: `${file}.corrupt-${STAMP}`, reason: 'it is not valid JSON' });
    expect(readFileSync(`${file}.corrupt-${STAMP}`, 'utf8')).toBe('{"version":1,"items":[');
    expect(existsSync(file)).toBe(false);
    expect(await readJsonFile(file, schema, now)).toEqual({ kind: 'missing' });
  });

  it('moves a file of the wrong shape aside and names the first wrong field', async () => {
    const dir = tmp();
    const file = path.join(dir, 'data.json');
    const text = JSON.stringify({ version: 1, items: [{ name: 42 }] });
    writeFileSync(file, text);
    const read = await readJsonFile(file, schema, now);
    expect(read.kind).toBe('corrupt');
    if (read.kind !== 'corrupt') return;
    expect(read.reason).toBe('it does not have the expected shape (items.0.name)');
    expect(readFileSync(read.keptAs, 'utf8')).toBe(text);
    expect(readdirSync(dir)).toEqual([path.basename(read.keptAs)]);
    expect(await readJsonFile(file, schema, now)).toEqual({ kind: 'missing' });
  });

  it('reports a wrong top-level type as "top level"', async () => {
    const file = path.join(tmp(), 'data.json');
    writeFileSync(file, '[1, 2]');
    expect(await readJsonFile(file, schema, now)).toMatchObject({
      kind: 'corrupt',
      reason: 'it does not have the expected shape (top level)',
    });
  });

  it('reports a file that exists but cannot be read as unreadable, and moves nothing', async () => {
    const dir = tmp();
    const file = path.join(dir, 'data.json');
    mkdirSync(file);
    expect(await readJsonFile(file, schema, now)).toEqual({
      kind: 'unreadable',
      reason: 'a folder stands where the file should be',
    });
    expect(readdirSync(dir)).toEqual(['data.json']);
    expect(statSync(file).isDirectory()).toBe(true);
  });
});

describe('unreadableReason', () => {
  it.each([
    ['EACCES', 'this user account is not allowed to read it'],
    ['EPERM', 'this user account is not allowed to read it'],
    ['EBUSY', 'another program is holding it (an antivirus scan or a sync client such as OneDrive)'],
    ['EISDIR', 'a folder stands where the file should be'],
    ['EIO', 'the system refused (EIO)'],
    ['ENOTDIR', 'the system refused (ENOTDIR)'],
  ])('explains %s in plain words', (code, reason) => {
    expect(unreadableReason(errno(code))).toBe(reason);
  });

  it('copes with errors that are not errors', () => {
    for (const error of [undefined, null, 'boom', 42, {}])
      expect(unreadableReason(error)).toBe('the system refused (no error code)');
  });
});

describe('openJsonFile', () => {
  it('gives a writer that refuses, and touches nothing, when the file was unreadable at start', async () => {
    const dir = tmp();
    const file = path.join(dir, 'data.json');
    mkdirSync(file);
    const { read, write } = await openJsonFile(file, schema, now);
    expect(read.kind).toBe('unreadable');
    await expect(write({ version: 1, items: [] })).rejects.toBeInstanceOf(UnreadableFileError);
    await expect(write({ version: 1, items: [] }, { flush: false })).rejects.toMatchObject({
      code: 'UNREADABLE_AT_START',
      file,
    });
    expect(readdirSync(dir)).toEqual(['data.json']);
    expect(readdirSync(file)).toEqual([]);
  });

  it('gives a working writer when the file was missing or corrupt', async () => {
    const dir = tmp();
    const file = path.join(dir, 'data.json');
    await (await openJsonFile(file, schema, now)).write({ version: 1, items: [{ name: 'first' }] });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ version: 1, items: [{ name: 'first' }] });
    writeFileSync(file, 'oops');
    const { read, write } = await openJsonFile(file, schema, now);
    expect(read.kind).toBe('corrupt');
    await write({ version: 1, items: [] });
    expect(readFileSync(`${file}.corrupt-${STAMP}`, 'utf8')).toBe('oops');
  });
});

describe('readNotice', () => {
  const consequence = { corrupt: 'a new list started', unreadable: 'The list is not saved.' };
  const file = '/home/alice/.config/ApprovalMax Connect/data.json';

  it('says nothing when the file was fine or absent', () => {
    expect(readNotice({ kind: 'ok', value: 1 }, 'The list', file, consequence)).toEqual([]);
    expect(readNotice({ kind: 'missing' }, 'The list', file, consequence)).toEqual([]);
  });

  it('says where a corrupt file was kept', () => {
    expect(
      readNotice(
        { kind: 'corrupt', keptAs: `${file}.corrupt-x`, reason: 'it is not valid JSON' },
        'The list',
        file,
        consequence,
      ),
    ).toEqual([
      `The list could not be read because it is not valid JSON. The file was kept as ${file}.corrupt-x; a new list started.`,
    ]);
  });

  it('names an unreadable file, says nothing in it was changed, and what to do', () => {
    expect(
      readNotice(
        { kind: 'unreadable', reason: 'this user account is not allowed to read it' },
        'The list',
        file,
        consequence,
      ),
    ).toEqual([
      `The list (${file}) could not be read because this user account is not allowed to read it. The app started without that file and changed nothing in it. ` +
        `The list is not saved. Check the file's permissions or close the program holding it, then restart the app.`,
    ]);
  });
});

describe('describeWriteFailure', () => {
  it.each([
    ['ENOSPC', 'the disk is full'],
    ['EACCES', 'the app is not allowed to write to its data folder'],
    ['EPERM', 'the app is not allowed to write to its data folder'],
    ['EIO', 'the file could not be written'],
  ])('explains %s in plain words', (code, why) => {
    const message = describeWriteFailure(errno(code), 'the connection');
    expect(message).toBe(
      `Could not save the connection because ${why}. Nothing was lost: free some space or check the folder's permissions, then try again.`,
    );
  });

  it('names neither the path, the user nor the raw error', () => {
    for (const code of ['ENOSPC', 'EACCES', 'EROFS']) {
      const message = describeWriteFailure(errno(code), 'the environment');
      expect(message).not.toMatch(/alice|\.config|connections\.json|\.tmp|ENOSPC|EACCES|EROFS|\//);
    }
  });

  it('copes with errors that are not errors', () => {
    for (const error of [undefined, null, 'boom', 42, {}]) {
      expect(describeWriteFailure(error, 'the change')).toContain(
        'Could not save the change because the file could not be written.',
      );
    }
  });

  it('says a file unreadable at start is left untouched, without naming its path', () => {
    const message = describeWriteFailure(
      new UnreadableFileError('/home/alice/.config/ApprovalMax Connect/connections.json'),
      'the connection',
    );
    expect(message).toBe(
      "Could not save the connection because its file could not be read when the app started, so the app leaves that file untouched. Nothing was lost: check the file's permissions or close the program holding it, then restart the app.",
    );
  });
});
