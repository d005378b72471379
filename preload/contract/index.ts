// THE bridge contract between main and renderer, one file per feature, each call and event declared
// once in its feature's map. Everything else — channel names, the bridge object's type, the keys of
// main's schema and handler tables — is derived here, so the compiler names whatever is missing.
// Imported by main (handlers), the preload (channels) and the renderer (types only); it imports
// nothing outside this folder.
import { activity } from './activity';
import { app } from './app';
import { connections } from './connections';
import type { Call, Push, Result } from './define';
import { diagnostics } from './diagnostics';
import { environments } from './environments';
import { health } from './health';
import { inspect } from './inspect';
import { ping } from './ping';
import { proxy } from './proxy';
import { workbench } from './workbench';

export type * from './activity';
export type * from './app';
export type * from './connections';
export type { BridgeError, ErrorCode, Result } from './define';
export type * from './diagnostics';
export type * from './environments';
export type * from './health';
export type * from './inspect';
export type * from './ping';
export type * from './proxy';
export type * from './workbench';

/** Every feature's calls and events: the one list the channels, bridge, schemas and handlers come from. */
export const CONTRACT = {
  app,
  proxy,
  environments,
  connections,
  health,
  inspect,
  ping,
  workbench,
  activity,
  diagnostics,
} as const;

type Contract = typeof CONTRACT;
/** A feature name: `ping`, `connections`… */
export type Feature = keyof Contract;
/** A feature's call names: `send`, `history`… */
export type Method<F extends Feature> = keyof Contract[F]['calls'] & string;
/** A feature's event names: `changed`, `added`… */
export type EventName<F extends Feature> = keyof Contract[F]['events'] & string;
/** What a call takes. */
export type ArgOf<F extends Feature, M extends Method<F>> =
  Contract[F]['calls'][M] extends Call<infer A, unknown> ? A : never;
/** What a call succeeds with. */
export type ValueOf<F extends Feature, M extends Method<F>> =
  Contract[F]['calls'][M] extends Call<unknown, infer V> ? V : never;
/** What an event carries. */
export type PayloadOf<F extends Feature, E extends EventName<F>> =
  Contract[F]['events'][E] extends Push<infer P> ? P : never;

/** The wire name of a call or event: `ping:send`, `connections:changed`. */
export type InvokeChannel = { [F in Feature]: `${F}:${Method<F>}` }[Feature];
export type EventChannel = { [F in Feature]: `${F}:${EventName<F>}` }[Feature];

/** What an event channel carries: `EventPayload<'connections:changed'>` is `ConnectionView[]`. */
export type EventPayload<C extends EventChannel> = {
  [F in Feature]: { [E in EventName<F>]: C extends `${F}:${E}` ? PayloadOf<F, E> : never }[EventName<F>];
}[Feature];

/** Every call's channel, for registering handlers in main and guarding the preload. */
export const INVOKE_CHANNELS = channelsOf('calls') as readonly InvokeChannel[];
/** Every event's channel. */
export const EVENT_CHANNELS = channelsOf('events') as readonly EventChannel[];

function channelsOf(kind: 'calls' | 'events'): string[] {
  return Object.entries(CONTRACT).flatMap(([feature, contract]) =>
    Object.keys(contract[kind]).map((name) => `${feature}:${name}`),
  );
}

/** One feature's methods on the bridge object; a call without an argument takes none. */
export type FeatureBridge<F extends Feature> = {
  readonly [M in Method<F>]: ArgOf<F, M> extends undefined
    ? () => Promise<Result<ValueOf<F, M>>>
    : (arg: ArgOf<F, M>) => Promise<Result<ValueOf<F, M>>>;
} & ([EventName<F>] extends [never]
  ? unknown
  : {
      /** Subscribes to one of the feature's events; returns the unsubscribe function. */
      on<E extends EventName<F>>(event: E, listener: (payload: PayloadOf<F, E>) => void): () => void;
    });

/** The object the renderer finds on `window`: `bridge.ping.send(…)` reaches the handler `ping.send`. */
export type BridgeApi = { readonly [F in Feature]: FeatureBridge<F> };

/** Main's handler for every call, grouped by feature: a missing one is a compile error. */
export type BridgeHandlers = { [F in Feature]: FeatureHandlers<F> };
export type FeatureHandlers<F extends Feature> = {
  [M in Method<F>]: (arg: ArgOf<F, M>) => Promise<Result<ValueOf<F, M>>>;
};

/** Where the bridge lives on `window` in both shells. */
export const BRIDGE_GLOBAL = 'approvalMaxConnect';
