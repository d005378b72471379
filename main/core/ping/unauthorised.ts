import { decodeJwt } from 'jose';
import type { Verdict } from '../../../preload/contract';
import { describeSeconds } from './clock-skew';

/** Why ApprovalMax most likely refused a token, worked out from the token's own claims. */
export type UnauthorisedCause =
  | { readonly kind: 'expired'; readonly secondsAgo: number }
  | { readonly kind: 'not-yet-valid'; readonly secondsAhead: number }
  | { readonly kind: 'wrong-issuer'; readonly issuer: string; readonly expected: string }
  | { readonly kind: 'revoked' }
  | { readonly kind: 'unknown' };

/** Reads `exp`, `nbf` and `iss` (decode only, no signature check) to tell an expired token from one of another environment from a disabled connection. */
export function diagnoseUnauthorised(token: string, environmentIssuer: string, nowMs: number): UnauthorisedCause {
  let claims: ReturnType<typeof decodeJwt>;
  try {
    claims = decodeJwt(token);
  } catch {
    return { kind: 'unknown' };
  }
  const now = Math.floor(nowMs / 1000);
  if (typeof claims.exp === 'number' && claims.exp <= now) return { kind: 'expired', secondsAgo: now - claims.exp };
  if (typeof claims.nbf === 'number' && claims.nbf > now + 60) return { kind: 'not-yet-valid', secondsAhead: claims.nbf - now };
  if (typeof claims.iss === 'string' && trimSlash(claims.iss) !== trimSlash(environmentIssuer))
    return { kind: 'wrong-issuer', issuer: claims.iss, expected: environmentIssuer };
  return typeof claims.exp === 'number' ? { kind: 'revoked' } : { kind: 'unknown' };
}

/** The 401 verdict for a known cause; a connection's advice points at the Connections screen. */
export function unauthorisedVerdict(cause: UnauthorisedCause, viaConnection: boolean): Verdict {
  const fresh = viaConnection ? 'On the Connections screen use "Refresh now"; if that fails, reconnect.' : 'Get a fresh token (reconnect, or copy a new one from your integration) and try again.';
  const base = { outcome: 'unauthorised', tone: 'bad' } as const;
  switch (cause.kind) {
    case 'expired':
      return { ...base, headline: 'The access token has expired (HTTP 401).',
        explanation: `ApprovalMax refused the token because it expired ${describeSeconds(cause.secondsAgo)} ago. Access tokens last one hour.`, nextStep: fresh };
    case 'not-yet-valid':
      return { ...base, headline: 'ApprovalMax did not accept this access token (HTTP 401): it is not valid yet.',
        explanation: `The token says it becomes valid in ${describeSeconds(cause.secondsAhead)}. This computer's clock, or the issuing server's, is probably wrong.`,
        nextStep: "Check this computer's date and time, then try again." };
    case 'wrong-issuer':
      return { ...base, headline: 'This token belongs to a different ApprovalMax environment (HTTP 401).',
        explanation: `The token was issued by ${cause.issuer}, but the chosen environment signs in at ${cause.expected}. Each environment only accepts its own tokens.`,
        nextStep: 'Choose the environment whose identity server issued the token, or get a token from this environment.' };
    case 'revoked':
      return { ...base, headline: 'ApprovalMax no longer accepts this token (HTTP 401).',
        explanation: 'The token is current and comes from this environment, so its connection was most likely disabled or deleted in ApprovalMax (under Connections), or the person who connected lost their role or left the organisation.',
        nextStep: viaConnection ? 'Reconnect on the Connections screen, signed in as an Account Owner, Account Manager or Administrator.' : 'Ask an ApprovalMax administrator whether the connection is still enabled, then reconnect to get a new token.' };
    case 'unknown':
      return { ...base, headline: 'ApprovalMax did not accept this access token (HTTP 401).',
        explanation: 'The token has probably expired (access tokens last one hour), was issued by a different ApprovalMax environment than the one chosen, or its connection was disabled or deleted in ApprovalMax.',
        nextStep: "Check that the environment matches the token's issuer, then get a fresh token by reconnecting." };
  }
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
