import { APPROVALMAX_WORDS, type ProviderWords } from '../environments/provider-words';
import type { NetworkFailure } from '../http/network-failure';
import type { TokenFailureKind } from './token-client';

/** What a message may mention; never a secret, only facts the user can act on. */
export interface TokenFailureContext {
  /** Which request failed: the first exchange after sign-in, or renewing access later. */
  grant?: 'authorization_code' | 'refresh_token';
  status?: number;
  retryAfterMs?: number;
  network?: NetworkFailure;
  /** The identity server's host name, e.g. identity.approvalmax.com. */
  host?: string;
  /** An OAuth error code outside the known list (already checked to be a plain word). */
  errorCode?: string;
  timeoutMs?: number;
  /** Whose server it is, so messages say "ApprovalMax" only for ApprovalMax's. */
  provider?: ProviderWords;
}

/** Plain words for every token-endpoint failure: what happened, the likely reason, what to do next. */
export function explainTokenFailure(kind: TokenFailureKind, context: TokenFailureContext = {}): string {
  const renewing = context.grant === 'refresh_token';
  const { name, portal, support } = context.provider ?? APPROVALMAX_WORDS;
  switch (kind) {
    case 'invalid_client':
      return (
        `${name} did not accept this app's Client ID or secret. The Client ID or secret is wrong, or the application was ` +
        `deleted in ${portal}. Check them in the environment settings.`
      );
    case 'invalid_grant':
      return renewing
        ? `${name} no longer accepts this connection's saved sign-in. The connection was probably disabled or deleted in ${name}, ` +
            'the person who connected it lost their role, or it was not used for a long time. Reconnect the organisation to continue.'
        : `${name} did not accept the sign-in code. It may have expired (codes last 5 minutes) or been used already, or the redirect URI ` +
            'in the environment settings does not match the one registered for the application. Connect again; if it keeps failing, check the redirect URI.';
    case 'unauthorized_client':
      return (
        `${name} does not allow this app to ${renewing ? 'renew access' : 'sign in'} this way. The application's settings in ` +
        `${portal} do not permit it. Check the application there, or ask ${support}.`
      );
    case 'invalid_scope':
      return (
        `${name} refused the permissions this app asked for. The environment asks for a scope the application is not allowed, ` +
        `or one ${name} no longer grants (such as the legacy public_api scope). Check the scopes in the environment settings and connect again.`
      );
    case 'access_denied':
      return context.provider && context.provider !== APPROVALMAX_WORDS
        ? `${name} refused access. The sign-in may have been declined, or the account may not be allowed to use this application. Try again, or ask ${support}.`
        : 'ApprovalMax refused access. The sign-in may have been declined, or the account may not connect organisations (only Account Owners, ' +
            'Account Managers and Organisation Administrators can). Try again with an account that has one of these roles.';
    case 'no_refresh_token':
      return (
        `${name} issued no refresh token, so this connection could not stay connected for longer than an hour, although offline access was asked for. ` +
        'Likely causes, most likely first: the server grants offline access only when asked for consent (servers that follow OpenID Connect need ' +
        '"openid" and "offline_access" in the scopes, and then this app asks for consent; check the Prompt setting of the environment); ' +
        `the application is not allowed offline access (enable it in ${portal}); or offline access was not ticked on the consent page. Connect again once one of these is fixed.`
      );
    case 'rate_limited':
      return (
        `${name} is receiving too many requests from this app (HTTP 429), so it refused this one for now. It limits how often an ` +
        `application may sign in or renew access. ${waitWords(context.retryAfterMs, name)}`
      );
    case 'server_error':
      return (
        `${name}'s sign-in server had a problem${context.status ? ` (HTTP ${context.status})` : ''}. This is usually temporary and on ` +
        `${name}'s side. Try again in a few minutes; if it goes on for long, contact ${support}.`
      );
    case 'network':
      return networkWords(context);
    case 'bad_response':
      return context.errorCode
        ? `${name} refused the request with the error "${context.errorCode}". The environment settings may not match the application ` +
            `registered in ${portal}. Check them and try again; if it keeps happening, contact ${support} with this message.`
        : `${name}'s sign-in server sent an answer this app could not read${context.status ? ` (HTTP ${context.status})` : ''}. A proxy, ` +
            "firewall or Wi-Fi login page may have replaced it, or the environment's identity server address points somewhere else. " +
            'Check the environment settings and your network, then try again.';
  }
}

function waitWords(ms: number | undefined, name: string): string {
  if (ms === undefined) return 'Wait a minute and try again.';
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 120) return `${name} asked to wait ${seconds} second${seconds === 1 ? '' : 's'}; try again after that.`;
  return `${name} asked to wait about ${Math.ceil(seconds / 60)} minutes; try again after that.`;
}

function networkWords(context: TokenFailureContext): string {
  const host = context.host ?? `${(context.provider ?? APPROVALMAX_WORDS).name}'s sign-in server`;
  switch (context.network ?? 'network') {
    case 'timeout':
      return (
        `No answer from ${host}${context.timeoutMs ? ` within ${Math.round(context.timeoutMs / 1000)} seconds` : ''}. The network or the ` +
        'server is too slow, or a firewall is silently dropping the connection. Check your internet connection and try again.'
      );
    case 'dns':
      return (
        `The address ${host} could not be found. You may be offline, on a VPN that blocks it, or the identity server address is mistyped. ` +
        "Check your internet connection and the environment's identity server address."
      );
    case 'connection-refused':
      return (
        `Nothing is answering at ${host}. The server is down or the port is wrong. Check the environment's identity server address; ` +
        'for a local simulator, make sure it is running.'
      );
    case 'tls':
      return (
        `A secure connection to ${host} could not be set up. Its certificate was not trusted: often a company proxy or antivirus that ` +
        "inspects traffic, or a wrong date and time on this computer. Check this computer's clock; on a company network, ask IT."
      );
    case 'proxy':
      return `The proxy server this computer uses could not connect it to ${host}. Ask IT to allow the identity server's address through the proxy, or check this computer's proxy settings.`;
    case 'network':
      return `The connection to ${host} failed. The network dropped it, or a proxy refused it. Check your internet connection and proxy settings, then try again.`;
  }
}
