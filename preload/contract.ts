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
  | 'token-unavailable'
  | 'keychain'
  | 'storage'
  | 'forbidden-sender'
  | 'unknown-channel'
  | 'unknown-request'
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
  /** Admin environments only: IT's plain-text note for the sign-in panel (not a secret). */
  readonly signInHint?: string;
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

/** The API paths the ping tester offers; any other GET path under the API base may be typed in. */
export type PingPath = '/ping' | '/api/v1/companies';

/** Ping with a pasted access token against one environment's API base, or with a connection's current token. */
export type PingInput =
  | { readonly environmentId: string; readonly accessToken: string; readonly path: string }
  | { readonly connectionId: string; readonly path: string };

/** Whose token a ping used: a pasted one, or a connection's (named as it was at the time). */
export type PingTarget = { readonly kind: 'pasted' } | { readonly kind: 'connection'; readonly connectionId: string; readonly label: string };

/** An ASP.NET ProblemDetails error body, as the Public API sends them. */
export interface ProblemDetails {
  readonly type: string | null;
  readonly title: string | null;
  readonly status: number | null;
  readonly detail: string | null;
  readonly traceId: string | null;
}

/** The server's `Date` header against this computer's clock; token expiry depends on both agreeing. */
export interface ClockSkew {
  readonly serverTime: string;
  readonly localTime: string;
  /** Server minus local, in whole seconds: positive when this computer is behind. */
  readonly skewSeconds: number;
  /** Plain words when the difference exceeds 60 s, else null. */
  readonly warning: string | null;
}

/** How long a ping took, and the phases where the transport reports them. */
export interface PingTimings {
  readonly totalMs: number;
  /** Which network stack carried the request and gave the figures. */
  readonly transport: string;
  readonly phases: readonly { readonly label: string; readonly ms: number }[];
  /** Why phases are missing or merged, in plain words; null when all are there. */
  readonly note: string | null;
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
  | 'proxy'
  | 'api-access-disabled'
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
  readonly environmentName: string;
  readonly target: PingTarget;
  readonly path: string;
  readonly startedAt: string;
  readonly elapsedMs: number;
  readonly verdict: Verdict;
  readonly problem: ProblemDetails | null;
  readonly clockSkew: ClockSkew | null;
  readonly timings: PingTimings;
  /** The request as a cURL command, the token written as `$TOKEN`. */
  readonly curl: string;
  readonly request: { readonly method: 'GET'; readonly url: string; readonly headers: readonly HeaderPair[] };
  readonly response: {
    readonly status: number;
    readonly statusText: string;
    readonly headers: readonly HeaderPair[];
    readonly body: string;
    readonly bodyTruncated: boolean;
  } | null;
}

/** The kinds of thing the activity timeline records. */
export type ActivityKind = 'ping' | 'connect' | 'refresh' | 'reconnect-needed' | 'disconnect' | 'error';

/** Something the app did, pushed to the renderer as it happens and kept for the timeline. */
export interface ActivityEntry {
  readonly at: string;
  readonly kind: ActivityKind;
  readonly summary: string;
  readonly tone: Verdict['tone'];
  /** The connection it concerns, and its name at the time, when it concerns one. */
  readonly connectionId?: string;
  readonly connectionLabel?: string;
}

/** What the timeline screen may narrow to; absent fields match everything. */
export interface ActivityFilter {
  readonly connectionId?: string;
  readonly kind?: ActivityKind;
}

/** One line of the ping history; the whole report is fetched when re-opened. */
export interface PingHistoryItem {
  readonly id: string;
  readonly startedAt: string;
  readonly target: PingTarget;
  readonly environmentName: string;
  readonly path: string;
  readonly status: number | null;
  readonly tone: Verdict['tone'];
  readonly headline: string;
}

/** What the ping tester can copy; `curl-with-token` puts the real token on the clipboard for 60 s. */
export type PingCopy = 'curl' | 'curl-with-token' | 'response';

