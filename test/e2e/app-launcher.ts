import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { _electron, type Page } from 'playwright-core';
import { launchChromiumShell } from '../shell/launch';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** What specs hold: Playwright's ElectronApplication, or the Chromium shell shaped like it. */
export interface AppHandle {
  firstWindow(): Promise<Page>;
  waitForEvent(event: 'window', options?: { timeout?: number }): Promise<Page>;
  close(): Promise<void>;
}

/** How a spec starts the app: extra environment for its core, and its data folder. */
export interface LaunchOptions {
  env?: Record<string, string>;
  dataDir: string;
  /** Chromium shell only: capture log lines and bridge traffic for secrecy tests. */
  log?: (line: string) => void;
  onBridgeReply?: (channel: string, reply: unknown) => void;
}

/** True where specs run against the Chromium shell (bridge and logs observable in-process). */
export const runsInShell = () => electronBinary() === null;

/** The Electron binary, if this machine has one (it cannot be downloaded on the build machines). */
export function electronBinary(): string | null {
  const pkg = path.join(ROOT, 'node_modules/electron');
  const pathFile = path.join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

/** Starts the app the best way this machine allows; the same specs serve as the Electron smoke test. */
export async function launchApp(options: LaunchOptions): Promise<AppHandle> {
  const env = { ...options.env, APPROVALMAX_CONNECT_DATA_DIR: options.dataDir };
  const binary = electronBinary();
  if (binary) {
    return _electron.launch({
      executablePath: binary,
      args: [path.join(ROOT, 'dist/main/index.cjs')],
      env: { ...(process.env as Record<string, string>), ...env },
    });
  }
  return launchChromiumShell({ env, dataDir: options.dataDir, headless: true, log: options.log ?? (() => undefined), ...(options.onBridgeReply ? { onBridgeReply: options.onBridgeReply } : {}) });
}
