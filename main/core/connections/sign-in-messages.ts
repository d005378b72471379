import { APPROVALMAX_WORDS, type ProviderWords } from '../environments/provider-words';
import { explainRedirectError, type RedirectMatch } from '../oauth/redirect-matcher';
import type { LoadedSignInPage } from '../oauth/sign-in-navigation';

/** Plain words for a redirect that did not bring a usable code. */
export function explainRedirect(
  match: Exclude<RedirectMatch, { kind: 'code' }>,
  provider: ProviderWords = APPROVALMAX_WORDS,
): string {
  switch (match.kind) {
    case 'not-ours':
      return `That address is not where ${provider.name} sends you back after signing in. Wait until the browser has finished, copy the whole address from its address bar, and paste it again.`;
    case 'state-mismatch':
      return 'That sign-in does not belong to the one this app started, so it was not used (this protects you from a forged sign-in). Start connecting again.';
    case 'error':
      return `${explainRedirectError(match.error, match.description, provider)} Nothing was connected.`;
  }
}

/** Plain words for a sign-in window that ended without a redirect. */
export function explainAbandonedSignIn(kind: 'cancelled' | 'timeout'): string {
  return kind === 'timeout'
    ? 'The sign-in window was open for more than 5 minutes, so it was closed for your safety. Nothing was connected. Start connecting again when you are ready.'
    : 'Sign-in was closed before it finished. Nothing was connected.';
}

/** The keychain refused to store tokens. */
export const KEYCHAIN_WRITE_FAILED =
  'The connection was made, but its tokens could not be stored in the keychain, so it was not saved. Unlock the keychain (or allow ApprovalMax Connect to use it) and connect again.';

/** The identity server's own error page in the sign-in window: it will never send the user back. */
export function explainSignInPageProblem(page: LoadedSignInPage, provider: ProviderWords = APPROVALMAX_WORDS): string {
  const what = [
    page.status !== null && page.status >= 400 ? `HTTP ${page.status}` : null,
    page.title ? `"${page.title.slice(0, 120)}"` : null,
  ]
    .filter(Boolean)
    .join(', ');
  return (
    `${provider.name}'s sign-in page shows an error${what ? ` (${what})` : ''}, so the sign-in cannot finish. The server refused the request this app sent: ` +
    "check the environment's Client ID, redirect URI and scopes in Settings (servers that follow OpenID Connect need the scope openid), " +
    'then close the sign-in window and connect again.'
  );
}