/** When the clipboard will be cleared again (only for copies holding a secret). */
export interface CopyReceipt {
  readonly clearsAt: string | null;
}

/** The formats a diagnostics report comes in. */
export type ReportFormat = 'markdown' | 'json';

/** A diagnostics report, redacted, in both formats. */
export interface DiagnosticsReport {
  readonly generatedAt: string;
  readonly markdown: string;
  readonly json: string;
}

// ── Token inspector (built by main/core/inspect; every string is plain words for the user) ──────

/** A JSON value as decoded from a token (non-finite numbers already replaced by null). */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** A token that is not a JWT (a reference or refresh token): it can be named, never decoded. */
export interface OpaqueToken {
  readonly label: string;
  readonly note: string;
}

/** Which part of a token a decoding problem is in; the UI colours that part. */
export type TokenPart = 'structure' | 'header' | 'payload' | 'signature';

/** Why a token could not be decoded, naming the part in plain words. */
export interface DecodeError {
  readonly part: TokenPart;
  readonly reason: string;
}

/** A point in time as a token states it (UTC); the renderer shows it in local time. */
export interface TimeStamp {
  readonly iso: string;
  readonly epochSeconds: number;
}

/** How a row is best shown. */
export type RowKind = 'date' | 'scope' | 'text' | 'list' | 'other';

/** One header parameter or claim, with its meaning and anything odd about it. */
export interface InspectedRow {
  readonly name: string;
  readonly value: JsonValue;
  /** A short text form of the value (long values are shortened). */
  readonly display: string;
  /** What it means, in plain words; null for claims this app does not know. */
  readonly meaning: string | null;
  readonly kind: RowKind;
  /** Problems with the value, e.g. "should be a whole number of seconds but is 1.5". */
  readonly flags: readonly string[];
  readonly date?: TimeStamp;
}

/** One scope the token grants, with what it allows (null when unknown). */
export interface ScopeRow {
  readonly scope: string;
  readonly meaning: string | null;
}

/** Whether the token is usable now, by its own times and this computer's clock. */
export type ExpiryState = 'valid' | 'expired' | 'not-yet-valid' | 'no-expiry';

/** The token's times, checked against the clock at `checkedAt`. */
export interface TimeSummary {
  readonly state: ExpiryState;
  readonly checkedAt: TimeStamp;
  readonly expiresAt: TimeStamp | null;
  readonly notBefore: TimeStamp | null;
  readonly issuedAt: TimeStamp | null;
  readonly lifetimeSeconds: number | null;
  /** Neutral remarks, e.g. "Issued (iat) about 5 minutes before it became valid (nbf)". */
  readonly notes: readonly string[];
}

/** Who issued the token, matched to a configured environment where possible. */
export interface IssuerSummary {
  readonly value: string;
  readonly environment: { readonly id: string; readonly name: string } | null;
  readonly description: string;
}

/** Everything the inspector shows about a token that decoded; holds no signature. */
export interface TokenInspectionOk {
  readonly ok: true;
  readonly header: readonly InspectedRow[];
  readonly claims: readonly InspectedRow[];
  /** The decoded header and payload text exactly as in the token. */
  readonly json: { readonly header: string; readonly payload: string };
  readonly algorithm: string | null;
  readonly keyId: string | null;
  readonly tokenType: string | null;
  readonly signatureBytes: number;
  readonly scopes: readonly ScopeRow[];
  readonly times: TimeSummary;
  readonly issuer: IssuerSummary | null;
  /** Loud warnings, most serious first. */
  readonly warnings: readonly string[];
  readonly connectionId: string | null;
  readonly subject: string | null;
  readonly clientId: string | null;
}

/** The inspection of a token, or why it could not be decoded. */
export type TokenInspection = TokenInspectionOk | { readonly ok: false; readonly error: DecodeError };

