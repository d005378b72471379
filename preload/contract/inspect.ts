// The token inspector (built by main/core/inspect; every string is plain words for the user).
import type { CopyReceipt } from './app';
import { call, type FeatureContract } from './define';

/** A JSON value as decoded from a token (non-finite numbers already replaced by null). */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** A token that is not a JWT (a reference or refresh token): it can be named, never decoded. */
export interface OpaqueToken {
  readonly label: string;
  readonly note: string;
}

/** Which part of a token a decoding problem is in; the UI colours that part. */
export type TokenPart = 'structure' | 'header' | 'payload' | 'signature';

/** Why a token could not be decoded, naming the part in plain words. */
export interface DecodeError {
  readonly part: TokenPart;
  readonly reason: string;
}

/** A point in time as a token states it (UTC); the renderer shows it in local time. */
export interface TimeStamp {
  readonly iso: string;
  readonly epochSeconds: number;
}

/** How a row is best shown. */
export type RowKind = 'date' | 'scope' | 'text' | 'list' | 'other';

/** One header parameter or claim, with its meaning and anything odd about it. */
export interface InspectedRow {
  readonly name: string;
  readonly value: JsonValue;
  /** A short text form of the value (long values are shortened). */
  readonly display: string;
  /** What it means, in plain words; null for claims this app does not know. */
  readonly meaning: string | null;
  readonly kind: RowKind;
  /** Problems with the value, e.g. "should be a whole number of seconds but is 1.5". */
  readonly flags: readonly string[];
  readonly date?: TimeStamp;
}

/** One scope the token grants, with what it allows (null when unknown). */
export interface ScopeRow {
  readonly scope: string;
  readonly meaning: string | null;
}

/** Whether the token is usable now, by its own times and this computer's clock. */
export type ExpiryState = 'valid' | 'expired' | 'not-yet-valid' | 'no-expiry';

/** The token's times, checked against the clock at `checkedAt`. */
export interface TimeSummary {
  readonly state: ExpiryState;
  readonly checkedAt: TimeStamp;
  readonly expiresAt: TimeStamp | null;
  readonly notBefore: TimeStamp | null;
  readonly issuedAt: TimeStamp | null;
  readonly lifetimeSeconds: number | null;
  /** Neutral remarks, e.g. "Issued (iat) about 5 minutes before it became valid (nbf)". */
  readonly notes: readonly string[];
}

/** Who issued the token, matched to a configured environment where possible. */
export interface IssuerSummary {
  readonly value: string;
  readonly environment: { readonly id: string; readonly name: string } | null;
  readonly description: string;
}

/** Everything the inspector shows about a token that decoded; holds no signature. */
export interface TokenInspectionOk {
  readonly ok: true;
  readonly header: readonly InspectedRow[];
  readonly claims: readonly InspectedRow[];
  /** The decoded header and payload text exactly as in the token. */
  readonly json: { readonly header: string; readonly payload: string };
  readonly algorithm: string | null;
  readonly keyId: string | null;
  readonly tokenType: string | null;
  readonly signatureBytes: number;
  readonly scopes: readonly ScopeRow[];
  readonly times: TimeSummary;
  readonly issuer: IssuerSummary | null;
  /** Loud warnings, most serious first. */
  readonly warnings: readonly string[];
  readonly connectionId: string | null;
  readonly subject: string | null;
  readonly clientId: string | null;
}

/** The inspection of a token, or why it could not be decoded. */
export type TokenInspection = TokenInspectionOk | { readonly ok: false; readonly error: DecodeError };

/** The signature verdict; independent of the token's times. */
export type VerifyKind =
  | 'valid'
  | 'invalid-signature'
  | 'key-not-found'
  | 'no-keys-published'
  | 'issuer-unreachable'
  | 'unsupported-algorithm'
  | 'malformed'
  | 'unknown-issuer';

/** The token's times against the local clock, reported beside the signature verdict. */
export interface TimeValidity {
  readonly state: ExpiryState;
  readonly message: string;
}

/** The result of checking a token's signature against the keys its issuer publishes. */
export interface VerifyResult {
  readonly kind: VerifyKind;
  readonly message: string;
  readonly keyId: string | null;
  readonly algorithm: string | null;
  readonly issuer: string | null;
  readonly keysUrl: string | null;
  readonly timeValidity: TimeValidity | null;
}

/** One token found in what the user pasted (the token is theirs: it came from the renderer). */
export interface PastedToken {
  readonly label: string;
  readonly token: string;
  readonly inspection: TokenInspection;
}

/** Everything found in a paste, and what was cleaned to get there. */
export interface PasteInspection {
  readonly tokens: readonly PastedToken[];
  readonly notes: readonly string[];
  readonly opaque: readonly OpaqueToken[];
  readonly problem: string | null;
}

/** A claim that differs between a connection's previous and current access token. */
export interface ClaimChange {
  readonly name: string;
  readonly before: string | null;
  readonly after: string | null;
}

/** A connection's current access token, inspected; the token itself only on "Reveal". */
export interface ConnectionTokenInspection {
  readonly connectionId: string;
  readonly label: string;
  readonly inspection: TokenInspection;
  /** Changes since the token before the last refresh; null when this app has not seen an earlier one. */
  readonly changes: readonly ClaimChange[] | null;
}

/** Calls of the "Inspect a token" screen. */
export const inspect = {
  calls: {
    /** Finds and inspects every token in a paste (decode only). */
    paste: call<{ text: string }, PasteInspection>(),
    /**
     * Checks the signature. Keys are fetched only from the issuers of the user's environments; for any
     * other issuer the answer is kind "unknown-issuer" (nothing fetched) until the user agrees and the
     * call is repeated with `allowUnknownIssuer: true`. Non-https issuers outside loopback: never.
     */
    verify: call<{ token: string; allowUnknownIssuer?: boolean }, VerifyResult>(),
    connection: call<{ id: string }, ConnectionTokenInspection>(),
    verifyConnection: call<{ id: string; allowUnknownIssuer?: boolean }, VerifyResult>(),
    /** The explicit "Reveal": the only way a connection's access token reaches the renderer. */
    revealConnectionToken: call<{ id: string }, { token: string }>(),
    copyConnectionToken: call<{ id: string }, CopyReceipt>(),
  },
  events: {},
} satisfies FeatureContract;
