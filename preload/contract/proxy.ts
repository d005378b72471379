// Proxies that ask for a user name and password: the app's dialog.
import { call, push, type FeatureContract } from './define';

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
export type ProxyAnswer =
  | { readonly kind: 'cancel' }
  | { readonly kind: 'login'; readonly username: string; readonly password: string; readonly remember: boolean };

/** Calls and events of the proxy sign-in dialog. */
export const proxy = {
  calls: {
    /** Proxy sign-ins still waiting for the user (for a window that opens while one waits). */
    waiting: call<undefined, ProxyChallengeView[]>(),
    /** The dialog's answer; the password goes to main only, never back. */
    answer: call<{ id: string; answer: ProxyAnswer }, null>(),
  },
  events: {
    /** A proxy asks for a user name and password: the app shows its dialog. */
    credentialsNeeded: push<ProxyChallengeView>(),
  },
} satisfies FeatureContract;
