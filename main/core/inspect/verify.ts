import { compactVerify, type CryptoKey } from 'jose';
import type { Clock, HttpTransport } from '../ports';
import { ASYMMETRIC_ALGORITHMS, isSymmetricAlgorithm } from './catalogue';
import { decodeToken } from './decode';
import { IssuerKeys, type FetchedKeys, type KeyResolver } from './issuer-keys';
import { normaliseIssuer } from './issuer';
import { timeValidity } from './times';
import type { VerifyKind, VerifyResult } from './types';
import { shorten } from './values';

/** What checking a signature against one key set gave. */
export type SignatureCheck = 'valid' | 'invalid' | 'no-key' | 'unsupported' | 'unreadable-key';
type Check = SignatureCheck;

/**
 * Tells which jose failure means what; jose v6 leaves several matching keys for the caller to try.
 * Only the given keys are used: the token's own `jku`, `x5u`, `jwk` or `x5c` are never followed.
 */
export async function checkSignature(token: string, resolver: KeyResolver, alg: string): Promise<Check> {
  const options = { algorithms: [alg] };
  try {
    await compactVerify(token, resolver, options);
    return 'valid';
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ERR_JWKS_MULTIPLE_MATCHING_KEYS') {
      for await (const key of error as AsyncIterable<CryptoKey>) {
        if (
          await compactVerify(token, key, options).then(
            () => true,
            () => false,
          )
        )
          return 'valid';
      }
      return 'invalid';
    }
    if (code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED') return 'invalid';
    if (code === 'ERR_JWKS_NO_MATCHING_KEY') return 'no-key';
    if (code === 'ERR_JOSE_ALG_NOT_ALLOWED' || code === 'ERR_JOSE_NOT_SUPPORTED') return 'unsupported';
    return 'unreadable-key';
  }
}

function hostOf(issuer: string): string {
  try {
    return new URL(issuer).host;
  } catch {
    return shorten(issuer, 100);
  }
}

const noKeysMessage = (issuer: string, detail: string): string =>
  `${/(^|\.)approvalmax\.com$/i.test(hostOf(issuer).replace(/:\d+$/, '')) ? 'ApprovalMax has' : 'This issuer has'} not published its signing keys for this server (${detail}), so this app cannot check the signature. That does not mean the token is fake.`;

/** What the verifier needs: the transport and clock, and the issuers of the user's environments (read at each check). */
export interface SignatureVerifierDeps {
  readonly http: HttpTransport;
  readonly clock: Clock;
  /** Keys are fetched without asking only from these issuers; any other needs `allowUnknownIssuer`. */
  readonly knownIssuers: () => Iterable<string>;
  readonly cacheTtlMs?: number;
  readonly timeoutMs?: number;
  readonly shared?: FetchedKeys;
}

/** Per check: whether the user agreed to fetch keys from an issuer none of their environments names. */
export interface VerifyOptions {
  readonly allowUnknownIssuer?: boolean;
}

/** The question put to the user before any request goes to an issuer the app does not know. */
export const unknownIssuerMessage = (issuer: string): string =>
  `This token names an issuer this app does not know: ${shorten(issuer, 200)}. Fetch its published keys?`;

/**
 * Checks a token's signature against the keys its issuer publishes (discovery → JWKS), with a verdict
 * that does not depend on the token's times; those are reported separately against the local clock.
 * Keys come only from the issuer's own discovery document: automatically for the issuers of the user's
 * environments, for any other https (or loopback) issuer only when the user agreed, never from an
 * address the token itself names (`jku`, `x5u`).
 */
export class SignatureVerifier {
  private readonly keys: IssuerKeys;

  constructor(private readonly deps: SignatureVerifierDeps) {
    this.keys = new IssuerKeys({
      http: deps.http,
      clock: deps.clock,
      cacheTtlMs: deps.cacheTtlMs,
      timeoutMs: deps.timeoutMs,
      shared: deps.shared,
    });
  }

  /** Never rejects: every outcome, even an unexpected one, is a VerifyResult in plain words. */
  async verify(token: string, options: VerifyOptions = {}): Promise<VerifyResult> {
    try {
      return await this.verifyUnsafe(token, options.allowUnknownIssuer === true);
    } catch {
      return {
        ...NOTHING_KNOWN,
        kind: 'malformed',
        message: 'The signature could not be checked because something unexpected went wrong. Try again.',
      };
    }
  }

  private isKnown(issuer: string): boolean {
    const wanted = normaliseIssuer(issuer);
    for (const known of this.deps.knownIssuers()) if (normaliseIssuer(known) === wanted) return true;
    return false;
  }

