import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EnvironmentInput } from '../../../preload/contract';
import { EnvironmentStore } from '../../../main/core/environments/environment-store';
import { PRODUCTION, type Environment } from '../../../main/core/environments/environments';
import { MemorySecretStore } from '../core/fakes';

const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);
const now = () => NOW;
const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'amc-envs-'));
const fileIn = (dir: string) => path.join(dir, 'environments.json');
const CALLBACK = 'https://approvalmax-connect.invalid/callback';
const admin: Environment = {
  id: 'staging',
  name: 'Staging (IT)',
  kind: 'custom',
  source: 'admin',
  issuer: 'https://identity.staging.example.com',
  apiBase: 'https://api.staging.example.com',
  clientId: 'ADMIN-CLIENT',
  redirectUri: CALLBACK,
  scopes: ['offline_access'],
};
const userInput: EnvironmentInput = {
  name: 'My Sandbox',
  issuer: 'http://127.0.0.1:4010',
  apiBase: 'http://127.0.0.1:4011',
  clientId: 'MY-CLIENT',
  redirectUri: CALLBACK,
  scopes: ['https://www.approvalmax.com/scopes/public_api/read', 'offline_access'],
};

async function open(dir = tmp(), secrets = new MemorySecretStore(), adminSecrets = new Map<string, string>()) {
  const opened = await EnvironmentStore.open(dir, [admin], secrets, now);
  const notices = [...opened.notices, ...(await opened.store.applyAdminSecrets(adminSecrets))];
  return { store: opened.store, notices, secrets, dir };
}

function value<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(`expected ok, got: ${result.error.message}`);
  return result.value;
}

