// THE bridge contract between main and renderer. Imported by main (to register handlers), the
// preload (channel names) and the renderer (types only). It imports nothing, so it can go anywhere.

/** Every bridge call resolves to a Result: expected failures are values, bugs are thrown. */
export type Result<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: BridgeError };

/** Codes the renderer can branch on; `message` is already in plain words for the user. */
export type ErrorCode = 'invalid-argument' | 'unknown-environment' | 'forbidden-sender' | 'unknown-channel' | 'internal';

/** An expected failure: what happened, why it probably happened, what to do next. */
export interface BridgeError {
  readonly code: ErrorCode;
  readonly message: string;
}

/** What the About line and diagnostics show about the running app. */
export interface AppInfo {
  readonly productName: string;
  readonly version: string;
  readonly shell: 'electron' | 'chromium';
  readonly platform: string;
  readonly dataDir: string;
  /** Plain-words notices for the user, e.g. an admin config file that could not be read. */
  readonly notices: readonly string[];
}

/** An ApprovalMax environment as the renderer may see it: never a secret. */
export interface EnvironmentSummary {
  readonly id: string;
  readonly name: string;
  readonly kind: 'preset' | 'custom';
  readonly issuer: string;
  readonly apiBase: string;
}

/** The API paths the ping tester may call. */
export type PingPath = '/ping' | '/api/v1/companies';

/** Ping with a pasted access token against one environment's API base. */
export interface PingInput {
  readonly environmentId: string;
  readonly accessToken: string;
  readonly path: PingPath;
}

/** Every way a ping can end, from the user's point of view. */
export type PingOutcome =
  | 'success'
  | 'bad-request'
  | 'unauthorised'
  | 'forbidden'
  | 'not-found'
  | 'rate-limited'
  | 'server-error'
  | 'unexpected-status'
  | 'timeout'
  | 'dns'
  | 'connection-refused'
  | 'tls'
  | 'network';

/** A one-line verdict with its explanation and the next step, all in plain words. */
export interface Verdict {
  readonly outcome: PingOutcome;
  readonly tone: 'good' | 'warning' | 'bad';
  readonly headline: string;
  readonly explanation: string;
  readonly nextStep: string;
}

/** A header as sent or received; lists keep order and duplicates. */
export type HeaderPair = readonly [name: string, value: string];

/** The full story of one ping; the token in `request.headers` is always masked. */
export interface PingReport {
  readonly id: string;
  readonly environmentId: string;
  readonly startedAt: string;
  readonly elapsedMs: number;
  readonly verdict: Verdict;
  readonly request: { readonly method: 'GET'; readonly url: string; readonly headers: readonly HeaderPair[] };
  readonly response: {
    readonly status: number;
    readonly statusText: string;
    readonly headers: readonly HeaderPair[];
    readonly body: string;
    readonly bodyTruncated: boolean;
  } | null;
}

/** Something the app did, pushed to the renderer as it happens. */
export interface ActivityEntry {
  readonly at: string;
  readonly kind: 'ping';
  readonly summary: string;
  readonly tone: Verdict['tone'];
}

/** Renderer → main calls: channel name → argument and success value. */
export interface InvokeMap {
  'app:info': { arg: undefined; value: AppInfo };
  'environments:list': { arg: undefined; value: EnvironmentSummary[] };
  'ping:send': { arg: PingInput; value: PingReport };
}

/** Main → renderer events: channel name → payload. */
export interface EventMap {
  'activity:added': ActivityEntry;
}

export type InvokeChannel = keyof InvokeMap;
export type EventChannel = keyof EventMap;

/** Runtime lists of channel names, for registering handlers and guarding the preload. */
export const INVOKE_CHANNELS: readonly InvokeChannel[] = ['app:info', 'environments:list', 'ping:send'];
export const EVENT_CHANNELS: readonly EventChannel[] = ['activity:added'];

/** The object the renderer finds on `window`: one typed method per call, plus events. */
export interface BridgeApi {
  getAppInfo(): Promise<Result<AppInfo>>;
  listEnvironments(): Promise<Result<EnvironmentSummary[]>>;
  ping(input: PingInput): Promise<Result<PingReport>>;
  /** Subscribes to a main → renderer event; returns the unsubscribe function. */
  on<E extends EventChannel>(channel: E, listener: (payload: EventMap[E]) => void): () => void;
}

/** Where the bridge lives on `window` in both shells. */
export const BRIDGE_GLOBAL = 'approvalMaxConnect';
