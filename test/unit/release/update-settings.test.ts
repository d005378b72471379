import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAppConfig, type ShellDefaults } from '../../../main/core/app-config';

const shell: ShellDefaults = { userDataDir: '/nowhere', productName: 'ApprovalMax Connect', version: '1.0.0', platform: 'win32', shell: 'electron' };
const sandbox = { id: 'sandbox', name: 'Local simulator', issuer: 'http://127.0.0.1:4010', apiBase: 'http://127.0.0.1:4011' };

async function withAdminFile(file: object | undefined) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'amc-updates-'));
  if (file) writeFileSync(path.join(dir, 'config.json'), JSON.stringify(file));
  return loadAppConfig({ APPROVALMAX_CONNECT_DATA_DIR: dir }, shell);
}

describe('updates in the admin config file', () => {
  it('updates are on when there is no file, or the file does not mention them', async () => {
    expect((await withAdminFile(undefined)).updates).toEqual({ enabled: true });
    expect((await withAdminFile({ environments: [sandbox] })).updates).toEqual({ enabled: true });
    expect((await withAdminFile({ updates: {} })).updates).toEqual({ enabled: true });
  });

  it('IT turns updates off with "updates": { "enabled": false }, and the rest of the file still applies', async () => {
    const config = await withAdminFile({ environments: [sandbox], updates: { enabled: false } });
    expect(config.updates).toEqual({ enabled: false });
    expect(config.environments.map((e) => e.id)).toEqual(['sandbox']);
    expect(config.notices).toEqual([]);
  });

  it('IT can point the app at its own copy of the update feed', async () => {
    const config = await withAdminFile({ updates: { feedUrl: 'https://updates.example.com/approvalmax-connect/' } });
    expect(config.updates).toEqual({ enabled: true, feedUrl: 'https://updates.example.com/approvalmax-connect/' });
  });

  it.each([
    [{ updates: { feedUrl: 'http://updates.example.com/' } }, 'updates.feedUrl must be an https:// address'],
    [{ updates: { enabled: 'no' } }, 'updates.enabled'],
  ])('a wrong updates setting is named in the notice: %j', async (file, message) => {
    const config = await withAdminFile(file);
    expect(config.notices).toHaveLength(1);
    expect(config.notices[0]).toContain(message);
    expect(config.updates).toEqual({ enabled: true });
  });
});
