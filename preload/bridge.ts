import { CONTRACT, EVENT_CHANNELS, type BridgeApi, type EventChannel, type InvokeChannel } from './contract';

/** Sends one call to main; each shell supplies its own transport (ipcRenderer or a Playwright binding). */
export type Invoke = (channel: InvokeChannel, arg: unknown) => Promise<unknown>;

/** Listens to one main → renderer channel; returns the unsubscribe function. */
export type Subscribe = (channel: EventChannel, listener: (payload: unknown) => void) => () => void;

/**
 * Builds the typed bridge object from a shell's raw transport, shared by the Electron and Chromium
 * shells: one method per call in the contract, `bridge.ping.send(arg)` → channel `ping:send`.
 */
export function createBridge(invoke: Invoke, subscribe: Subscribe): BridgeApi {
  const features = Object.entries(CONTRACT).map(([feature, contract]) => {
    const methods: Record<string, unknown> = Object.fromEntries(
      Object.keys(contract.calls).map((method) => [
        method,
        (arg?: unknown) => invoke(`${feature}:${method}` as InvokeChannel, arg),
      ]),
    );
    if (Object.keys(contract.events).length > 0) {
      methods.on = (event: string, listener: (payload: unknown) => void) => {
        const channel = `${feature}:${event}` as EventChannel;
        if (!EVENT_CHANNELS.includes(channel)) throw new Error(`Unknown event: ${channel}`);
        return subscribe(channel, listener);
      };
    }
    return [feature, Object.freeze(methods)] as const;
  });
  return Object.freeze(Object.fromEntries(features)) as unknown as BridgeApi;
}
