import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { logsFolder, openLogFile } from '../../../main/core/log-file/rotating-log-file';

describe('rotating log file', () => {
  it('writes to <dataDir>/logs/app.log and rotates at the size limit, keeping three files', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'amc-logs-'));
    const log = openLogFile(dir, { maxBytes: 1000, files: 3 });
    expect(log.folder).toBe(logsFolder(dir));
    for (let i = 0; i < 100; i++) log.write(`line ${String(i).padStart(3, '0')} ${'x'.repeat(80)}`);
    const files = ['app.log', 'app.1.log', 'app.2.log', 'app.3.log'].map((f) => path.join(dir, 'logs', f));
    expect(files.slice(0, 3).every((f) => existsSync(f))).toBe(true);
    expect(existsSync(files[3]!)).toBe(false);
    for (const f of files.slice(0, 3)) expect(statSync(f).size).toBeLessThanOrEqual(1000);
    expect(readFileSync(files[0]!, 'utf8')).toContain('line 099');
    expect(readFileSync(files[2]!, 'utf8')).not.toContain('line 000');
  });

  it('carries on after a restart from the size already on disk', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'amc-logs-'));
    openLogFile(dir, { maxBytes: 1000 }).write('x'.repeat(900));
    openLogFile(dir, { maxBytes: 1000 }).write('y'.repeat(200));
    expect(readFileSync(path.join(dir, 'logs', 'app.1.log'), 'utf8')).toContain('x');
    expect(readFileSync(path.join(dir, 'logs', 'app.log'), 'utf8')).toContain('y');
  });

  it('never stops the app when the folder cannot be written', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'amc-logs-'));
    const blocked = path.join(dir, 'file');
    writeFileSync(blocked, '');
    expect(() => openLogFile(blocked).write('hello')).not.toThrow();
  });
});
