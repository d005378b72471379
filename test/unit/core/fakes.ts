import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AppConfig } from '../../../main/core/app-config';
import { MemoryClipboard } from '../../shell/memory-clipboard';
import { RecordingFolderOpener, ShellSaveDialog } from '../../shell/save-dialog';
import type {
  AuthWindow,
  AuthWindowOutcome,
  Clock,
  ExternalBrowser,
  HttpTransport,
  Logger,
  Ports,
  SecretStore,
} from '../../../main/core/ports';

/** A clock tests move by hand. */
export class FakeClock implements Clock {
  constructor(
    public nowMs = Date.UTC(2026, 10, 25, 12, 0, 0),
    public mono = 1000,
  ) {}
  now = () => this.nowMs;
  monotonic = () => this.mono;
  advance(ms: number) {
    this.nowMs += ms;
    this.mono += ms;
  }
}

/** Records every line, so a test can prove what was (not) logged. */
export class MemoryLogger implements Logger {
  readonly lines: { level: string; message: string; fields?: Record<string, unknown> }[] = [];
  debug = (message: string, fields?: Record<string, unknown>) =>
    void this.lines.push({ level: 'debug', message, fields });
  info = (message: string, fields?: Record<string, unknown>) =>
    void this.lines.push({ level: 'info', message, fields });
  warn = (message: string, fields?: Record<string, unknown>) =>
    void this.lines.push({ level: 'warn', message, fields });
  error = (message: string, fields?: Record<string, unknown>) =>
    void this.lines.push({ level: 'error', message, fields });
}

/** An in-memory keychain, as GitHub Desktop tests its accounts store. */
export class MemorySecretStore implements SecretStore {
  readonly entries = new Map<string, string>();
  get = async (key: string) => this.entries.get(key) ?? null;
  set = async (key: string, value: string) => void this.entries.set(key, value);
  delete = async (key: string) => this.entries.delete(key);
}

/** A sign-in window that ends as the test says, recording what it was asked to show. */
export class FakeAuthWindow implements AuthWindow {
  readonly opened: Parameters<AuthWindow['open']>[0][] = [];
  constructor(
    public respond: (url: string) => AuthWindowOutcome | Promise<AuthWindowOutcome> = () => ({ kind: 'cancelled' }),
  ) {}
  open = async (request: Parameters<AuthWindow['open']>[0]) => (this.opened.push(request), this.respond(request.url));
}

/** A system browser that only records what it was asked to open. */
export class FakeBrowser implements ExternalBrowser {
  readonly opened: string[] = [];
  open = async (url: string) => void this.opened.push(url);
  openWebPage = async (url: string) => void this.opened.push(url);
}

/** An HTTP transport answering from a function, recording each request. */
export function fakeHttp(answer: (url: string, init: RequestInit) => Response | Promise<Response>) {
  const requests: { url: string; init: RequestInit }[] = [];
  const http: HttpTransport = async (url, init) => {
    requests.push({ url, init });
    return answer(url, init);
  };
  return { http, requests };
}

/** Ports made of fakes, with overrides. */
export function fakePorts(overrides: Partial<Ports> = {}): Ports & { clock: FakeClock; logger: MemoryLogger } {
  return {
    secrets: new MemorySecretStore(),
    authWindow: new FakeAuthWindow(),
    browser: new FakeBrowser(),
    clipboard: new MemoryClipboard(),
    saveDialog: new ShellSaveDialog(mkdtempSync(path.join(os.tmpdir(), 'amc-saved-'))),
    folders: new RecordingFolderOpener(),
    http: fakeHttp(() => new Response('{}')).http,
    clock: new FakeClock(),
    logger: new MemoryLogger(),
    ...overrides,
  } as Ports & { clock: FakeClock; logger: MemoryLogger };
}

/** A config as a shell would hand it over. */
export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    dataDir: mkdtempSync(path.join(os.tmpdir(), 'amc-unit-')),
    keychainService: 'ApprovalMax Connect (test)',
    productName: 'ApprovalMax Connect',
    version: '1.2.3',
    platform: 'linux',
    shell: 'chromium',
    pingTimeoutMs: 5000,
    environments: [],
    adminSecrets: new Map(),
    notices: [],
    ...overrides,
  };
}
