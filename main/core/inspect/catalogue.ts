// What each known header parameter, claim and scope means, in plain words. Maps, not object
// literals, so a claim named "constructor" or "__proto__" never finds an inherited entry.

import { CONNECTION_CLAIM } from '../connections/claims';

/** ApprovalMax's private claim naming the connection a sign-in created (one definition, in connections/). */
export { CONNECTION_CLAIM };

/** How a known claim's value should look; the inspector flags anything else. */
export type ClaimShape = 'date' | 'string' | 'url' | 'audience' | 'scope' | 'string-list';

/** A known claim: what it means and how its value should look. */
export interface ClaimInfo {
  readonly meaning: string;
  readonly shape: ClaimShape;
}

/** Registered JWT claims (RFC 7519), RFC 9068 access-token claims, OIDC / IdentityServer and ApprovalMax ones. */
export const CLAIMS: ReadonlyMap<string, ClaimInfo> = new Map<string, ClaimInfo>([
  [
    'iss',
    {
      shape: 'url',
      meaning: 'Issuer: the identity server that issued the token (which ApprovalMax environment it belongs to)',
    },
  ],
  ['sub', { shape: 'string', meaning: 'Subject: the ApprovalMax user who signed in and gave consent' }],
  ['aud', { shape: 'audience', meaning: 'Audience: the service the token is meant for' }],
  ['exp', { shape: 'date', meaning: 'Expires: after this moment the API no longer accepts the token' }],
  ['nbf', { shape: 'date', meaning: 'Not before: the token is not valid until this moment' }],
  ['iat', { shape: 'date', meaning: 'Issued at: when the identity server created the token' }],
  ['jti', { shape: 'string', meaning: 'Token id: a unique id for this one token' }],
  ['client_id', { shape: 'string', meaning: 'Client ID: the integrating application the token was issued to' }],
  [
    'scope',
    { shape: 'scope', meaning: 'Scopes: what the application is allowed to do (each is explained under Scopes)' },
  ],
  [
    'scp',
    { shape: 'scope', meaning: 'Scopes: what the application is allowed to do (each is explained under Scopes)' },
  ],
  ['auth_time', { shape: 'date', meaning: 'Signed in at: when the user last entered their sign-in details' }],
  ['acr', { shape: 'string', meaning: 'Authentication level: how strongly the user proved who they are' }],
  [
    'amr',
    {
      shape: 'string-list',
      meaning: 'Sign-in methods: how the user proved who they are ("external" means through another sign-in provider)',
    },
  ],
  [
    'sid',
    { shape: 'string', meaning: 'Session id: the sign-in session on the identity server that the token belongs to' },
  ],
  [
    'idp',
    { shape: 'string', meaning: 'Identity provider: where the user signed in (AMRemote is ApprovalMax’s own sign-in)' },
  ],
  [
    'session_state',
    {
      shape: 'string',
      meaning: 'Session state: lets the application notice when the user signs out of the identity server',
    },
  ],
  [
    'nonce',
    {
      shape: 'string',
      meaning: 'Nonce: a one-off value that ties an ID token to the sign-in request that asked for it',
    },
  ],
  ['at_hash', { shape: 'string', meaning: 'Access token hash: ties an ID token to the access token issued with it' }],
  ['azp', { shape: 'string', meaning: 'Authorised party: the application the token was issued to' }],
  ['email', { shape: 'string', meaning: 'The email address of the user who signed in' }],
  ['name', { shape: 'string', meaning: 'The name of the user who signed in' }],
  [
    CONNECTION_CLAIM,
    {
      shape: 'string',
      meaning:
        'Connection: the connection this sign-in created; ApprovalMax lists it under Connections, where it can be disabled or deleted',
    },
  ],
]);

/** JOSE header parameters (RFC 7515, RFC 9068). */
export const HEADER_PARAMS: ReadonlyMap<string, string> = new Map([
  ['alg', 'Algorithm: how the token was signed'],
  ['kid', 'Key id: which of the issuer’s published keys signed the token'],
  ['typ', 'Type: what kind of token this says it is'],
  ['cty', 'Content type: what the payload holds'],
  ['crit', 'Critical: header parameters a reader must understand to accept the token'],
  [
    'jku',
    'A web address of keys named by the token itself; this app ignores it and trusts only the issuer’s published keys',
  ],
  ['jwk', 'A key embedded in the token itself; this app ignores it, since anyone can embed a key'],
  ['x5u', 'A web address of a certificate named by the token itself; this app ignores it'],
  ['x5c', 'A certificate chain embedded in the token itself; this app ignores it'],
  ['x5t', 'Thumbprint (SHA-1) of the certificate whose key signed the token'],
  ['x5t#S256', 'Thumbprint (SHA-256) of the certificate whose key signed the token'],
  ['b64', 'Whether the payload is base64url-encoded'],
]);

/** What a token type in `typ` means. */
export const TOKEN_TYPES: ReadonlyMap<string, string> = new Map([
  ['at+jwt', 'an OAuth 2.0 access token in JWT form (RFC 9068), as ApprovalMax issues'],
  ['jwt', 'a JSON Web Token'],
]);

/** Algorithms whose signature anyone can check with the issuer's published public key. */
export const ASYMMETRIC_ALGORITHMS: ReadonlyMap<string, string> = new Map([
  ['RS256', 'RSA signature with SHA-256'],
  ['RS384', 'RSA signature with SHA-384'],
  ['RS512', 'RSA signature with SHA-512'],
  ['PS256', 'RSA-PSS signature with SHA-256, as ApprovalMax uses'],
  ['PS384', 'RSA-PSS signature with SHA-384'],
  ['PS512', 'RSA-PSS signature with SHA-512'],
  ['ES256', 'Elliptic-curve signature (P-256) with SHA-256'],
  ['ES384', 'Elliptic-curve signature (P-384) with SHA-384'],
  ['ES512', 'Elliptic-curve signature (P-521) with SHA-512'],
  ['EdDSA', 'Edwards-curve signature (Ed25519)'],
  ['Ed25519', 'Edwards-curve signature (Ed25519)'],
]);

/** True for shared-secret (HMAC) algorithms, which only the secret's holders can check. */
export const isSymmetricAlgorithm = (alg: string): boolean => /^HS\d+$/i.test(alg);

/** What each scope lets an application do. */
export const SCOPES: ReadonlyMap<string, string> = new Map([
  [
    'https://www.approvalmax.com/scopes/public_api/read',
    'Read data (requests, documents, organisations) in the organisations that were ticked',
  ],
  [
    'https://www.approvalmax.com/scopes/public_api/write',
    'Create, edit and submit requests in the organisations that were ticked',
  ],
  [
    'https://www.approvalmax.com/scopes/public_api',
    'Access to the Public API (legacy: no longer granted to new tokens)',
  ],
  ['offline_access', 'Stay connected: the application gets a refresh token, so nobody has to sign in again every hour'],
  ['openid', 'Sign-in with OpenID Connect: the application may learn who signed in'],
  ['profile', 'The signed-in user’s basic profile, such as their name'],
  ['email', 'The signed-in user’s email address'],
]);
