// The ping tester: a request with a pasted or a connection's token, its verdict and history.
import type { CopyReceipt } from './app';
import { call, type FeatureContract } from './define';

/** Ping with a pasted access token against one environment's API base, or with a connection's current token. */
export type PingInput =
  | { readonly environmentId: string; readonly accessToken: string; readonly path: string }
  | { readonly connectionId: string; readonly path: string };

/** Whose token a ping used: a pasted one, or a connection's (named as it was at the time). */
export type PingTarget =
  { readonly kind: 'pasted' } | { readonly kind: 'connection'; readonly connectionId: string; readonly label: string };

/** An ASP.NET ProblemDetails error body, as the Public API sends them. */
export interface ProblemDetails {
  readonly type: string | null;
  readonly title: string | null;
  readonly status: number | null;
  readonly detail: string | null;
  readonly traceId: string | null;
  /** `error.code` when the API sends `error` as an object, e.g. `invalidInput`. */
  readonly code: string | null;
  /** `error.parameters`: each input the API refused and why (empty when none). */
  readonly parameters: readonly ProblemParameter[];
}

/** An ASP.NET ProblemDetails `error.parameters` entry: which input was wrong and why. */
export interface ProblemParameter {
  readonly path: string | null;
  readonly name: string | null;
  readonly value: string | null;
  readonly message: string | null;
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

/** Calls of the "Test the API" screen. */
export const ping = {
  calls: {
    send: call<PingInput, PingReport>(),
    history: call<undefined, PingHistoryItem[]>(),
    openHistory: call<{ id: string }, PingReport>(),
    clearHistory: call<undefined, null>(),
    /** Copies through main, so a real token can be wiped from the clipboard again. */
    copy: call<{ id: string; what: PingCopy }, CopyReceipt>(),
  },
  events: {},
} satisfies FeatureContract;