/** The signature verdict; independent of the token's times. */
export type VerifyKind = 'valid' | 'invalid-signature' | 'key-not-found' | 'no-keys-published' | 'issuer-unreachable' | 'unsupported-algorithm' | 'malformed';

/** The token's times against the local clock, reported beside the signature verdict. */
export interface TimeValidity {
  readonly state: ExpiryState;
  readonly message: string;
}

/** The result of checking a token's signature against the keys its issuer publishes. */
export interface VerifyResult {
  readonly kind: VerifyKind;
  readonly message: string;
  readonly keyId: string | null;
  readonly algorithm: string | null;
  readonly issuer: string | null;
  readonly keysUrl: string | null;
  readonly timeValidity: TimeValidity | null;
}

/** One token found in what the user pasted (the token is theirs: it came from the renderer). */
export interface PastedToken {
  readonly label: string;
  readonly token: string;
  readonly inspection: TokenInspection;
}

/** Everything found in a paste, and what was cleaned to get there. */
export interface PasteInspection {
  readonly tokens: readonly PastedToken[];
  readonly notes: readonly string[];
  readonly opaque: readonly OpaqueToken[];
  readonly problem: string | null;
}

/** A claim that differs between a connection's previous and current access token. */
export interface ClaimChange {
  readonly name: string;
  readonly before: string | null;
  readonly after: string | null;
}

/** A connection's current access token, inspected; the token itself only on "Reveal". */
export interface ConnectionTokenInspection {
  readonly connectionId: string;
  readonly label: string;
  readonly inspection: TokenInspection;
  /** Changes since the token before the last refresh; null when this app has not seen an earlier one. */
  readonly changes: readonly ClaimChange[] | null;
}

/** A proxy server that asks for a user name and password, as the app's dialog shows it. */
export interface ProxyChallengeView {
  readonly id: string;
  readonly host: string;
  readonly port: number;
  readonly realm: string;
  readonly scheme: string;
  /** True when the proxy refused the user name and password given before. */
  readonly refused: boolean;
}

/** The dialog's answer: a user name and password (kept in the keychain only if `remember`), or cancel. */
export type ProxyAnswer = { readonly kind: 'cancel' } | { readonly kind: 'login'; readonly username: string; readonly password: string; readonly remember: boolean };

/** Renderer → main calls: channel name → argument and success value. */
export interface InvokeMap {
  'app:info': { arg: undefined; value: AppInfo };
  'proxy:waiting': { arg: undefined; value: ProxyChallengeView[] };
  'proxy:answer': { arg: { id: string; answer: ProxyAnswer }; value: null };
  'inspect:paste': { arg: { text: string }; value: PasteInspection };
  'inspect:verify': { arg: { token: string }; value: VerifyResult };
  'inspect:connection': { arg: { id: string }; value: ConnectionTokenInspection };
  'inspect:verify-connection': { arg: { id: string }; value: VerifyResult };
  'inspect:reveal-connection-token': { arg: { id: string }; value: { token: string } };
  'inspect:copy-connection-token': { arg: { id: string }; value: CopyReceipt };
  'clipboard:copy': { arg: { text: string; secret: boolean }; value: CopyReceipt };
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
  'ping:history': { arg: undefined; value: PingHistoryItem[] };
  'ping:history-open': { arg: { id: string }; value: PingReport };
  'ping:history-clear': { arg: undefined; value: null };
  'ping:copy': { arg: { id: string; what: PingCopy }; value: CopyReceipt };
  'activity:list': { arg: ActivityFilter; value: ActivityEntry[] };
  'diagnostics:report': { arg: undefined; value: DiagnosticsReport };
  'diagnostics:save': { arg: { format: ReportFormat }; value: { savedTo: string | null } };
  'diagnostics:copy': { arg: { format: ReportFormat }; value: null };
  'logs:open-folder': { arg: undefined; value: { folder: string } };
}

