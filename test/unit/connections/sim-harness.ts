import { afterAll, afterEach, beforeAll, expect } from 'vitest';
// A headless stand-in for the sign-in window: the core runs against the REAL simulator over Node's fetch.
import { MemoryClipboard } from '../../shell/memory-clipboard';
import type { ConnectionView, Result } from '../../../preload/contract';
import type { AppConfig } from '../../../main/core/app-config';
import { DEFAULT_SCOPES, type Environment } from '../../../main/core/environments/environments';
import type { AuthWindowOutcome, HttpTransport, Ports } from '../../../main/core/ports';
import { startCore, type CoreService, type ShellFacts } from '../../../main/core/service';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../sim/index';
import { FakeAuthWindow, FakeBrowser, FakeClock, MemoryLogger, MemorySecretStore, testConfig } from '../core/fakes';

/** What the scripted user does on the consent page. */
export interface SignInChoice {
  organisations?: readonly string[];
  decision?: 'allow' | 'deny';
}

/** Follows an authorize URL like a browser: signs in as the demo user, ticks, decides; resolves with the redirect it lands on. */
export async function signInOverHttp(sim: Simulator, authorizeUrl: string, choice: SignInChoice = {}): Promise<string> {
  const cookies = new Map<string, string>();
  const send = async (url: string, form?: URLSearchParams): Promise<Response> => {
    const headers: Record<string, string> = { Cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
    if (form) headers['Content-Type'] = 'application/x-www-form-urlencoded';
    const res = await fetch(url, { method: form ? 'POST' : 'GET', headers, body: form, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line)) cookies.delete(pair.slice(0, eq).trim());
      else cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
    return res;
  };
  let url = authorizeUrl;
  let res = await send(url);
  for (let hop = 0; hop < 20; hop++) {
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location) {
      url = new URL(location, url).href;
      if (url.startsWith(sim.redirectUri)) return url;
      res = await send(url);
      continue;
    }
    const html = await res.text();
    const action = /<form[^>]*\saction="([^"]+)"/.exec(html)?.[1]?.replaceAll('&amp;', '&');
    if (res.status !== 200 || !action)
      throw new Error(`sign-in stopped with HTTP ${res.status} at ${url}: ${html.slice(0, 200)}`);
    url = new URL(action, url).href;
    if (action.endsWith('/login')) {
      res = await send(url, new URLSearchParams({ email: sim.user.email, password: sim.user.password }));
    } else if (action.endsWith('/consent')) {
      const form = new URLSearchParams(
        (choice.organisations ?? sim.organisations.map((o) => o.companyId)).map((id) => ['organisations', id]),
      );
      form.set('decision', choice.decision ?? 'allow');
      res = await send(url, form);
    } else throw new Error(`unexpected form ${action}`);
  }
  throw new Error('sign-in did not reach the redirect URI in 20 steps');
}

/** The simulator as an admin environment (the secret, if any, goes in through adminSecrets). */
export function simEnvironment(sim: Simulator, id = 'sim'): Environment {
  return {
    id,
    name: 'Local simulator',
    kind: 'custom',
    source: 'admin',
    issuer: sim.issuer,
    apiBase: sim.apiBase,
    clientId: sim.clientId,
    redirectUri: sim.redirectUri,
    scopes: DEFAULT_SCOPES,
  };
}

export interface HarnessOptions {
  /** The Client Secret IT provides; null for none. Default: the simulator's. */
  clientSecret?: string | null;
  dataDir?: string;
  secrets?: MemorySecretStore;
  /** What the sign-in window does with the authorize URL. Default: allow all organisations. */
  respond?: (url: string) => AuthWindowOutcome | Promise<AuthWindowOutcome>;
  /** Changes to the simulator environment (scopes, prompt…). */
  environment?: Partial<Environment>;
  /** Extra ports (a notifier, a login item…). */
  ports?: Partial<Ports>;
  /** What the shell passes besides the ports (e.g. a keep-alive scheduler the test drives). */
  shell?: ShellFacts;
  /** Admin file settings besides the environment. */
  config?: Partial<AppConfig>;
}

/** A core wired to the simulator, recording every reply, event and HTTP request. */
export async function startHarness(sim: Simulator, options: HarnessOptions = {}) {
  const secrets = options.secrets ?? new MemorySecretStore();
  const requests: { url: string; method: string }[] = [];
  const http: HttpTransport = (url, init) => (requests.push({ url, method: init.method ?? 'GET' }), fetch(url, init));
  const window = new FakeAuthWindow(
    options.respond ?? (async (url) => ({ kind: 'redirect', url: await signInOverHttp(sim, url) })),
  );
  const browser = new FakeBrowser();
  const clock = new FakeClock();
  const logger = new MemoryLogger();
  const secret = options.clientSecret === undefined ? sim.clientSecret : options.clientSecret;
  const config = testConfig({
    environments: [{ ...simEnvironment(sim), ...options.environment }],
    adminSecrets: secret === null ? new Map() : new Map([['sim', secret]]),
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...options.config,
  });
  const core: CoreService = await startCore(
    { secrets, authWindow: window, browser, clipboard: new MemoryClipboard(), http, clock, logger, ...options.ports },
    config,
    options.shell,
  );
  await core.ready;
  const replies: unknown[] = [];
  const events: { channel: string; payload: unknown }[] = [];
  core.events.subscribe((channel, payload) => void events.push({ channel, payload }));
  const dispatch = async (channel: string, arg?: unknown): Promise<Result<unknown>> => {
    const reply = await core.dispatch(channel, arg);
    replies.push(reply);
    return reply;
  };
  return {
    core,
    config,
    secrets,
    window,
    browser,
    clock,
    logger,
    requests,
    replies,
    events,
    dispatch,
    /** POSTs that reached the simulator's token endpoint. */
    tokenRequests: () =>
      requests.filter((r) => r.method === 'POST' && new URL(r.url).pathname === '/connect/token').length,
    /** `connections:changed` payloads so far. */
    changes: () => events.filter((e) => e.channel === 'connections:changed').map((e) => e.payload as ConnectionView[]),
    /** Keychain keys of connections. */
    connectionKeys: () => [...secrets.entries.keys()].filter((k) => k.startsWith('connection/')),
    /** Every issued token or the client secret found in a reply or event so far (should be none). */
    leaks: () => {
      const seen = JSON.stringify([replies, events]);
      return [...sim.issuedTokens(), sim.clientSecret].filter((secretValue) => seen.includes(secretValue));
    },
  };
}

export type Harness = Awaited<ReturnType<typeof startHarness>>;

/** The value of an ok Result, or a thrown error naming the failure. */
export function valueOf<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

/**
 * One simulator per test file, and harnesses that are stopped (and checked for leaked secrets) after
 * each test; call inside `describe`.
 */
export function useSimulatorHarness(simOptions: SimulatorOptions = {}): {
  sim: () => Simulator;
  harness: (options?: HarnessOptions) => Promise<Harness>;
} {
  let sim: Simulator | undefined;
  const harnesses: Harness[] = [];
  beforeAll(async () => {
    sim = await startSimulator({ quiet: true, ...simOptions });
  });
  afterEach(() => {
    sim?.resetFaults();
    for (const h of harnesses.splice(0)) {
      h.core.stop();
      expect(h.leaks()).toEqual([]);
    }
  });
  afterAll(async () => {
    await sim?.stop();
  });
  const current = () => {
    if (!sim) throw new Error('the simulator has not started');
    return sim;
  };
  return {
    sim: current,
    harness: async (options = {}) => {
      const h = await startHarness(current(), options);
      harnesses.push(h);
      return h;
    },
  };
}
