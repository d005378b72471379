import { ASYMMETRIC_ALGORITHMS, CONNECTION_CLAIM, SCOPES, isSymmetricAlgorithm } from './catalogue';
import { decodeToken } from './decode';
import { summariseIssuer } from './issuer';
import { claimRow, headerRow } from './rows';
import { summariseTimes } from './times';
import type { InspectContext, ScopeRow, TokenInspection } from './types';

/** Always shown: what the inspector does not do unless the signature is checked. */
export const DECODING_IS_NOT_VERIFICATION =
  'Decoding is not verification: these contents are shown as written, whether or not the signature is genuine. Check the signature before trusting them.';

/** Shown for alg "none" or an empty signature. */
export const UNSIGNED_WARNING = 'This token is not signed: anyone could have written it. Never trust it.';

type Claims = Readonly<Record<string, unknown>>;

const own = (object: Claims, name: string): unknown => (Object.hasOwn(object, name) ? object[name] : undefined);
const ownString = (object: Claims, name: string): string | null => {
  const value = own(object, name);
  return typeof value === 'string' ? value : null;
};

/** The scopes as a list, whether the token holds an array (ApprovalMax) or space-separated text (RFC 9068). */
export function scopeList(value: unknown): string[] {
  if (typeof value === 'string') return value.split(/\s+/).filter((scope) => scope !== '');
  if (Array.isArray(value)) return value.filter((scope): scope is string => typeof scope === 'string' && scope !== '');
  return [];
}

/** Each granted scope with what it allows. */
export function explainScopes(value: unknown): ScopeRow[] {
  return scopeList(value).map((scope) => ({ scope, meaning: SCOPES.get(scope) ?? null }));
}

function warningsFor(header: Claims, payload: Claims, signatureBytes: number): string[] {
  const warnings: string[] = [];
  const alg = own(header, 'alg');
  const algText = typeof alg === 'string' ? alg : null;
  if (algText?.toLowerCase() === 'none' || signatureBytes === 0) warnings.push(UNSIGNED_WARNING);
  else if (algText === null)
    warnings.push(
      'The header does not say how the token was signed (no “alg”), so its signature cannot be checked. Do not trust it.',
    );
  else if (isSymmetricAlgorithm(algText))
    warnings.push(
      `This token is signed with a shared secret (${algText}), not a published key: this app cannot check the signature, and anyone holding the secret could have written it.`,
    );
  else if (!ASYMMETRIC_ALGORITHMS.has(algText))
    warnings.push(
      `The signing algorithm “${algText}” is not one this app recognises, so it cannot check the signature.`,
    );
  if (['jku', 'jwk', 'x5u', 'x5c'].some((name) => Object.hasOwn(header, name)))
    warnings.push(
      'The token names its own signing key. That proves nothing: this app only trusts the keys the issuer publishes.',
    );
  if (Object.hasOwn(header, 'crit'))
    warnings.push(
      'The header marks some parameters as critical (crit); a server that does not understand them must refuse the token.',
    );
  const typ = ownString(header, 'typ')?.toLowerCase();
  if (
    typ !== 'at+jwt' &&
    (Object.hasOwn(payload, 'nonce') || Object.hasOwn(payload, 'at_hash')) &&
    !Object.hasOwn(payload, 'scope')
  )
    warnings.push(
      'This looks like an ID token (it tells an application who signed in), not an access token: the Public API will not accept it.',
    );
  warnings.push(DECODING_IS_NOT_VERIFICATION);
  return warnings;
}

/**
 * Everything the inspector shows about one token, from decoding alone: rows with meanings and flags,
 * scopes, times, issuer and warnings. Never throws; an undecodable token gives the typed error.
 */
export function inspectToken(token: string, context: InspectContext): TokenInspection {
  const decoded = decodeToken(token);
  if (!decoded.ok) return decoded;
  try {
    const { header, payload } = decoded;
    return {
      ok: true,
      header: Object.entries(header).map(([name, value]) => headerRow(name, value)),
      claims: Object.entries(payload).map(([name, value]) => claimRow(name, value)),
      json: decoded.json,
      algorithm: ownString(header, 'alg'),
      keyId: ownString(header, 'kid'),
      tokenType: ownString(header, 'typ'),
      signatureBytes: decoded.signatureBytes,
      scopes: explainScopes(own(payload, 'scope') ?? own(payload, 'scp')),
      times: summariseTimes(payload, context.now),
      issuer: summariseIssuer(own(payload, 'iss'), context.environments),
      warnings: warningsFor(header, payload, decoded.signatureBytes),
      connectionId: ownString(payload, CONNECTION_CLAIM),
      subject: ownString(payload, 'sub'),
      clientId: ownString(payload, 'client_id'),
    };
  } catch {
    return {
      ok: false,
      error: { part: 'payload', reason: 'The token decoded, but its contents could not be explained' },
    };
  }
}
