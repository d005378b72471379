// What IT sets in the admin file for staying connected: a refresh-token lifetime per environment and
// "keepAliveInBackground" forcing background keep-alive on or off (README "Staying connected").
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAppConfig, type ShellDefaults } from '../../../main/core/app-config';

const shell: ShellDefaults = {
  userDataDir: '/nowhere',
  productName: 'ApprovalMax Connect',
  version: '1.0.0',
  platform: 'win32',
  shell: 'electron',
};
const sandbox = {
  id: 'sandbox',
  name: 'Local simulator',
  issuer: 'http://127.0.0.1:4010',
  apiBase: 'http://127.0.0.1:4011',
};

async function withAdminFile(content: object, env: Record<string, string> = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'amc-keepalive-'));
  writeFileSync(path.join(dir, 'config.json'), JSON.stringify(content));
  return loadAppConfig({ APPROVALMAX_CONNECT_DATA_DIR: dir, ...env }, shell);
}

describe('the admin file on staying connected', () => {
  it('reads a lifetime per environment and the background keep-alive switch', async () => {
    const config = await withAdminFile({
      environments: [{ ...sandbox, refreshTokenLifetimeDays: 14 }],
      keepAliveInBackground: true,
    });
    expect(config.notices).toEqual([]);
    expect(config.environments[0]).toMatchObject({ id: 'sandbox', refreshTokenLifetimeDays: 14 });
    expect(config.keepAliveInBackground).toBe(true);
  });

  it('leaves both unset when the file says nothing (the person decides; unknown lifetime)', async () => {
    const config = await withAdminFile({ environments: [sandbox] });
    expect(config.keepAliveInBackground).toBeUndefined();
    expect(config.environments[0]?.refreshTokenLifetimeDays).toBeUndefined();
    expect(config.keepAliveCheckMs).toBeUndefined();
  });

  it('refuses a wrong value in words naming the field', async () => {
    const zero = await withAdminFile({ environments: [{ ...sandbox, refreshTokenLifetimeDays: 0 }] });
    expect(zero.notices[0]).toContain('environments[0].refreshTokenLifetimeDays must be more than 0');
    const text = await withAdminFile({ keepAliveInBackground: 'yes' });
    expect(text.notices[0]).toContain('keepAliveInBackground');
    expect(text.keepAliveInBackground).toBeUndefined();
  });

  it('takes a shorter keep-alive pass interval from the environment, for tests', async () => {
    const config = await withAdminFile({}, { APPROVALMAX_CONNECT_KEEP_ALIVE_CHECK_MS: '500' });
    expect(config.keepAliveCheckMs).toBe(500);
  });
});
