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
    listEnvironments: () => call('environments:list'),
    ping: (input) => call('ping:send', input),
    on: (channel, listener) => {
      if (!EVENT_CHANNELS.includes(channel)) throw new Error(`Unknown event channel: ${String(channel)}`);
      return subscribe(channel, (payload) => listener(payload as never));
    },
  } satisfies BridgeApi);
}
