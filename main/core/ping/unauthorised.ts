import type { Verdict } from '../../../preload/contract';
import { decodeToken } from '../inspect/decode';
import { fetchedKeys, type FetchedKeys } from '../inspect/issuer-keys';
import { normaliseIssuer } from '../inspect/issuer';
import { checkSignature } from '../inspect/verify';
import { describeSeconds } from './clock-skew';

/** Why a token cannot be genuine, as far as this computer can tell. */
export type ForgeryReason = 'alg-none' | 'no-signature' | 'bad-signature';

/** Why ApprovalMax most likely refused a token, worked out from the token itself. */
export type UnauthorisedCause =
  | { readonly kind: 'forged'; readonly reason: ForgeryReason }
  | { readonly kind: 'expired'; readonly secondsAgo: number }
  | { readonly kind: 'not-yet-valid'; readonly secondsAhead: number }
  | { readonly kind: 'wrong-issuer'; readonly issuer: string; readonly expected: string }
  /** `genuine`: its signature matched the environment's published keys; false when they were not at hand. */
  | { readonly kind: 'revoked'; readonly genuine: boolean }
  | { readonly kind: 'unknown' };

/**
 * Works out why a token was refused before blaming the connection: first what proves a token is not
 * ApprovalMax's (`alg: none`, no signature, or a signature that fails against the environment's
 * published keys), then its times and issuer. Keys are only those this app already fetched (the
 * inspector's "Check the signature" fetches them): no request is made here, so a 401 verdict never
 * waits for, or depends on, the identity server. Never rejects.
 */
export async function diagnoseUnauthorised(
  token: string,
  environmentIssuer: string,
  nowMs: number,
  keys: FetchedKeys = fetchedKeys,
): Promise<UnauthorisedCause> {
  const decoded = decodeToken(token);
  if (!decoded.ok) return { kind: 'unknown' };
  const { header, payload: claims } = decoded;
  const alg = typeof header.alg === 'string' ? header.alg : null;
  if (alg !== null && alg.toLowerCase() === 'none') return { kind: 'forged', reason: 'alg-none' };
  if (decoded.signatureBytes === 0) return { kind: 'forged', reason: 'no-signature' };
  const iss = typeof claims.iss === 'string' ? claims.iss : null;
  const fromThisEnvironment = iss === null || normaliseIssuer(iss) === normaliseIssuer(environmentIssuer);
  const signature =
    fromThisEnvironment && alg !== null
      ? await signatureAgainstKnownKeys(token, environmentIssuer, alg, keys)
      : 'unchecked';
  if (signature === 'invalid') return { kind: 'forged', reason: 'bad-signature' };
  const now = Math.floor(nowMs / 1000);
  if (typeof claims.exp === 'number' && claims.exp <= now) return { kind: 'expired', secondsAgo: now - claims.exp };
  if (typeof claims.nbf === 'number' && claims.nbf > now + 60)
    return { kind: 'not-yet-valid', secondsAhead: claims.nbf - now };
  if (!fromThisEnvironment) return { kind: 'wrong-issuer', issuer: iss!, expected: environmentIssuer };
  return typeof claims.exp === 'number' ? { kind: 'revoked', genuine: signature === 'valid' } : { kind: 'unknown' };
}

/** valid / invalid only when the environment's keys are known and hold a key for this token; anything else proves nothing. */
async function signatureAgainstKnownKeys(
  token: string,
  issuer: string,
  alg: string,
  keys: FetchedKeys,
): Promise<'valid' | 'invalid' | 'unchecked'> {
  const known = keys.known(issuer);
  if (!known) return 'unchecked';
  try {
    const verdict = await checkSignature(token, known.resolver, alg);
    return verdict === 'valid' || verdict === 'invalid' ? verdict : 'unchecked';
  } catch {
    return 'unchecked';
  }
}

/** The 401 verdict for a known cause; a connection's advice points at the Connections screen. */
export function unauthorisedVerdict(cause: UnauthorisedCause, viaConnection: boolean): Verdict {
  const fresh = viaConnection
    ? 'On the Connections screen use "Refresh now"; if that fails, reconnect.'
    : 'Get a fresh token (reconnect, or copy a new one from your integration) and try again.';
  const base = { outcome: 'unauthorised', tone: 'bad' } as const;
  switch (cause.kind) {
    case 'forged':
      return {
        ...base,
        headline: 'This token was altered or not signed by this environment (HTTP 401).',
        explanation: FORGED_EXPLANATION[cause.reason],
        nextStep: viaConnection
          ? 'Reconnect on the Connections screen to get a new token from ApprovalMax.'
          : 'Use the token exactly as ApprovalMax issued it, without editing it: copy it again from your integration, or get a new one by connecting, then try again.',
      };
    case 'expired':
      return {
        ...base,
        headline: 'The access token has expired (HTTP 401).',
        explanation: `ApprovalMax refused the token because it expired ${describeSeconds(cause.secondsAgo)} ago. Access tokens last one hour.`,
        nextStep: fresh,
      };
    case 'not-yet-valid':
      return {
        ...base,
        headline: 'ApprovalMax did not accept this access token (HTTP 401): it is not valid yet.',
        explanation: `The token says it becomes valid in ${describeSeconds(cause.secondsAhead)}. This computer's clock, or the issuing server's, is probably wrong.`,
        nextStep: "Check this computer's date and time, then try again.",
      };
    case 'wrong-issuer':
      return {
        ...base,
        headline: 'This token belongs to a different ApprovalMax environment (HTTP 401).',
        explanation: `The token was issued by ${cause.issuer}, but the chosen environment signs in at ${cause.expected}. Each environment only accepts its own tokens.`,
        nextStep:
          'Choose the environment whose identity server issued the token, or get a token from this environment.',
      };
    case 'revoked':
      return {
        ...base,
        headline: 'ApprovalMax no longer accepts this token (HTTP 401).',
        explanation: cause.genuine
          ? 'The token is current and genuine (its signature matches the keys this environment publishes), so its connection was most likely disabled or deleted in ApprovalMax (under Connections), or the person who connected lost their role or left the organisation.'
          : 'The token is current and names this environment as its issuer, so its connection was most likely disabled or deleted in ApprovalMax (under Connections), or the person who connected lost their role or left the organisation. If the token was edited by hand, that alone explains the refusal: "Check the signature" in the token inspector tells.',
        nextStep: viaConnection
          ? 'Reconnect on the Connections screen, signed in as an Account Owner, Account Manager or Administrator.'
          : 'Ask an ApprovalMax administrator whether the connection is still enabled, then reconnect to get a new token.',
      };
    case 'unknown':
      return {
        ...base,
        headline: 'ApprovalMax did not accept this access token (HTTP 401).',
        explanation:
          'The token has probably expired (access tokens last one hour), was issued by a different ApprovalMax environment than the one chosen, was altered after it was issued, or its connection was disabled or deleted in ApprovalMax.',
        nextStep: "Check that the environment matches the token's issuer, then get a fresh token by reconnecting.",
      };
  }
}

const FORGED_EXPLANATION: Readonly<Record<ForgeryReason, string>> = {
  'alg-none':
    'Its header says "alg": "none": it is not signed at all. ApprovalMax only accepts tokens signed by its identity server, so a token like this was made or edited by hand.',
  'no-signature':
    'It has no signature, although ApprovalMax only accepts tokens signed by its identity server: the signature was cut off or removed.',
  'bad-signature':
    'Its signature does not match the keys this environment publishes: its header or claims were changed after it was signed, or another server signed it. ApprovalMax only accepts its tokens exactly as issued.',
};
