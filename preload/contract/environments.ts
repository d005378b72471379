// Environments: presets, the admin's and the user's own; secrets only ever go in.
import { call, type FeatureContract } from './define';

/** An ApprovalMax environment as the renderer may see it: never a secret. */
export interface EnvironmentSummary {
  readonly id: string;
  /** How messages name its identity server: "ApprovalMax" for ApprovalMax's, else the environment's name. */
  readonly providerName: string;
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
  /** The authorise request's `prompt`, when set; absent: automatic (consent when asking for openid + offline_access). */
  readonly prompt?: PromptSetting;
  /** How many days a refresh token lives without a refresh, when set; absent: 30 for ApprovalMax's servers, unknown for others. */
  readonly refreshTokenLifetimeDays?: number;
  /** The API workbench's budget of reads per minute per organisation, when set; absent: 100, the Public API's limit. */
  readonly readsPerMinute?: number;
}

/** Values an environment may force for the authorise request's `prompt` (OpenID Connect Core §3.1.2.1). */
export type PromptSetting = 'none' | 'consent' | 'login' | 'select_account';

/** What the settings form sends; a preset or admin environment takes only the fields it allows. */
export interface EnvironmentInput {
  readonly id?: string;
  readonly name: string;
  readonly issuer: string;
  readonly apiBase: string;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly scopes: readonly string[];
  readonly prompt?: PromptSetting;
  readonly refreshTokenLifetimeDays?: number;
  readonly readsPerMinute?: number;
  /** Only when set or replaced; it goes straight to the keychain and never comes back. */
  readonly clientSecret?: string;
}

/** Calls of the settings screen. */
export const environments = {
  calls: {
    list: call<undefined, EnvironmentDetails[]>(),
    save: call<EnvironmentInput, EnvironmentDetails>(),
    remove: call<{ id: string }, null>(),
    /** The scopes an identity server lists in its discovery document (null when it lists none or cannot be reached). */
    scopesSupported: call<{ issuer: string }, { scopes: string[] | null }>(),
  },
  events: {},
} satisfies FeatureContract;
