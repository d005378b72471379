import { mkdirSync, mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAppConfig, MAX_ADMIN_FILE_BYTES, type ShellDefaults } from '../../../main/core/app-config';
import { DEFAULT_UPDATE_SETTINGS } from '../../../main/core/updates/update-settings';

const shell: ShellDefaults = {
  userDataDir: '/home/u/.config/ApprovalMax Connect',
  productName: 'ApprovalMax Connect',
  version: '1.0.0',
  platform: 'linux',
  shell: 'electron',
};
const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'amc-config-'));
const sandbox = {
  id: 'sandbox',
  name: 'Local simulator',
  issuer: 'http://127.0.0.1:4010',
  apiBase: 'http://127.0.0.1:4011',
  clientId: 'ABC',
  redirectUri: 'https://approvalmax-connect.invalid/callback',
};

describe('loadAppConfig', () => {
  it('uses Electron defaults when nothing is set', async () => {
    const config = await loadAppConfig({}, { ...shell, userDataDir: tmp() });
    expect(config.keychainService).toBe('ApprovalMax Connect');
    expect(config.environments).toEqual([]);
    expect(config.notices).toEqual([]);
  });

  it('isolates data folder and keychain service for tests', async () => {
    const dir = tmp();
    const config = await loadAppConfig(
      { APPROVALMAX_CONNECT_DATA_DIR: dir, APPROVALMAX_CONNECT_KEYCHAIN_SERVICE: 'amc-test-1' },
      shell,
    );
    expect(config.dataDir).toBe(dir);
    expect(config.keychainService).toBe('amc-test-1');
  });

  it('reads config.json from the data folder', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ environments: [sandbox] }));
    const config = await loadAppConfig({ APPROVALMAX_CONNECT_DATA_DIR: dir }, shell);
    expect(config.environments).toEqual([
      { ...sandbox, kind: 'custom', source: 'admin', scopes: expect.arrayContaining(['offline_access']) },
    ]);
    expect(config.adminSecrets.size).toBe(0);
  });

  it('takes a Client Secret from the admin file for the keychain, never into the environment', async () => {
    const dir = tmp();
    writeFileSync(
      path.join(dir, 'config.json'),
      JSON.stringify({ environments: [{ ...sandbox, clientSecret: 's3cret' }] }),
    );
    const config = await loadAppConfig({ APPROVALMAX_CONNECT_DATA_DIR: dir }, shell);
    expect(config.adminSecrets.get('sandbox')).toBe('s3cret');
    expect(JSON.stringify(config.environments)).not.toContain('s3cret');
  });

  it('carries an optional sign-in hint from the admin file, trimmed', async () => {
    const dir = tmp();
    writeFileSync(
      path.join(dir, 'config.json'),
      JSON.stringify({ environments: [{ ...sandbox, signInHint: '  Use your company Google account ' }] }),
    );
    const config = await loadAppConfig({ APPROVALMAX_CONNECT_DATA_DIR: dir }, shell);
    expect(config.notices).toEqual([]);
    expect(config.environments[0]?.signInHint).toBe('Use your company Google account');

    writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ environments: [sandbox] }));
    const without = await loadAppConfig({ APPROVALMAX_CONNECT_DATA_DIR: dir }, shell);
    expect(without.environments[0]).not.toHaveProperty('signInHint');
  });

  it('accepts a sign-in hint of exactly 200 characters', async () => {
    const dir = tmp();
    writeFileSync(
      path.join(dir, 'config.json'),
      JSON.stringify({ environments: [{ ...sandbox, signInHint: 'x'.repeat(200) }] }),
    );
    const config = await loadAppConfig({ APPROVALMAX_CONNECT_DATA_DIR: dir }, shell);
    expect(config.notices).toEqual([]);
    expect(config.environments[0]?.signInHint).toHaveLength(200);
  });

  it.each([
    [
      { environments: [{ ...sandbox, signInHint: 'x'.repeat(201) }] },
      'environments[0].signInHint must be at most 200 characters',
    ],
    [
      { environments: [{ ...sandbox, signInHint: 'Line one\nline two' }] },
      'environments[0].signInHint must be plain text on one line',
    ],
    [{ environments: [{ ...sandbox, signInHint: '   ' }] }, 'environments[0].signInHint must not be empty'],
    [
      { environments: [{ ...sandbox, issuer: 'http://identity.example.com' }] },
      'environments[0].issuer must be an https:// address',
    ],
    [{ environments: [{ ...sandbox, name: '' }] }, 'environments[0].name must not be empty'],
    [{ environments: [sandbox, { ...sandbox, id: 'Bad Id' }] }, 'environments[1].id must be 1–40 lower-case letters'],
    [
      { environments: [{ ...sandbox, redirectUri: 'myapp://callback' }] },
      'environments[0].redirectUri must be an https:// address',
    ],
  ])('names the wrong field and still starts: %j', async (file, message) => {
    const dir = tmp();
    const configFile = path.join(dir, 'admin.json');
    writeFileSync(configFile, JSON.stringify(file));
    const config = await loadAppConfig(
      { APPROVALMAX_CONNECT_CONFIG: configFile, APPROVALMAX_CONNECT_DATA_DIR: dir },
      shell,
    );
    expect(config.environments).toEqual([]);
    expect(config.notices).toHaveLength(1);
    expect(config.notices[0]).toContain(message);
    expect(config.notices[0]).toContain('ask your IT team');
  });

  it('reports a file that is not JSON, or that is named but missing', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'config.json'), '{ environments: [');
    expect((await loadAppConfig({ APPROVALMAX_CONNECT_DATA_DIR: dir }, shell)).notices[0]).toContain(
      'it is not valid JSON',
    );
    const missing = await loadAppConfig(
      { APPROVALMAX_CONNECT_DATA_DIR: dir, APPROVALMAX_CONNECT_CONFIG: path.join(dir, 'nope.json') },
      shell,
    );
    expect(missing.notices[0]).toContain('the file does not exist');
  });

  describe('a file over the 5 MB limit', () => {
    it('is refused after a stat, without being read, with the size and the limit in plain words; the app starts with the built-in settings', async () => {
      const dir = tmp();
      const file = path.join(dir, 'config.json');
      writeFileSync(file, JSON.stringify({ environments: [sandbox], updates: { enabled: false } }));
      truncateSync(file, 31 * 1024 * 1024); // 31 MB: a valid start, then zeros (as a runaway export might be)
      const started = performance.now();
      const config = await loadAppConfig({ APPROVALMAX_CONNECT_DATA_DIR: dir }, shell);
      const ms = performance.now() - started;
      expect(config.notices).toEqual([
        `The administrator's settings file ${file} was not used because it is 31 MB, over the 5 MB limit for this file. ` +
          'The app works with the built-in settings; ask your IT team to correct the file.',
      ]);
      expect(config.environments).toEqual([]);
      expect(config.adminSecrets.size).toBe(0);
      expect(config.updates).toEqual(DEFAULT_UPDATE_SETTINGS);
      expect(ms).toBeLessThan(1000);
    });

    it('takes a file of exactly 5 MB, and refuses one byte more (named as 5.1 MB, never as "5 MB, over the 5 MB limit")', async () => {
      const dir = tmp();
      const file = path.join(dir, 'admin.json');
      const json = JSON.stringify({ environments: [sandbox] });
      writeFileSync(file, json + ' '.repeat(MAX_ADMIN_FILE_BYTES - json.length));
      const exact = await loadAppConfig({ APPROVALMAX_CONNECT_CONFIG: file, APPROVALMAX_CONNECT_DATA_DIR: dir }, shell);
      expect(exact.notices).toEqual([]);
      expect(exact.environments.map((e) => e.id)).toEqual(['sandbox']);

      writeFileSync(file, json + ' '.repeat(MAX_ADMIN_FILE_BYTES - json.length + 1));
      const over = await loadAppConfig({ APPROVALMAX_CONNECT_CONFIG: file, APPROVALMAX_CONNECT_DATA_DIR: dir }, shell);
      expect(over.environments).toEqual([]);
      expect(over.notices[0]).toContain('because it is 5.1 MB, over the 5 MB limit for this file.');
    });

    it('refuses a folder where the file should be, in words', async () => {
      const dir = tmp();
      mkdirSync(path.join(dir, 'config.json'));
      const config = await loadAppConfig({ APPROVALMAX_CONNECT_DATA_DIR: dir }, shell);
      expect(config.environments).toEqual([]);
      expect(config.notices[0]).toContain('was not used because it is a folder or a device, not a file.');
    });
  });
});
