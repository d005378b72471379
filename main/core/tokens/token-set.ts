import type { TokenResponse } from '../oauth/token-client';

/** The tokens of one connection as kept in the keychain, with times measured on this computer. */
export interface TokenSet {
  readonly accessToken: string;
  readonly refreshToken: string | null;
  readonly receivedAt: number;
  readonly expiresAt: number;
  readonly scope: readonly string[] | null;
}

/** Builds the set to store; keeps the previous refresh token when ApprovalMax does not send a new one (rotation is undocumented). */
export function tokenSetFrom(
  response: TokenResponse,
  receivedAt: number,
  previousRefreshToken: string | null,
): TokenSet {
  return {
    accessToken: response.accessToken,
    refreshToken: response.refreshToken ?? previousRefreshToken,
    receivedAt,
    // Local receipt time + expires_in, never the token's own exp: this computer's clock may be wrong.
    expiresAt: receivedAt + response.expiresIn * 1000,
    scope: response.scope,
  };
}

/** Refresh this long before expiry, so a slow network or a retry still finishes in time. */
export const REFRESH_AHEAD_MS = 5 * 60_000;

/**
 * When to refresh: `aheadMs` before expiry, but never earlier than half-way through the token's life,
 * so a short-lived token (under 10 minutes) does not trigger a refresh on every use.
 */
export function refreshDueAt(tokens: TokenSet, aheadMs = REFRESH_AHEAD_MS): number {
  const lifetime = Math.max(0, tokens.expiresAt - tokens.receivedAt);
  return tokens.expiresAt - Math.min(aheadMs, lifetime / 2);
}

/** True when the access token should be renewed before use; a clock that went backwards makes its age unknown, so it counts as expired. */
export function needsRefresh(tokens: TokenSet, now: number, aheadMs = REFRESH_AHEAD_MS): boolean {
  if (now < tokens.receivedAt) return true;
  return now >= refreshDueAt(tokens, aheadMs);
}
