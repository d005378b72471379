// Environments: presets, the admin's and the user's own; secrets only ever go in.
import { call, type FeatureContract } from './define';

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

/** Calls of the settings screen. */
export const environments = {
  calls: {
    list: call<undefined, EnvironmentDetails[]>(),
    save: call<EnvironmentInput, EnvironmentDetails>(),
    remove: call<{ id: string }, null>(),
  },
  events: {},
} satisfies FeatureContract;
