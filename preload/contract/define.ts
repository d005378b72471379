// How a feature declares its bridge calls and events: each once, in one map. The values are empty
// at run time; only their keys (the method names) and types matter, so nothing is imported here.
/** Every bridge call resolves to a Result: expected failures are values, bugs are thrown. */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: BridgeError };

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

/** One renderer → main call: the argument it takes and the value it succeeds with. */
export interface Call<A, V> {
  readonly arg?: A;
  readonly value?: V;
}

/** One main → renderer push, with its payload. */
export interface Push<P> {
  readonly payload?: P;
}

/** Declares a call in a feature's map: `send: call<PingInput, PingReport>()`. */
export const call = <A = undefined, V = null>(): Call<A, V> => ({});

/** Declares an event in a feature's map: `changed: push<ConnectionView[]>()`. */
export const push = <P>(): Push<P> => ({});

/** A feature's contract: its calls and its events. */
export interface FeatureContract {
  readonly calls: Readonly<Record<string, Call<unknown, unknown>>>;
  readonly events: Readonly<Record<string, Push<unknown>>>;
}
