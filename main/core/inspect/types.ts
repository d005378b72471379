// The token inspector's types. The ones the renderer sees live in the bridge contract (which
// imports nothing) and are re-exported here; the rest never leave main: they hold the token itself.

import type { DecodeError, OpaqueToken } from '../../../preload/contract';

export type {
  DecodeError,
  ExpiryState,
  InspectedRow,
  IssuerSummary,
  JsonValue,
  OpaqueToken,
  RowKind,
  ScopeRow,
  TimeStamp,
  TimeSummary,
  TimeValidity,
  TokenInspection,
  TokenInspectionOk,
  TokenPart,
  VerifyKind,
  VerifyResult,
} from '../../../preload/contract';

/** One JWT found in a paste, cleaned to compact form, with where it came from. */
export interface FoundToken {
  /** The field it came from ("access_token", "id_token"…), or "token" when the paste did not say. */
  readonly label: string;
  /** The compact JWT, without whitespace, quotes or prefixes. Secret: never log it. */
  readonly token: string;
}

/** Everything a paste held, plus what was cleaned to get there. */
export interface ExtractResult {
  readonly found: readonly FoundToken[];
  /** What was cleaned or taken from where, e.g. "Removed 2 spaces inside the token". */
  readonly notes: readonly string[];
  readonly opaque: readonly OpaqueToken[];
  /** Set when nothing usable was found: what to do instead. */
  readonly problem?: string;
}

/** The three raw base64url parts of a compact token (together they ARE the token: secret). */
export interface TokenParts {
  readonly header: string;
  readonly payload: string;
  readonly signature: string;
}

/** A decoded token (unverified), or the typed reason it could not be decoded. Main-process only: `parts` is the token. */
export type DecodeResult =
  | {
      readonly ok: true;
      readonly header: { readonly [key: string]: unknown };
      readonly payload: { readonly [key: string]: unknown };
      readonly parts: TokenParts;
      /** The decoded text of header and payload exactly as in the token, for a "raw JSON" view. */
      readonly json: { readonly header: string; readonly payload: string };
      readonly signatureBytes: number;
    }
  | { readonly ok: false; readonly error: DecodeError };

/** One of the user's configured environments, as the inspector matches issuers against them. */
export interface EnvironmentRef {
  readonly id: string;
  readonly name: string;
  readonly issuer: string;
}

/** What the inspector needs besides the token: the time now and the environments to match issuers to. */
export interface InspectContext {
  /** Milliseconds since 1970 (Clock.now()). */
  readonly now: number;
  readonly environments: readonly EnvironmentRef[];
}
