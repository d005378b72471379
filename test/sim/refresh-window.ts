// Sliding refresh-token lifetime, as IdentityServer's `RefreshTokenExpiration.Sliding`: every refresh
// renews the token's window in full, so a token in use never lapses and an idle one does.
import type { KoaContextWithOIDC } from 'oidc-provider';

/** Any Koa context of the provider; `oidc` is there on oidc-provider's own routes. */
type WithOidc = { oidc?: KoaContextWithOIDC['oidc']; [key: string]: unknown };

/**
 * After a successful refresh grant: when the refresh token was reused (not rotated), give it a full
 * window from now. A rotated one is new and already got its window from `ttl.RefreshToken`.
 */
export async function slideRefreshWindow(ctx: WithOidc, ttlSeconds: number): Promise<void> {
  if (ctx.oidc?.params?.grant_type !== 'refresh_token') return;
  const { RefreshToken: token, RotatedRefreshToken: rotated } = ctx.oidc.entities;
  if (!token || rotated) return;
  token.exp = Math.floor(Date.now() / 1000) + ttlSeconds;
  // Saved under the same id: the stored expiry (what oidc-provider checks) moves with it.
  await token.save();
}
