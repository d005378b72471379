// Connections: sign-in, keeping connected, disconnecting. No token ever crosses here.
import { call, push, type FeatureContract } from './define';
import type { CheckSummary } from './health';

/** An ApprovalMax organisation a connection covers. */
export interface Organisation {
  readonly companyId: string;
  readonly name: string;
}

/** Where a connection stands, in the words the home screen shows. */
export type ConnectionStatus = 'connected' | 'refreshing' | 'needs-reconnect' | 'error';

/**
 * How a connection renews itself: `offline` with a refresh token granted for offline access; `session`
 * with a refresh token that lasts only as long as the sign-in session (offline access not granted);
 * `none` without a refresh token (it stops when the access token expires).
 */
export type Renewal = 'offline' | 'session' | 'none';

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
  readonly renewal: Renewal;
  /** Plain words when renewal is not `offline`: how long it lasts and what to ask for; else null. */
  readonly renewalNote: string | null;
  /** How long it stays connected without this app; null where the server's refresh-token lifetime is unknown. */
  readonly lifetime: ConnectionLifetime | null;
  /** The last "Check connection", when there was one. */
  readonly lastCheck: CheckSummary | null;
}

/**
 * A refresh token's sliding lifetime: each renewal starts it again. `lapsing-soon` within the warning
 * window (5 days for a 30-day lifetime), `lapsed` once it ran out without a renewal.
 */
export interface ConnectionLifetime {
  readonly renewedAt: string;
  readonly lapsesAt: string;
  readonly phase: 'alive' | 'lapsing-soon' | 'lapsed';
  /** "Stays connected until about 3 Jan 2027 even if this app is not opened." */
  readonly words: string;
  /** For `lapsing-soon`: "Open this app before 3 Jan or reconnect…"; else null. */
  readonly warning: string | null;
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

/** Calls and events of the connections screen. */
export const connections = {
  calls: {
    list: call<undefined, ConnectionView[]>(),
    /** Opens the sign-in window; resolves when the connection is made, refused or abandoned. */
    connect: call<{ environmentId: string; reconnectId?: string }, ConnectionView>(),
    cancelSignIn: call<undefined, null>(),
    signInWithBrowser: call<{ environmentId: string; reconnectId?: string }, BrowserSignIn>(),
    finishBrowserSignIn: call<{ flowId: string; landedUrl: string }, ConnectionView>(),
    refresh: call<{ id: string }, ConnectionView>(),
    rename: call<{ id: string; label: string }, ConnectionView>(),
    disconnect: call<{ id: string }, DisconnectReport>(),
  },
  events: {
    /** The whole list after any change (connected, refreshed, needs reconnect, renamed, removed). */
    changed: push<ConnectionView[]>(),
    /** The sign-in window shows the identity server's own error page: what it says and what to check. */
    signInProblem: push<{ environmentId: string; message: string }>(),
  },
} satisfies FeatureContract;
