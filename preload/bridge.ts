import {
  EVENT_CHANNELS,
  type BridgeApi,
  type EventChannel,
  type InvokeChannel,
  type InvokeMap,
  type Result,
} from './contract';

/** Sends one call to main; each shell supplies its own transport (ipcRenderer or a Playwright binding). */
export type Invoke = (channel: InvokeChannel, arg: unknown) => Promise<unknown>;

/** Listens to one main → renderer channel; returns the unsubscribe function. */
export type Subscribe = (channel: EventChannel, listener: (payload: unknown) => void) => () => void;

/** Builds the typed bridge object from a shell's raw transport, shared by the Electron and Chromium shells. */
export function createBridge(invoke: Invoke, subscribe: Subscribe): BridgeApi {
  const call = <C extends InvokeChannel>(channel: C, arg?: InvokeMap[C]['arg']) =>
    invoke(channel, arg) as Promise<Result<InvokeMap[C]['value']>>;
  return Object.freeze({
    getAppInfo: () => call('app:info'),
    proxyWaiting: () => call('proxy:waiting'),
    answerProxy: (id, answer) => call('proxy:answer', { id, answer }),
    inspectPaste: (text) => call('inspect:paste', { text }),
    verifyToken: (token) => call('inspect:verify', { token }),
    inspectConnectionToken: (id) => call('inspect:connection', { id }),
    verifyConnectionToken: (id) => call('inspect:verify-connection', { id }),
    revealConnectionToken: (id) => call('inspect:reveal-connection-token', { id }),
    copyConnectionToken: (id) => call('inspect:copy-connection-token', { id }),
    copyText: (text, secret) => call('clipboard:copy', { text, secret }),
    listEnvironments: () => call('environments:list'),
    saveEnvironment: (input) => call('environments:save', input),
    removeEnvironment: (id) => call('environments:remove', { id }),
    listConnections: () => call('connections:list'),
    connect: (environmentId, reconnectId) => call('connections:connect', withOptional({ environmentId }, 'reconnectId', reconnectId)),
    cancelSignIn: () => call('connections:cancel-sign-in'),
    signInWithBrowser: (environmentId, reconnectId) =>
      call('connections:sign-in-with-browser', withOptional({ environmentId }, 'reconnectId', reconnectId)),
    finishBrowserSignIn: (flowId, landedUrl) => call('connections:finish-browser-sign-in', { flowId, landedUrl }),
    refreshConnection: (id) => call('connections:refresh', { id }),
    renameConnection: (id, label) => call('connections:rename', { id, label }),
    disconnect: (id) => call('connections:disconnect', { id }),
    ping: (input) => call('ping:send', input),
    pingHistory: () => call('ping:history'),
    openPingHistory: (id) => call('ping:history-open', { id }),
    clearPingHistory: () => call('ping:history-clear'),
    copyFromPing: (id, what) => call('ping:copy', { id, what }),
    listActivity: (filter = {}) => call('activity:list', filter),
    diagnosticsReport: () => call('diagnostics:report'),
    saveDiagnostics: (format) => call('diagnostics:save', { format }),
    copyDiagnostics: (format) => call('diagnostics:copy', { format }),
    openLogsFolder: () => call('logs:open-folder'),
    on: (channel, listener) => {
      if (!EVENT_CHANNELS.includes(channel)) throw new Error(`Unknown event channel: ${String(channel)}`);
      return subscribe(channel, (payload) => listener(payload as never));
    },
  } satisfies BridgeApi);
}

/** Adds a key only when it has a value, so strict schemas in main never see `undefined` fields. */
function withOptional<T extends object, K extends string>(base: T, key: K, value: string | undefined): T & Partial<Record<K, string>> {
  return value === undefined ? base : { ...base, [key]: value };
}
