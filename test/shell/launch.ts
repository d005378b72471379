// The Chromium shell: the real core in this Node process, the real renderer build in a real
// Chromium, joined by a Playwright binding instead of Electron IPC (README "Architecture").
import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { nodeFetchTransport } from '../../main/core/http/node-fetch-transport';
import { FORBIDDEN_SENDER } from '../../main/boot/shell-rules';
import { startApp } from '../../main/boot/start-app';
import type { CoreService } from '../../main/core/service';
import { readRendererAsset } from '../../main/static/renderer-assets';
import { ShellAuthWindow, ShellExternalBrowser } from './auth-window';
import { CHROMIUM_ARGS, findChromium } from './find-chromium';
import { loopbackOnlyFetch } from './loopback-only-fetch';
import { MemoryClipboard } from './memory-clipboard';
import { MovableClock } from './movable-clock';
import { RecordingLoginItem, RecordingNotifier, RecordingTray } from './recording-background';
import { RecordingFolderOpener, ShellSaveDialog } from './save-dialog';

/** The renderer's origin in the shell; requests to it are answered from dist/ and never leave the machine. */
export const SHELL_ORIGIN = 'https://app.approvalmax-connect.invalid';
const ROOT = path.resolve(import.meta.dirname, '../..');

/** What a test or a person can choose about one shell run. */
export interface ChromiumShellOptions {
  /** Extra environment variables for the app's core (as Electron would read from process.env). */
  env?: Record<string, string>;
  /** The app's data folder; a fresh temporary one when omitted. */
  dataDir?: string;
  headless?: boolean;
  /** Where log lines go; stderr when omitted. */
  log?: (line: string) => void;
  /** Sees every bridge reply and event sent to the renderer, so tests can prove no secret crosses. */
  onBridgeReply?: (channel: string, reply: unknown) => void;
}

/** Shaped like Playwright's ElectronApplication, so e2e specs run unchanged against either. */
export interface ShellApplication {
  firstWindow(): Promise<Page>;
  windows(): Page[];
  waitForEvent(event: 'window', options?: { timeout?: number }): Promise<Page>;
  close(): Promise<void>;
  readonly core: CoreService;
  readonly dataDir: string;
  /** What the app put on the clipboard (the shell's clipboard is in memory). */
  readonly clipboard: MemoryClipboard;
  /** "Saves" land in `<dataDir>/saved/` under the suggested name; folders "opened" are recorded. */
  readonly saveDialog: ShellSaveDialog;
  readonly folders: RecordingFolderOpener;
  /** System notifications, the login item and the tray menu, recorded instead of shown. */
  readonly notifier: RecordingNotifier;
  readonly loginItem: RecordingLoginItem;
  readonly tray: RecordingTray;
  /** The core's wall clock; `clock.move(ms)` makes the app live `ms` later (timers keep real time). */
  readonly clock: MovableClock;
}

/** Starts the core and opens the app's main window in Chromium. */
export async function launchChromiumShell(options: ChromiumShellOptions = {}): Promise<ShellApplication> {
  const env: Record<string, string | undefined> = { ...process.env, ...options.env };
  const dataDir =
    options.dataDir ?? env.APPROVALMAX_CONNECT_DATA_DIR ?? mkdtempSync(path.join(os.tmpdir(), 'amc-shell-'));
  env.APPROVALMAX_CONNECT_DATA_DIR = dataDir;
  const browser = await chromium.launch({
    executablePath: findChromium(env),
    headless: options.headless ?? true,
    args: CHROMIUM_ARGS,
  });
  const windows = new EventEmitter();
  const pages: Page[] = [];
  const announce = (page: Page) => {
    pages.push(page);
    windows.emit('window', page);
  };
  const externalBrowser = new ShellExternalBrowser(browser, announce);
  const clipboard = new MemoryClipboard();
  const saveDialog = new ShellSaveDialog(path.join(dataDir, 'saved'));
  const folders = new RecordingFolderOpener();
  const notifier = new RecordingNotifier();
  const loginItem = new RecordingLoginItem();
  const tray = new RecordingTray();
  const clock = new MovableClock();
  const started = startApp({
    shell: 'chromium',
    version: readVersion(),
    defaultDataDir: dataDir,
    env,
    console: options.log ?? ((line) => process.stderr.write(line + '\n')),
    clock,
    ports: () => ({
      authWindow: new ShellAuthWindow(browser, announce),
      browser: externalBrowser,
      clipboard,
      saveDialog,
      folders,
      notifier,
      loginItem,
      tray,
      http: nodeFetchTransport(env.APPROVALMAX_CONNECT_LOOPBACK_ONLY === '1' ? loopbackOnlyFetch : fetch),
    }),
  });
  const { core } = await started.catch(async (error: unknown) => {
    await browser.close();
    throw error;
  });
  const mainPage = await openMainWindow(browser, core, options.onBridgeReply);
  pages.unshift(mainPage);
  const unsubscribe = core.events.subscribe((channel, payload) => {
    options.onBridgeReply?.(channel, payload);
    if (!mainPage.isClosed())
      void mainPage
        .evaluate(
          ([c, p]) => (window as unknown as { __amcDeliver?: (c: string, p: unknown) => void }).__amcDeliver?.(c, p),
          [channel, payload] as const,
        )
        .catch(() => undefined);
  });

  return {
    core,
    dataDir,
    clipboard,
    saveDialog,
    folders,
    notifier,
    loginItem,
    tray,
    clock,
    firstWindow: async () => mainPage,
    windows: () => pages.filter((p) => !p.isClosed()),
    waitForEvent: (_event, opts) =>
      new Promise<Page>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('No new window appeared in time')), opts?.timeout ?? 30_000);
        windows.once('window', (page: Page) => (clearTimeout(timer), resolve(page)));
      }),
    close: async () => {
      unsubscribe();
      await core.stop();
      await externalBrowser.close();
      await browser.close();
    },
  };
}

async function openMainWindow(
  browser: Browser,
  core: CoreService,
  onReply?: (channel: string, reply: unknown) => void,
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1120, height: 780 } });
  await serveRendererAndDenyTheRest(context);
  const page = await context.newPage();
  await page.exposeBinding('__amcInvoke', async ({ frame }, channel: unknown, arg: unknown) => {
    const reply =
      frame === page.mainFrame() && frame.url().startsWith(SHELL_ORIGIN + '/')
        ? await core.dispatch(channel, arg)
        : FORBIDDEN_SENDER;
    onReply?.(String(channel), reply);
    return reply;
  });
  await page.addInitScript({ path: path.join(ROOT, 'dist/test-shell/bridge.js') });
  // As in Electron: new windows are denied.
  context.on('page', (popup) => void popup.close());
  await page.goto(`${SHELL_ORIGIN}/index.html`);
  return page;
}

/** The shell's app:// protocol: the renderer build with its CSP; any other request is aborted. */
async function serveRendererAndDenyTheRest(context: BrowserContext): Promise<void> {
  const rendererDir = path.join(ROOT, 'dist/renderer');
  await context.route('**/*', async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    // As Electron's will-navigate handler: a navigation away is answered 204, so the page stays put.
    if (url.origin !== SHELL_ORIGIN)
      return request.isNavigationRequest() ? route.fulfill({ status: 204 }) : route.abort('blockedbyclient');
    const asset = await readRendererAsset(rendererDir, url.pathname);
    await route.fulfill({ status: asset.status, headers: asset.headers, body: asset.body });
  });
}

function readVersion(): string {
  return (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}
