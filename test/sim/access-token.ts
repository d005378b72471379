// Shapes oidc-provider's JWT access tokens into ApprovalMax's: claim set, claim order, no audience.
import { createHash } from 'node:crypto';
import type { AccessToken, ClientCredentials, JWTStructured, KoaContextWithOIDC, UnknownObject } from 'oidc-provider';
import type { ConnectionStore } from './connections';

/** The private claim ApprovalMax uses for the connection a grant created. */
export const CONNECTION_CLAIM = 'https://www.approvalmax.com/connection';

/**
 * oidc-provider refuses to sign a JWT access token without `aud`, but ApprovalMax's tokens have none.
 * Keeping `aud` as a non-enumerable property satisfies its check while JSON.stringify leaves it out.
 */
function hideAudience(payload: UnknownObject): void {
  Object.defineProperty(payload, 'aud', { value: payload.aud, enumerable: false, writable: true, configurable: true });
}

/** IdentityServer ids are 32 upper-case hex characters; derive them from oidc-provider's ids, stably. */
function identityServerId(value: string | undefined): string | undefined {
  return value === undefined ? undefined : createHash('sha256').update(value).digest('hex').slice(0, 32).toUpperCase();
}

function replaceContents(target: UnknownObject, ordered: UnknownObject): void {
  for (const key of Object.keys(target)) delete target[key];
  for (const [key, value] of Object.entries(ordered)) if (value !== undefined) target[key] = value;
}

/** Builds the `formats.customizers.jwt` hook that adds ApprovalMax's claims in the sample token's order. */
export function approvalMaxJwtCustomizer(connections: ConnectionStore) {
  return (ctx: KoaContextWithOIDC, token: AccessToken | ClientCredentials, jwt: JWTStructured): void => {
    const payload = jwt.payload;
    const source = ctx.oidc.entities.AuthorizationCode ?? ctx.oidc.entities.RefreshToken;
    const grantId = 'grantId' in token ? token.grantId : undefined;
    const sessionUid = 'sessionUid' in token ? token.sessionUid : undefined;
    const iat = payload.iat as number;
    const scope = typeof payload.scope === 'string' ? payload.scope.split(' ') : [];
    if (source?.scopes.has('offline_access')) scope.push('offline_access');
    const audience = payload.aud;
    replaceContents(payload, {
      nbf: iat,
      exp: payload.exp,
      iss: payload.iss,
      client_id: payload.client_id,
      sub: payload.sub,
      auth_time: source && 'authTime' in source ? (source.authTime ?? iat) : iat,
      idp: 'AMRemote',
      [CONNECTION_CLAIM]: connections.forGrant(grantId)?.connectionId,
      jti: identityServerId(String(payload.jti)),
      sid: identityServerId(sessionUid),
      iat,
      scope,
      amr: ['external'],
      aud: audience,
    });
    hideAudience(payload);
  };
}
