import { decodeJwt } from 'jose';

/** The claim ApprovalMax puts the connection id in: the one its web app lists under Connections. */
export const CONNECTION_CLAIM = 'https://www.approvalmax.com/connection';

/** What a connection shows from its access token; decode only, never trusted for security decisions. */
export function connectionClaims(accessToken: string): {
  connectionId: string | null;
  subject: string | null;
  scopes: string[] | null;
} {
  try {
    const claims = decodeJwt(accessToken);
    const connection = claims[CONNECTION_CLAIM];
    const scope = claims.scope;
    const scopes = Array.isArray(scope)
      ? scope.filter((s): s is string => typeof s === 'string')
      : typeof scope === 'string'
        ? scope.split(' ')
        : null;
    return {
      connectionId: typeof connection === 'string' ? connection : null,
      subject: typeof claims.sub === 'string' ? claims.sub : null,
      scopes,
    };
  } catch {
    return { connectionId: null, subject: null, scopes: null };
  }
}