/** Main → renderer events: channel name → payload. */
export interface EventMap {
  'activity:added': ActivityEntry;
  /** The whole list after any change (connected, refreshed, needs reconnect, renamed, removed). */
  'connections:changed': ConnectionView[];
  /** Every notice so far, after one arrives late (the keychain check, admin secrets applied after the window shows). */
  'app:notices-changed': string[];
  /** A proxy asks for a user name and password: the app shows its dialog. */
  'proxy:credentials-needed': ProxyChallengeView;
}

export type InvokeChannel = keyof InvokeMap;
export type EventChannel = keyof EventMap;

/** Runtime lists of channel names, for registering handlers and guarding the preload. */
export const INVOKE_CHANNELS: readonly InvokeChannel[] = [
  'app:info',
  'proxy:waiting',
  'proxy:answer',
  'inspect:paste',
  'inspect:verify',
  'inspect:connection',
  'inspect:verify-connection',
  'inspect:reveal-connection-token',
  'inspect:copy-connection-token',
  'clipboard:copy',
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
  'ping:history',
  'ping:history-open',
  'ping:history-clear',
  'ping:copy',
  'activity:list',
  'diagnostics:report',
  'diagnostics:save',
  'diagnostics:copy',
  'logs:open-folder',
];
export const EVENT_CHANNELS: readonly EventChannel[] = ['activity:added', 'connections:changed', 'app:notices-changed', 'proxy:credentials-needed'];

/** The object the renderer finds on `window`: one typed method per call, plus events. */
export interface BridgeApi {
  getAppInfo(): Promise<Result<AppInfo>>;
  /** Proxy sign-ins still waiting for the user (for a window that opens while one waits). */
  proxyWaiting(): Promise<Result<ProxyChallengeView[]>>;
  /** The proxy dialog's answer; the password goes to main only, never back. */
  answerProxy(id: string, answer: ProxyAnswer): Promise<Result<null>>;
  /** Finds and inspects every token in a paste (decode only). */
  inspectPaste(text: string): Promise<Result<PasteInspection>>;
  verifyToken(token: string): Promise<Result<VerifyResult>>;
  inspectConnectionToken(id: string): Promise<Result<ConnectionTokenInspection>>;
  verifyConnectionToken(id: string): Promise<Result<VerifyResult>>;
  /** The explicit "Reveal": the only way a connection's access token reaches the renderer. */
  revealConnectionToken(id: string): Promise<Result<{ token: string }>>;
  copyConnectionToken(id: string): Promise<Result<CopyReceipt>>;
  /** Copies through main; a secret is wiped from the clipboard after 60 s. */
  copyText(text: string, secret: boolean): Promise<Result<CopyReceipt>>;
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
  pingHistory(): Promise<Result<PingHistoryItem[]>>;
  openPingHistory(id: string): Promise<Result<PingReport>>;
  clearPingHistory(): Promise<Result<null>>;
  /** Copies through main, so a real token can be wiped from the clipboard again. */
  copyFromPing(id: string, what: PingCopy): Promise<Result<CopyReceipt>>;
  listActivity(filter?: ActivityFilter): Promise<Result<ActivityEntry[]>>;
  diagnosticsReport(): Promise<Result<DiagnosticsReport>>;
  /** Asks where to save (a save dialog); `savedTo` is null when the user cancelled. */
  saveDiagnostics(format: ReportFormat): Promise<Result<{ savedTo: string | null }>>;
  copyDiagnostics(format: ReportFormat): Promise<Result<null>>;
  openLogsFolder(): Promise<Result<{ folder: string }>>;
  /** Subscribes to a main → renderer event; returns the unsubscribe function. */
  on<E extends EventChannel>(channel: E, listener: (payload: EventMap[E]) => void): () => void;
}

/** Where the bridge lives on `window` in both shells. */
export const BRIDGE_GLOBAL = 'approvalMaxConnect';
