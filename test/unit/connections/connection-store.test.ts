import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConnectionStore, type ConnectionRecord } from '../../../main/core/connections/connection-store';
import { describeWriteFailure } from '../../../main/core/storage/json-file';

const now = () => Date.UTC(2026, 10, 25, 9, 15, 0);
const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'amc-conns-'));
const fileIn = (dir: string) => path.join(dir, 'connections.json');
const record = (id: string, change: Partial<ConnectionRecord> = {}): ConnectionRecord => ({
  id,
  label: `Connection ${id}`,
  environmentId: 'production',
  organisations: [{ companyId: 'c-1', name: 'Northwind Traders Ltd' }],
  connectionId: `conn-${id}`,
  subject: 'user-1',
  scopes: ['offline_access'],
  createdAt: '2026-11-25T09:00:00.000Z',
  lastRefreshedAt: null,
  expiresAt: '2026-11-25T10:00:00.000Z',
  status: 'connected',
  statusMessage: null,
  renewal: 'offline',
  ...change,
});

describe('ConnectionStore', () => {
  it('starts empty without creating a file', async () => {
    const dir = tmp();
    const { store, notices } = await ConnectionStore.open(dir, now);
    expect(store.list()).toEqual([]);
    expect(notices).toEqual([]);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('writes a versioned connections.json and reads it back after a restart', async () => {
    const dir = tmp();
    const { store } = await ConnectionStore.open(dir, now);
    await store.put(record('a'));
    await store.put(record('b', { status: 'needs-reconnect', statusMessage: 'Reconnect.' }));
    expect(JSON.parse(readFileSync(fileIn(dir), 'utf8'))).toEqual({
      version: 1,
      connections: [record('a'), record('b', { status: 'needs-reconnect', statusMessage: 'Reconnect.' })],
    });
    const reopened = await ConnectionStore.open(dir, now);
    expect(reopened.store.list()).toEqual(store.list());
    expect(reopened.store.get('b')?.status).toBe('needs-reconnect');
    expect(readdirSync(dir)).toEqual(['connections.json']);
  });

  it('replaces a record with the same id instead of adding a second', async () => {
    const { store } = await ConnectionStore.open(tmp(), now);
    await store.put(record('a'));
    await store.put(record('a', { label: 'Renamed' }));
    expect(store.list()).toEqual([record('a', { label: 'Renamed' })]);
  });

  it('removes a record from memory and from disk', async () => {
    const dir = tmp();
    const { store } = await ConnectionStore.open(dir, now);
    await store.put(record('a'));
    await store.put(record('b'));
    await store.remove('a');
    expect(store.get('a')).toBeUndefined();
    expect(JSON.parse(readFileSync(fileIn(dir), 'utf8')).connections.map((c: ConnectionRecord) => c.id)).toEqual(['b']);
  });

  it('changes nothing in memory when the file cannot be written', async () => {
    const dir = tmp();
    const { store } = await ConnectionStore.open(dir, now);
    await store.put(record('a'));
    rmSync(dir, { recursive: true });
    await expect(store.put(record('a', { label: 'Lost' }))).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(store.put(record('b'))).rejects.toThrow();
    await expect(store.remove('a')).rejects.toThrow();
    expect(store.list()).toEqual([record('a')]);
  });

  it('keeps a corrupt connections.json aside with a notice and starts empty', async () => {
    const dir = tmp();
    writeFileSync(fileIn(dir), 'not json at all');
    const { store, notices } = await ConnectionStore.open(dir, now);
    const keptAs = `${fileIn(dir)}.corrupt-2026-11-25T09-15-00-000Z`;
    expect(store.list()).toEqual([]);
    expect(notices).toEqual([
      `Your saved connections could not be read because it is not valid JSON. The file was kept as ${keptAs}; connect your organisations again, or send that file to support.`,
    ]);
    expect(readFileSync(keptAs, 'utf8')).toBe('not json at all');
    await store.put(record('a'));
    expect(readFileSync(keptAs, 'utf8')).toBe('not json at all');
  });

  it.each([
    [{ version: 2, connections: [] }, 'version'],
    [{ version: 1, connections: [{ ...record('a'), status: 'refreshing' }] }, 'connections.0.status'],
    [{ version: 1, connections: [{ ...record('a'), organisations: 'all' }] }, 'connections.0.organisations'],
  ])('treats a file of the wrong shape as corrupt and names the field: %j', async (content, field) => {
    const dir = tmp();
    writeFileSync(fileIn(dir), JSON.stringify(content));
    const { store, notices } = await ConnectionStore.open(dir, now);
    expect(store.list()).toEqual([]);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain(`it does not have the expected shape (${field})`);
    expect(readdirSync(dir)).toEqual(['connections.json.corrupt-2026-11-25T09-15-00-000Z']);
  });

  it('starts empty without an unreadable connections.json (a folder in its place), names it, and never writes it', async () => {
    const dir = tmp();
    mkdirSync(fileIn(dir));
    writeFileSync(path.join(fileIn(dir), 'inside'), 'kept');
    const { store, notices } = await ConnectionStore.open(dir, now);
    expect(store.list()).toEqual([]);
    expect(notices).toEqual([
      `Your saved connections (${fileIn(dir)}) could not be read because a folder stands where the file should be. The app started without that file and changed nothing in it. ` +
        `Your connections are missing for now and new ones cannot be saved; there is no need to connect your organisations again. ` +
        `Check the file's permissions or close the program holding it, then restart the app.`,
    ]);
    const failure = await store.put(record('a')).catch((error: unknown) => error);
    expect(describeWriteFailure(failure, 'the connection')).toContain(
      'Could not save the connection because its file could not be read when the app started',
    );
    await expect(store.remove('a')).rejects.toMatchObject({ code: 'UNREADABLE_AT_START' });
    expect(store.list()).toEqual([]);
    expect(readdirSync(dir)).toEqual(['connections.json']);
    expect(readdirSync(fileIn(dir))).toEqual(['inside']);
    expect(readFileSync(path.join(fileIn(dir), 'inside'), 'utf8')).toBe('kept');
  });
});
