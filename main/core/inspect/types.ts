// The token inspector's data, as the renderer sees it: plain serialisable values only (no functions,
// no Dates, no bigint, no Infinity or NaN), so each type can be copied into preload/contract.ts as is.
// Every `message`, `note`, `reason`, `meaning` and `description` is plain British English for the user.

/** A JSON value as decoded from a token (non-finite numbers are already replaced by null). */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

// ── Extraction: what was found in a paste ────────────────────────────────────────────────────────

/** One JWT found in a paste, cleaned to compact form, with where it came from. */
export interface FoundToken {
  /** The field it came from ("access_token", "id_token"…), or "token" when the paste did not say. */
  readonly label: string;
  /** The compact JWT, without whitespace, quotes or prefixes. Secret: never log it. */
  readonly token: string;
}

/** A token that is not a JWT (a reference or refresh token): it can be named, never decoded. */
export interface OpaqueToken {
  readonly label: string;
  /** e.g. "An opaque refresh token: it has no readable contents, only the identity server can use it." */
  readonly note: string;
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

// ── Decoding ─────────────────────────────────────────────────────────────────────────────────────

/** Which part of a token a decoding problem is in; the UI colours that part. */
export type TokenPart = 'structure' | 'header' | 'payload' | 'signature';

/** Why a token could not be decoded, naming the part in plain words. */
export interface DecodeError {
  readonly part: TokenPart;
  readonly reason: string;
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

// ── Inspection ───────────────────────────────────────────────────────────────────────────────────

/** A point in time as a token states it. */
export interface TimeStamp {
  /** UTC, e.g. "2023-04-24T14:46:53.000Z"; the renderer shows it in local time. */
  readonly iso: string;
  readonly epochSeconds: number;
}

/** How a row is best shown. */
export type RowKind = 'date' | 'scope' | 'text' | 'list' | 'other';

/** One header parameter or claim, with its meaning and anything odd about it. */
export interface InspectedRow {
  readonly name: string;
  /** The value as decoded (JSON-serialisable; a number too large to represent becomes null). */
  readonly value: JsonValue;
  /** A short text form of the value (long values are shortened). */
  readonly display: string;
  /** What it means, in plain words; null for claims this app does not know. */
  readonly meaning: string | null;
  readonly kind: RowKind;
  /** Problems with the value, e.g. "should be a whole number of seconds but is 1.5", "not a string". */
  readonly flags: readonly string[];
  /** Set for date claims holding a usable date. */
  readonly date?: TimeStamp;
}

/** One scope the token grants, with what it allows. */
export interface ScopeRow {
  readonly scope: string;
  /** null for scopes this app does not know. */
  readonly meaning: string | null;
}

/** Whether the token is usable now, by the token's own times and the computer's clock. */
export type ExpiryState = 'valid' | 'expired' | 'not-yet-valid' | 'no-expiry';

/** The token's times, checked against the clock at `checkedAt`. */
export interface TimeSummary {
  readonly state: ExpiryState;
  readonly checkedAt: TimeStamp;
  readonly expiresAt: TimeStamp | null;
  readonly notBefore: TimeStamp | null;
  readonly issuedAt: TimeStamp | null;
  /** Seconds from nbf (or iat) to exp; ApprovalMax issues 3600. */
  readonly lifetimeSeconds: number | null;
  /** Neutral remarks, e.g. "Issued (iat) about 5 minutes before it became valid (nbf)". */
  readonly notes: readonly string[];
}

/** One of the user's configured environments, as the inspector matches issuers against them. */
export interface EnvironmentRef {
  readonly id: string;
  readonly name: string;
  readonly issuer: string;
}

/** Who issued the token, matched to a configured environment where possible. */
export interface IssuerSummary {
  readonly value: string;
  readonly environment: { readonly id: string; readonly name: string } | null;
  /** e.g. "identitydev04 — an ApprovalMax development server". */
  readonly description: string;
}

/** Everything the inspector shows about a token that decoded. Holds no credential (no signature). */
export interface TokenInspectionOk {
  readonly ok: true;
  readonly header: readonly InspectedRow[];
  readonly claims: readonly InspectedRow[];
  /** The decoded header and payload text exactly as in the token (never the signature). */
  readonly json: { readonly header: string; readonly payload: string };
  readonly algorithm: string | null;
  readonly keyId: string | null;
  readonly tokenType: string | null;
  readonly signatureBytes: number;
  readonly scopes: readonly ScopeRow[];
  readonly times: TimeSummary;
  /** null when the token has no usable `iss` claim. */
  readonly issuer: IssuerSummary | null;
  /** Loud warnings, most serious first, e.g. "This token is not signed: anyone could have written it. Never trust it." */
  readonly warnings: readonly string[];
  /** ApprovalMax's connection claim: the connection listed in its web app under Connections. */
  readonly connectionId: string | null;
  readonly subject: string | null;
  readonly clientId: string | null;
}

/** The inspection of a token, or why it could not be decoded. */
export type TokenInspection = TokenInspectionOk | { readonly ok: false; readonly error: DecodeError };

/** What the inspector needs besides the token: the time now and the environments to match issuers to. */
export interface InspectContext {
  /** Milliseconds since 1970 (Clock.now()). */
  readonly now: number;
  readonly environments: readonly EnvironmentRef[];
}

// ── Signature verification ───────────────────────────────────────────────────────────────────────

/** The signature verdict; independent of the token's times. */
export type VerifyKind =
  | 'valid'
  | 'invalid-signature'
  | 'key-not-found'
  | 'no-keys-published'
  | 'issuer-unreachable'
  | 'unsupported-algorithm'
  | 'malformed';

/** The token's times against the local clock, reported beside the signature verdict. */
export interface TimeValidity {
  readonly state: ExpiryState;
  /** e.g. "Expired 2 years ago, at 2023-04-24 14:46:53 UTC." */
  readonly message: string;
}

/** The result of checking a token's signature against the keys its issuer publishes. */
export interface VerifyResult {
  readonly kind: VerifyKind;
  /** What happened, why, and what it means for the user. */
  readonly message: string;
  readonly keyId: string | null;
  readonly algorithm: string | null;
  readonly issuer: string | null;
  /** Where the keys were read from, when they were. */
  readonly keysUrl: string | null;
  /** null when the token could not be decoded. */
  readonly timeValidity: TimeValidity | null;
}
