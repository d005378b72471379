import { existsSync, readFileSync, statSync } from 'node:fs';
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

/** Names the packaged app's own executable (the release jobs set it); specs then drive that app. */
export const APP_EXECUTABLE_VARIABLE = 'APPROVALMAX_CONNECT_APP_EXECUTABLE';

/** What Playwright starts: an Electron executable and its arguments. */
export interface LaunchTarget {
  executablePath: string;
  args: string[];
}

const isFile = (file: string) => statSync(file, { throwIfNoEntry: false })?.isFile() === true;

/**
 * The Electron app specs drive: the packaged app when APPROVALMAX_CONNECT_APP_EXECUTABLE names its
 * executable (its own name, version, asar and fuses, as users get it; no script argument), else the
 * npm Electron binary on dist/main, else null (no Electron here: the Chromium shell).
 */
export function electronLaunchTarget(
  env: Readonly<Record<string, string | undefined>>,
  binary: string | null,
  fileExists: (file: string) => boolean = isFile,
): LaunchTarget | null {
  const packaged = env[APP_EXECUTABLE_VARIABLE];
  if (packaged !== undefined && packaged !== '') {
    const executablePath = path.resolve(ROOT, packaged);
    if (!fileExists(executablePath)) {
      throw new Error(
        `${APP_EXECUTABLE_VARIABLE} is ${JSON.stringify(packaged)}, but ${executablePath} is not a file. Point it at the packaged app's executable ` +
          '(e.g. release/win-unpacked/ApprovalMax Connect.exe, or …/ApprovalMax Connect.app/Contents/MacOS/ApprovalMax Connect), or unset it.',
      );
    }
    return { executablePath, args: [] };
  }
  return binary === null ? null : { executablePath: binary, args: [path.join(ROOT, 'dist/main/index.cjs')] };
}

/** True where specs run against the Chromium shell (bridge and logs observable in-process). */
export const runsInShell = () => electronLaunchTarget(process.env, electronBinary()) === null;

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
  const target = electronLaunchTarget(process.env, electronBinary());
  if (target) {
    return _electron.launch({
      executablePath: target.executablePath,
      args: target.args,
      env: { ...(process.env as Record<string, string>), ...env },
    });
  }
  return launchChromiumShell({
    env,
    dataDir: options.dataDir,
    headless: true,
    log: options.log ?? (() => undefined),
    ...(options.onBridgeReply ? { onBridgeReply: options.onBridgeReply } : {}),
  });
}