  private async verifyUnsafe(token: string, allowUnknownIssuer: boolean): Promise<VerifyResult> {
    const decoded = decodeToken(token);
    if (!decoded.ok)
      return {
        ...NOTHING_KNOWN,
        kind: 'malformed',
        message: `The token could not be read, so its signature cannot be checked: ${decoded.error.reason}.`,
      };
    const { header, payload } = decoded;
    const alg = ownString(header, 'alg');
    const kid = ownString(header, 'kid');
    const iss = ownString(payload, 'iss');
    const base = {
      ...NOTHING_KNOWN,
      keyId: kid === null ? null : shorten(kid, 80),
      algorithm: alg,
      issuer: iss,
      timeValidity: timeValidity(payload, this.deps.clock.now()),
    };
    const refusal = refuseEarly(alg, iss, decoded.signatureBytes);
    if (refusal) return { ...base, ...refusal };
    const issuer = iss!;
    if (!allowUnknownIssuer && !this.isKnown(issuer))
      return { ...base, kind: 'unknown-issuer', message: unknownIssuerMessage(issuer) };
    let keys = await this.keys.get(issuer);
    if (keys.kind === 'no-keys')
      return { ...base, kind: 'no-keys-published', message: noKeysMessage(issuer, keys.detail) };
    if (keys.kind === 'unreachable')
      return {
        ...base,
        kind: 'issuer-unreachable',
        message: `Could not fetch the signing keys: ${hostOf(issuer)} ${keys.detail}. Check this computer’s internet connection and try again.`,
      };
    let verdict = await checkSignature(token, keys.resolver, alg!);
    if (verdict === 'no-key' && this.keys.mayRefetch(issuer)) {
      const refreshed = await this.keys.get(issuer, true);
      if (refreshed.kind === 'keys') {
        keys = refreshed;
        verdict = await checkSignature(token, keys.resolver, alg!);
      }
    }
    return { ...base, keysUrl: keys.keysUrl, ...verdictWords(verdict, hostOf(issuer), base.keyId, alg!) };
  }
}

type Words = { kind: VerifyKind; message: string };

const NOTHING_KNOWN = {
  keyId: null,
  algorithm: null,
  issuer: null,
  keysUrl: null,
  timeValidity: null,
} as const satisfies Omit<VerifyResult, 'kind' | 'message'>;

const ownString = (object: Readonly<Record<string, unknown>>, name: string): string | null => {
  const value = Object.hasOwn(object, name) ? object[name] : undefined;
  return typeof value === 'string' ? value : null;
};

/** Everything that rules a check out before any request: no fetch for a token that cannot pass. */
function refuseEarly(alg: string | null, iss: string | null, signatureBytes: number): Words | null {
  if (alg === null)
    return {
      kind: 'malformed',
      message:
        'The header does not say how the token was signed (no “alg”), so its signature cannot be checked. Do not trust it.',
    };
  if (alg.toLowerCase() === 'none')
    return {
      kind: 'unsupported-algorithm',
      message: 'This token is not signed (alg “none”): there is no signature to check. Never trust it.',
    };
  if (isSymmetricAlgorithm(alg))
    return {
      kind: 'unsupported-algorithm',
      message: `This token is signed with a shared secret (${alg}): only those holding the secret can check it, so this app cannot. Treat its contents with care.`,
    };
  if (!ASYMMETRIC_ALGORITHMS.has(alg))
    return {
      kind: 'unsupported-algorithm',
      message: `The signing algorithm “${shorten(alg, 40)}” is not one this app can check.`,
    };
  if (signatureBytes === 0)
    return {
      kind: 'invalid-signature',
      message: `The token has no signature, although its header says it is signed with ${alg}. Do not trust it.`,
    };
  if (iss === null)
    return {
      kind: 'malformed',
      message:
        'The token does not say who issued it (no “iss” claim), so there are no published keys to check it against.',
    };
  if (!IssuerKeys.isFetchable(iss))
    return {
      kind: 'no-keys-published',
      message: `The issuer (${hostOf(iss)}) is not a secure https address, so this app will not fetch signing keys from it. That alone does not mean the token is fake, but its signature cannot be checked here.`,
    };
  return null;
}

/** The verdict in plain words once the issuer's keys were in hand. */
function verdictWords(verdict: Check, host: string, kid: string | null, alg: string): Words {
  switch (verdict) {
    case 'valid':
      return {
        kind: 'valid',
        message: `The signature is genuine: it was made with ${kid ? `the key “${kid}”` : 'a key'} that ${host} publishes.`,
      };
    case 'invalid':
      return {
        kind: 'invalid-signature',
        message:
          'The signature does not match: the token was changed after it was signed, or it was not signed by this issuer. Do not trust its contents.',
      };
    case 'no-key':
      return {
        kind: 'key-not-found',
        message: `${host} publishes signing keys, but none ${kid ? `with the id “${kid}”` : 'that fits this token'}. The token may come from a different server, or was signed with a key that has since been retired.`,
      };
    case 'unsupported':
      return {
        kind: 'unsupported-algorithm',
        message: `The issuer’s keys cannot be used with ${alg}, so this app cannot check this signature.`,
      };
    case 'unreadable-key':
      return {
        kind: 'key-not-found',
        message: `${host} publishes a key for this token, but it could not be read, so the signature cannot be checked.`,
      };
  }
}
