import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type {
  ActivityEntry,
  ConnectionView,
  EventChannel,
  EventPayload,
  PingReport,
  Result,
} from '../../../preload/contract';
import { CopyService } from '../../../main/core/app/copy-service';
import type { Environment } from '../../../main/core/environments/environments';
import type { SaveDialog } from '../../../main/core/ports';
import { fail, ok } from '../../../main/core/result';
import { CatalogueStore } from '../../../main/core/workbench/catalogue-store';
import { Catalogues } from '../../../main/core/workbench/catalogues';
import type { FileWriter } from '../../../main/core/workbench/export-file';
import { Runs } from '../../../main/core/workbench/runs';
import type { Sleep } from '../../../main/core/workbench/sleep';
import { WorkbenchService } from '../../../main/core/workbench/workbench-service';
import { MemoryClipboard } from '../../shell/memory-clipboard';
import { ShellSaveDialog } from '../../shell/save-dialog';
import { FakeBrowser, fakeHttp, FakeClock, MemoryLogger } from '../core/fakes';

export const API = 'https://api.example.test';
export const NORTHWIND = { companyId: 'c-northwind', name: 'Northwind Traders Ltd' };
export const CONTOSO = { companyId: 'c-contoso', name: 'Contoso Pty' };

export const sandbox: Environment = {
  id: 'sandbox',
  name: 'Sandbox',
  kind: 'custom',
  source: 'user',
  issuer: 'https://identity.example.test',
  apiBase: API,
  clientId: 'CLIENT1',
  redirectUri: '',
  scopes: [],
};

export const view: ConnectionView = {
  id: 'conn-1',
  label: 'Support team',
  environmentId: 'sandbox',
  environmentName: 'Sandbox',
  organisations: [NORTHWIND, CONTOSO],
  connectionId: null,
  subject: null,
  scopes: [],
  createdAt: '2026-01-01T00:00:00.000Z',
  lastRefreshedAt: null,
  expiresAt: null,
  status: 'connected',
  statusMessage: null,
  renewal: 'offline',
  renewalNote: null,
  lifetime: null,
  lastCheck: null,
};

/** A transport answer: the URL and headers asked, a Response back. */
export type Answer = (url: URL, headers: Headers) => Response | Promise<Response>;

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

export interface HarnessOptions {
  readonly answer: Answer;
  readonly env?: Partial<Environment>;
  readonly dataDir?: string;
  readonly saveDialog?: SaveDialog | null;
  readonly writeFile?: FileWriter;
  /** Waits that never end by themselves (only a cancel ends them). */
  readonly holdWaits?: boolean;
  /** The connection's token for each call, to prove it is read again per page. */
  readonly tokens?: () => string;
  readonly tokenUnavailable?: () => boolean;
}

/** The workbench over fakes: a transport answering from a function, fake time, recorded events and entries. */
export async function workbenchHarness(options: HarnessOptions) {
  const clock = new FakeClock();
  const logger = new MemoryLogger();
  const { http, requests } = fakeHttp((url, init) => options.answer(new URL(url), new Headers(init.headers)));
  const env: Environment = { ...sandbox, ...options.env };
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'amc-workbench-'));
  const events: { channel: EventChannel; payload: unknown }[] = [];
  const activity: ActivityEntry[] = [];
  const history: PingReport[] = [];
  const waits: { ms: number; progress: unknown }[] = [];
  let tokenCalls = 0;
  const sleep: Sleep = async (ms, signal) => {
    waits.push({ ms, progress: events.at(-1)?.payload });
    if (options.holdWaits)
      await new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
    clock.advance(ms);
  };
  const connections = {
    list: () => [view],
    accessTokenFor: async (id: string): Promise<Result<{ token: string; connection: ConnectionView }>> => {
      tokenCalls += 1;
      if (id !== view.id) return fail('unknown-connection', 'That connection no longer exists.');
      if (options.tokenUnavailable?.())
        return fail('token-unavailable', 'Support team has no usable access token right now. Reconnect.');
      return ok({ token: options.tokens?.() ?? 'token-1', connection: view });
    },
  };
  const environments = { get: (id: string) => (id === env.id ? env : undefined) };
  const eventSink = {
    emit: <E extends EventChannel>(channel: E, payload: EventPayload<E>) => void events.push({ channel, payload }),
  };
  const { store } = await CatalogueStore.open(dataDir, clock.now, logger);
  const catalogues = new Catalogues({ http, clock, logger, store });
  const runs = new Runs({
    http,
    clock,
    logger,
    environments,
    connections,
    history: { add: async (report: PingReport) => void history.push(report) },
    activity: { record: (entry: ActivityEntry) => void activity.push(entry) },
    events: eventSink,
    timeoutMs: 5000,
    sleep,
  });
  const clipboard = new MemoryClipboard();
  const saveDialog =
    options.saveDialog === null
      ? undefined
      : (options.saveDialog ?? new ShellSaveDialog(mkdtempSync(path.join(os.tmpdir(), 'amc-export-'))));
  const copier = new CopyService(clipboard, clock, { set: (() => 0) as never, clear: () => undefined });
  const browser = new FakeBrowser();
  const workbench = new WorkbenchService({
    environments,
    connections,
    catalogues,
    runs,
    copier,
    browser,
    ...(saveDialog ? { saveDialog } : {}),
    logger,
    ...(options.writeFile ? { writeFile: options.writeFile } : {}),
  });
  const pages = () =>
    events.filter((e) => e.channel === 'workbench:page').map((e) => e.payload as EventPayload<'workbench:page'>);
  const progress = () =>
    events
      .filter((e) => e.channel === 'workbench:progress')
      .map((e) => e.payload as EventPayload<'workbench:progress'>);
  return {
    workbench,
    browser,
    runs,
    clock,
    logger,
    requests,
    events,
    pages,
    progress,
    activity,
    history,
    waits,
    clipboard,
    saveDialog,
    dataDir,
    env,
    tokenCalls: () => tokenCalls,
  };
}

/** The value of an ok result, or the test fails with its message. */
export function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/**
 * A paged list like the Public API's: `total` items, `limit` a page (default 100), each page's token
 * the offset of the next; `fault(page)` may answer instead (a 500 on page 3, a 429…).
 */
export function pagedList(total: number, fault?: (page: number, url: URL) => Response | undefined): Answer {
  return (url) => {
    const limit = Number(url.searchParams.get('limit') ?? 100);
    const offset = Number(url.searchParams.get('continuationToken')?.replace(/^after-/, '') ?? 0);
    const page = Math.floor(offset / limit) + 1;
    const answer = fault?.(page, url);
    if (answer) return answer;
    const payload = Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) => ({
      requestId: `r${offset + i + 1}`,
      documentNumber: `B-${offset + i + 1}`,
    }));
    const next = offset + limit;
    return json(next < total ? { payload, continuationToken: `after-${next}` } : { payload });
  };
}

/** Answers the OpenAPI document with 404 (so the built-in list is used) and everything else from `rest`. */
export function withoutDocument(rest: Answer): Answer {
  return (url, headers) =>
    url.pathname === '/swagger/v1/swagger.json' ? new Response('not here', { status: 404 }) : rest(url, headers);
}

export const BILLS = 'GET /api/v1/companies/{companyId}/xero/bills';