describe('EnvironmentStore', () => {
  it('lists the preset first, then the admin environments, then the user’s', async () => {
    const { store } = await open();
    const added = value(await store.save(userInput));
    expect(store.list().map((e) => [e.id, e.source])).toEqual([
      ['production', 'preset'],
      ['staging', 'admin'],
      [added.id, 'user'],
    ]);
    expect(added).toMatchObject({
      name: 'My Sandbox',
      kind: 'custom',
      source: 'user',
      clientId: 'MY-CLIENT',
      hasClientSecret: false,
    });
  });

  it('lets a preset change only its Client ID, redirect URI and scopes, and keeps that across restarts', async () => {
    const { store, dir, secrets } = await open();
    const saved = value(
      await store.save({
        id: 'production',
        name: 'Hacked',
        issuer: 'https://evil.example.com',
        apiBase: 'https://evil.example.com',
        clientId: 'PROD-ID',
        redirectUri: CALLBACK,
        scopes: ['offline_access'],
      }),
    );
    expect(saved).toMatchObject({
      id: 'production',
      name: PRODUCTION.name,
      issuer: PRODUCTION.issuer,
      apiBase: PRODUCTION.apiBase,
      source: 'preset',
      clientId: 'PROD-ID',
      redirectUri: CALLBACK,
      scopes: ['offline_access'],
    });
    const reopened = await open(dir, secrets);
    expect(reopened.store.get('production')).toMatchObject({
      name: PRODUCTION.name,
      issuer: PRODUCTION.issuer,
      clientId: 'PROD-ID',
      scopes: ['offline_access'],
    });
    expect(reopened.store.list().filter((e) => e.id === 'production')).toHaveLength(1);
  });

  it('lets an admin environment take only a secret', async () => {
    const { store, secrets, dir } = await open();
    const saved = value(
      await store.save({
        ...userInput,
        id: 'staging',
        name: 'Renamed',
        clientId: 'OTHER',
        clientSecret: 'admin-env-secret',
      }),
    );
    expect(saved).toMatchObject({
      id: 'staging',
      name: 'Staging (IT)',
      clientId: 'ADMIN-CLIENT',
      issuer: admin.issuer,
      source: 'admin',
      hasClientSecret: true,
    });
    expect(secrets.entries.get('environment/staging/client-secret')).toBe('admin-env-secret');
    const onDisk = readFileSync(fileIn(dir), 'utf8');
    expect(onDisk).not.toContain('Renamed');
    expect(onDisk).not.toContain('admin-env-secret');
  });

  it('lets a user environment change every field, and keeps it across restarts', async () => {
    const { store, dir, secrets } = await open();
    const added = value(await store.save(userInput));
    const edited = value(
      await store.save({
        ...userInput,
        id: added.id,
        name: 'Renamed sandbox',
        issuer: 'https://id.example.com',
        apiBase: 'https://api.example.com',
        clientId: 'NEW',
        scopes: ['x'],
      }),
    );
    expect(edited).toMatchObject({
      id: added.id,
      name: 'Renamed sandbox',
      issuer: 'https://id.example.com',
      apiBase: 'https://api.example.com',
      clientId: 'NEW',
      scopes: ['x'],
    });
    const reopened = await open(dir, secrets);
    expect(reopened.store.list().filter((e) => e.source === 'user')).toEqual([
      expect.objectContaining({ id: added.id, name: 'Renamed sandbox', clientId: 'NEW' }),
    ]);
  });

  it('keeps the Client Secret in the SecretStore and never in environments.json or the details', async () => {
    const { store, secrets, dir } = await open();
    const secret = 'sEcReT-3f9a1c0d7e2b';
    const added = value(await store.save({ ...userInput, clientSecret: secret }));
    expect(secrets.entries.get(`environment/${added.id}/client-secret`)).toBe(secret);
    expect(await store.clientSecret(added.id)).toBe(secret);
    expect(added.hasClientSecret).toBe(true);
    expect(JSON.stringify(added)).not.toContain(secret);
    expect(JSON.stringify(await Promise.all(store.list().map((e) => store.details(e))))).not.toContain(secret);
    const onDisk = readFileSync(fileIn(dir), 'utf8');
    expect(onDisk).toContain('MY-CLIENT');
    expect(onDisk).not.toContain(secret);
  });

  it('replaces the secret when a new one is given and keeps it when none is', async () => {
    const { store, secrets } = await open();
    const added = value(await store.save({ ...userInput, clientSecret: 'first' }));
    value(await store.save({ ...userInput, id: added.id, clientSecret: 'second' }));
    expect(secrets.entries.get(`environment/${added.id}/client-secret`)).toBe('second');
    const kept = value(await store.save({ ...userInput, id: added.id, name: 'No secret this time' }));
    expect(kept.hasClientSecret).toBe(true);
    expect(secrets.entries.get(`environment/${added.id}/client-secret`)).toBe('second');
  });

  it('removes a user environment together with its secret', async () => {
    const { store, secrets, dir } = await open();
    const added = value(await store.save({ ...userInput, clientSecret: 'to-be-deleted' }));
    expect(await store.remove(added.id)).toEqual({ ok: true, value: null });
    expect(store.get(added.id)).toBeUndefined();
    expect(secrets.entries.has(`environment/${added.id}/client-secret`)).toBe(false);
    expect(JSON.parse(readFileSync(fileIn(dir), 'utf8')).environments).toEqual([]);
  });

  it('refuses to remove a preset or an admin environment, and names an unknown one', async () => {
    const { store, secrets } = await open(undefined, undefined, new Map([['staging', 'kept']]));
    expect(await store.remove('production')).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument', message: expect.stringContaining('Production is built in') },
    });
    expect(await store.remove('staging')).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(secrets.entries.get('environment/staging/client-secret')).toBe('kept');
    expect(await store.remove('nope')).toMatchObject({ ok: false, error: { code: 'unknown-environment' } });
    expect(await store.save({ ...userInput, id: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'unknown-environment' },
    });
  });

  it('gives every environment a unique id, even for names that make the same id or a preset’s or admin’s id', async () => {
    const { store } = await open();
    const ids = [];
    for (const name of ['My Sandbox', 'My-Sandbox', 'my  sandbox!', 'Production!', 'Staging'])
      ids.push(value(await store.save({ ...userInput, name })).id);
    expect(ids[0]).toBe('my-sandbox');
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).not.toContain('production');
    expect(ids).not.toContain('staging');
    const all = store.list().map((e) => e.id);
    expect(new Set(all).size).toBe(all.length);
    expect(all).toHaveLength(7);
  });

  it('writes an admin secret at open once per value: IT can rotate it, a user’s replacement survives restarts', async () => {
    const secrets = new MemorySecretStore();
    let writes = 0;
    const set = secrets.set;
    secrets.set = async (key, v) => (writes++, set(key, v));
    const key = 'environment/staging/client-secret';
    const first = await open(tmp(), secrets, new Map([['staging', 'from-it']]));
    expect(first.notices).toEqual([]);
    expect(secrets.entries.get(key)).toBe('from-it');
    expect(writes).toBe(1);
    expect(readFileSync(fileIn(first.dir), 'utf8')).not.toContain('from-it');
    await open(first.dir, secrets, new Map([['staging', 'from-it']]));
    expect(writes).toBe(1);
    const { store } = await open(first.dir, secrets, new Map([['staging', 'from-it']]));
    value(await store.save({ ...userInput, id: 'staging', clientSecret: 'typed-by-user' }));
    await open(first.dir, secrets, new Map([['staging', 'from-it']]));
    expect(secrets.entries.get(key)).toBe('typed-by-user');
    await open(first.dir, secrets, new Map([['staging', 'rotated']]));
    expect(secrets.entries.get(key)).toBe('rotated');
  });

  it('says so at open when an admin secret cannot be stored in the keychain', async () => {
    const secrets = new MemorySecretStore();
    secrets.set = async () => {
      throw new Error('locked');
    };
    const { notices } = await open(tmp(), secrets, new Map([['staging', 'from-it']]));
    expect(notices).toEqual([expect.stringContaining('could not be stored in the keychain')]);
    expect(notices[0]).not.toContain('from-it');
  });

  it('keeps a corrupt environments.json aside, says so, and starts with presets and admin only', async () => {
    const dir = tmp();
    writeFileSync(fileIn(dir), '{"version":1,"environments":[{"id":');
    const { store, notices } = await open(dir);
    const keptAs = `${fileIn(dir)}.corrupt-2026-11-25T12-00-00-000Z`;
    expect(notices).toEqual([
      `Your saved environments could not be read because it is not valid JSON. The file was kept as ${keptAs}; the app started without it.`,
    ]);
    expect(readFileSync(keptAs, 'utf8')).toBe('{"version":1,"environments":[{"id":');
    expect(store.list().map((e) => e.id)).toEqual(['production', 'staging']);
    value(await store.save(userInput));
    expect(readFileSync(keptAs, 'utf8')).toBe('{"version":1,"environments":[{"id":');
  });

  it('says "keychain" in plain words when the secret cannot be stored, yet saves the environment', async () => {
    const secrets = new MemorySecretStore();
    secrets.set = async () => {
      throw new Error('org.freedesktop.Secret.Error.IsLocked');
    };
    const { store, dir } = await open(tmp(), secrets);
    const result = await store.save({ ...userInput, clientSecret: 'unstorable' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'keychain', message: expect.stringContaining('could not be stored in the keychain') },
    });
    if (!result.ok) expect(result.error.message).not.toMatch(/unstorable|freedesktop/);
    const onDisk = JSON.parse(readFileSync(fileIn(dir), 'utf8'));
    expect(onDisk.environments).toEqual([expect.objectContaining({ id: 'my-sandbox', name: 'My Sandbox' })]);
    expect(store.get('my-sandbox')).toBeDefined();
    expect(readFileSync(fileIn(dir), 'utf8')).not.toContain('unstorable');
  });

  it('changes nothing (memory or keychain) when environments.json cannot be written', async () => {
    const { store, secrets, dir } = await open();
    rmSync(dir, { recursive: true });
    const result = await store.save({ ...userInput, clientSecret: 'not-yet' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'storage', message: expect.stringContaining('Could not save the environment') },
    });
    expect(store.list().map((e) => e.id)).toEqual(['production', 'staging']);
    expect([...secrets.entries.keys()]).toEqual([]);
    expect(existsSync(dir)).toBe(false);
  });

  it('starts without an unreadable environments.json (a folder in its place), names it, and never writes it', async () => {
    const dir = tmp();
    mkdirSync(fileIn(dir));
    writeFileSync(path.join(fileIn(dir), 'inside'), 'kept');
    const { store, notices, secrets } = await open(dir, undefined, new Map([['staging', 'from-it']]));
    expect(notices).toEqual([
      `Your saved environments (${fileIn(dir)}) could not be read because a folder stands where the file should be. The app started without that file and changed nothing in it. ` +
        `Your own environments are missing for now, and changes to environments cannot be saved. Check the file's permissions or close the program holding it, then restart the app.`,
    ]);
    expect(store.list().map((e) => e.id)).toEqual(['production', 'staging']);
    const saved = await store.save({ ...userInput, clientSecret: 'not-yet' });
    expect(saved).toEqual({
      ok: false,
      error: {
        code: 'storage',
        message: expect.stringContaining('because its file could not be read when the app started'),
      },
    });
    expect(await store.remove('staging')).toMatchObject({ ok: false });
    expect(store.list().map((e) => e.id)).toEqual(['production', 'staging']);
    expect(secrets.entries.has('environment/my-sandbox/client-secret')).toBe(false);
    expect(readdirSync(dir)).toEqual(['environments.json']);
    expect(readdirSync(fileIn(dir))).toEqual(['inside']);
    expect(readFileSync(path.join(fileIn(dir), 'inside'), 'utf8')).toBe('kept');
  });

  it('keeps the keychain’s secret when environments.json is unreadable, as a user’s replacement cannot be told apart', async () => {
    const dir = tmp();
    mkdirSync(fileIn(dir));
    const secrets = new MemorySecretStore();
    secrets.entries.set('environment/staging/client-secret', 'typed-by-user');
    await open(dir, secrets, new Map([['staging', 'from-it']]));
    expect(secrets.entries.get('environment/staging/client-secret')).toBe('typed-by-user');
    secrets.entries.clear();
    await open(dir, secrets, new Map([['staging', 'from-it']]));
    expect(secrets.entries.get('environment/staging/client-secret')).toBe('from-it');
  });
});
