// THE bridge contract between main and renderer. Imported by main (to register handlers), the
// preload (channel names) and the renderer (types only). It imports nothing, so it can go anywhere.

/** Every bridge call resolves to a Result: expected failures are values, bugs are thrown. */
export type Result<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: BridgeError };

/** Codes the renderer can branch on; `message` is already in plain words for the user. */
export type ErrorCode =
  | 'invalid-argument'
  | 'unknown-environment'
  | 'unknown-connection'
  | 'not-configured'
  | 'sign-in-cancelled'
  | 'sign-in-failed'
  | 'keychain'
  | 'storage'
  | 'forbidden-sender'
  | 'unknown-channel'
  | 'internal';

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

/** An environment with its settings, for the settings screen; the Client Secret only as "is set". */
export interface EnvironmentDetails extends EnvironmentSummary {
  /** preset: built in; admin: from the IT config file (read-only); user: added in the app. */
  readonly source: 'preset' | 'admin' | 'user';
  readonly clientId: string;
  readonly redirectUri: string;
  readonly scopes: readonly string[];
  readonly hasClientSecret: boolean;
}

/** What the settings form sends; a preset or admin environment takes only the fields it allows. */
export interface EnvironmentInput {
  readonly id?: string;
  readonly name: string;
  readonly issuer: string;
  readonly apiBase: string;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly scopes: readonly string[];
  /** Only when set or replaced; it goes straight to the keychain and never comes back. */
  readonly clientSecret?: string;
}

/** An ApprovalMax organisation a connection covers. */
export interface Organisation {
  readonly companyId: string;
  readonly name: string;
}

/** Where a connection stands, in the words the home screen shows. */
export type ConnectionStatus = 'connected' | 'refreshing' | 'needs-reconnect' | 'error';

/** A connection as the renderer sees it: never a token. */
export interface ConnectionView {
  readonly id: string;
  readonly label: string;
  readonly environmentId: string;
  readonly environmentName: string;
  readonly organisations: readonly Organisation[];
  /** The `https://www.approvalmax.com/connection` claim: the id ApprovalMax shows under Connections. */
  readonly connectionId: string | null;
  readonly subject: string | null;
  readonly scopes: readonly string[];
  readonly createdAt: string;
  readonly lastRefreshedAt: string | null;
  readonly expiresAt: string | null;
  readonly status: ConnectionStatus;
  /** Plain words for needs-reconnect and error. */
  readonly statusMessage: string | null;
}

/** A sign-in running in the user's own browser, waiting for the address it landed on. */
export interface BrowserSignIn {
  readonly flowId: string;
}

/** What disconnecting did, so the user can be told. */
export interface DisconnectReport {
  readonly revoked: boolean;
  readonly revocationSupported: boolean;
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
  readonly kind: 'ping' | 'connect' | 'refresh' | 'reconnect-needed' | 'disconnect' | 'error';
  readonly summary: string;
  readonly tone: Verdict['tone'];
}

/** Renderer → main calls: channel name → argument and success value. */
export interface InvokeMap {
  'app:info': { arg: undefined; value: AppInfo };
  'environments:list': { arg: undefined; value: EnvironmentDetails[] };
  'environments:save': { arg: EnvironmentInput; value: EnvironmentDetails };
  'environments:remove': { arg: { id: string }; value: null };
  'connections:list': { arg: undefined; value: ConnectionView[] };
  'connections:connect': { arg: { environmentId: string; reconnectId?: string }; value: ConnectionView };
  'connections:cancel-sign-in': { arg: undefined; value: null };
  'connections:sign-in-with-browser': { arg: { environmentId: string; reconnectId?: string }; value: BrowserSignIn };
  'connections:finish-browser-sign-in': { arg: { flowId: string; landedUrl: string }; value: ConnectionView };
  'connections:refresh': { arg: { id: string }; value: ConnectionView };
  'connections:rename': { arg: { id: string; label: string }; value: ConnectionView };
  'connections:disconnect': { arg: { id: string }; value: DisconnectReport };
  'ping:send': { arg: PingInput; value: PingReport };
}

/** Main → renderer events: channel name → payload. */
export interface EventMap {
  'activity:added': ActivityEntry;
  /** The whole list after any change (connected, refreshed, needs reconnect, renamed, removed). */
  'connections:changed': ConnectionView[];
}

export type InvokeChannel = keyof InvokeMap;
export type EventChannel = keyof EventMap;

/** Runtime lists of channel names, for registering handlers and guarding the preload. */
export const INVOKE_CHANNELS: readonly InvokeChannel[] = [
  'app:info',
  'environments:list',
  'environments:save',
  'environments:remove',
  'connections:list',
  'connections:connect',
  'connections:cancel-sign-in',
  'connections:sign-in-with-browser',
  'connections:finish-browser-sign-in',
  'connections:refresh',
  'connections:rename',
  'connections:disconnect',
  'ping:send',
];
export const EVENT_CHANNELS: readonly EventChannel[] = ['activity:added', 'connections:changed'];

/** The object the renderer finds on `window`: one typed method per call, plus events. */
export interface BridgeApi {
  getAppInfo(): Promise<Result<AppInfo>>;
  listEnvironments(): Promise<Result<EnvironmentDetails[]>>;
  saveEnvironment(input: EnvironmentInput): Promise<Result<EnvironmentDetails>>;
  removeEnvironment(id: string): Promise<Result<null>>;
  listConnections(): Promise<Result<ConnectionView[]>>;
  /** Opens the sign-in window; resolves when the connection is made, refused or abandoned. */
  connect(environmentId: string, reconnectId?: string): Promise<Result<ConnectionView>>;
  cancelSignIn(): Promise<Result<null>>;
  signInWithBrowser(environmentId: string, reconnectId?: string): Promise<Result<BrowserSignIn>>;
  finishBrowserSignIn(flowId: string, landedUrl: string): Promise<Result<ConnectionView>>;
  refreshConnection(id: string): Promise<Result<ConnectionView>>;
  renameConnection(id: string, label: string): Promise<Result<ConnectionView>>;
  disconnect(id: string): Promise<Result<DisconnectReport>>;
  ping(input: PingInput): Promise<Result<PingReport>>;
  /** Subscribes to a main → renderer event; returns the unsubscribe function. */
  on<E extends EventChannel>(channel: E, listener: (payload: EventMap[E]) => void): () => void;
}

/** Where the bridge lives on `window` in both shells. */
export const BRIDGE_GLOBAL = 'approvalMaxConnect';
