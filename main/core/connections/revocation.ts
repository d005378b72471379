import type { HttpTransport } from '../ports';

/** Revokes a refresh token (RFC 7009) where the issuer advertises an endpoint; best effort, never throws. */
export async function revokeRefreshToken(
  http: HttpTransport,
  prepared: { endpoints: { revocationEndpoint: string | null }; client: { clientId: string; clientSecret: string } },
  refreshToken: string,
): Promise<{ supported: boolean; revoked: boolean }> {
  const endpoint = prepared.endpoints.revocationEndpoint;
  if (!endpoint) return { supported: false, revoked: false };
  try {
    const response = await http(endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams({
        token: refreshToken,
        token_type_hint: 'refresh_token',
        client_id: prepared.client.clientId,
        client_secret: prepared.client.clientSecret,
      }).toString(),
      signal: AbortSignal.timeout(10_000),
    });
    return { supported: true, revoked: response.ok };
  } catch {
    return { supported: true, revoked: false };
  }
}
