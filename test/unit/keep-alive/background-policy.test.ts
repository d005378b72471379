import { describe, expect, it } from 'vitest';
import {
  effectiveKeepAlive,
  keepsRunningWithoutWindows,
  launchedAtLogin,
  loginItemSettings,
  loginItemSupported,
  startsHidden,
  trayMenu,
} from '../../../main/core/keep-alive/background-policy';

describe('background keep-alive policy', () => {
  it('is off by default, the person may turn it on, and the admin file wins either way', () => {
    expect(effectiveKeepAlive(undefined, null)).toEqual({ enabled: false, setByAdmin: false });
    expect(effectiveKeepAlive(undefined, true)).toEqual({ enabled: true, setByAdmin: false });
    expect(effectiveKeepAlive(false, true)).toEqual({ enabled: false, setByAdmin: true });
    expect(effectiveKeepAlive(true, false)).toEqual({ enabled: true, setByAdmin: true });
  });

  it('starts without a window only when the login item started it and keep-alive is on', () => {
    expect(startsHidden(true, true)).toBe(true);
    expect(startsHidden(true, false)).toBe(false); // the person opened it
    expect(startsHidden(false, true)).toBe(false); // turned off since: a login item left over shows the window
  });

  it('keeps running with no window on Windows and Linux only while keep-alive is on; a Mac app always does', () => {
    expect(keepsRunningWithoutWindows(false, 'win32')).toBe(false);
    expect(keepsRunningWithoutWindows(true, 'win32')).toBe(true);
    expect(keepsRunningWithoutWindows(false, 'linux')).toBe(false);
    expect(keepsRunningWithoutWindows(false, 'darwin')).toBe(true);
  });

  it('asks Electron for a login item with --hidden on Windows, plain on macOS, and tells a login start apart', () => {
    expect(loginItemSettings('win32', true)).toEqual({ openAtLogin: true, args: ['--hidden'] });
    expect(loginItemSettings('darwin', false)).toEqual({ openAtLogin: false });
    expect(launchedAtLogin('win32', ['app.exe', '--hidden'], () => false)).toBe(true);
    expect(launchedAtLogin('win32', ['app.exe'], () => true)).toBe(false);
    expect(launchedAtLogin('darwin', [], () => true)).toBe(true);
    expect(launchedAtLogin('linux', ['--hidden'], () => true)).toBe(false);
    expect(loginItemSupported('win32', 'electron')).toBe(true);
    expect(loginItemSupported('linux', 'electron')).toBe(false);
    expect(loginItemSupported('darwin', 'chromium')).toBe(false);
  });

  it('the tray menu holds a status line, Open, Check all and Quit', () => {
    const menu = trayMenu({ connections: 3, needingAttention: 1, checking: false });
    expect(menu.tooltip).toBe('ApprovalMax Connect — 1 of 3 connections needs attention');
    expect(menu.items).toEqual([
      { id: 'status', label: '1 of 3 connections needs attention', enabled: false },
      { id: 'separator' },
      { id: 'open', label: 'Open ApprovalMax Connect', enabled: true },
      { id: 'check-all', label: 'Check all connections', enabled: true },
      { id: 'separator' },
      { id: 'quit', label: 'Quit ApprovalMax Connect', enabled: true },
    ]);
    expect(trayMenu({ connections: 2, needingAttention: 0, checking: true }).items[3]).toEqual({
      id: 'check-all',
      label: 'Checking connections…',
      enabled: false,
    });
    expect(trayMenu({ connections: 0, needingAttention: 0, checking: false }).items).toContainEqual({
      id: 'check-all',
      label: 'Check all connections',
      enabled: false,
    });
  });
});
