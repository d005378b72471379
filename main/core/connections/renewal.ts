import type { Renewal } from '../../../preload/contract';
import type { ProviderWords } from '../environments/provider-words';

/**
 * What the token response really granted. A refresh token without `offline_access` in the granted
 * scope is one servers tie to the sign-in session (OpenID Connect Core §11); RFC 6749 §3.3: a
 * response without `scope` granted what was asked.
 */
export function renewalOf(
  refreshToken: string | null,
  granted: readonly string[] | null,
  requested: readonly string[],
): Renewal {
  if (!refreshToken) return 'none';
  return (granted ?? requested).includes('offline_access') ? 'offline' : 'session';
}

/** The card's words for a connection that does not stay connected for good; null when it does. */
export function renewalNote(renewal: Renewal, provider: ProviderWords): string | null {
  switch (renewal) {
    case 'offline':
      return null;
    case 'session':
      return `Renews only while your sign-in session at ${provider.name} lasts, so it may stop within hours or days. To keep it connected, ask for offline access to be enabled for the application (in ${provider.portal}), then reconnect.`;
    case 'none':
      return `Has no refresh token, so it stops working when its access expires (usually within an hour). Add offline_access to the environment's scopes, or ask for offline access to be enabled in ${provider.portal}, then reconnect.`;
  }
}
