import { APPROVALMAX_WORDS, type ProviderWords } from '../environments/provider-words';
import { createHash, timingSafeEqual } from 'node:crypto';

/** What a navigation in the sign-in window means, so the shell stops it or lets it go without guessing. */
export type RedirectMatch =
  | { kind: 'not-ours' }
  | { kind: 'code'; code: string; state: string; scope?: string }
  | { kind: 'error'; error: string; description?: string; state?: string }
  | { kind: 'state-mismatch' };

/**
 * True when a navigation goes to the redirect URI: both are parsed (WHATWG, as the browser does, so
 * `..`, `%2e%2e`, host case and default ports resolve exactly as the request would) and scheme, host,
 * port and path must be equal; a URL with user info never matches.
 */
export function isRedirectTarget(url: string, redirectUri: string): boolean {
  const target = parse(url);
  const expected = parse(redirectUri);
  if (!target || !expected) return false;
  if (target.username || target.password) return false;
  return (
    target.protocol === expected.protocol &&
    target.hostname === expected.hostname &&
    target.port === expected.port &&
    normalisePath(target.pathname) === normalisePath(expected.pathname)
  );
}

/**
 * Reads the identity server's answer from a redirect. Only the query counts, because the app asks for
 * the default response mode (query) and ApprovalMax answers there: an answer only in the fragment is
 * reported as an `invalid_request` error rather than trusted.
 */
export function matchRedirect(url: string, redirectUri: string, expectedState: string): RedirectMatch {
  if (!isRedirectTarget(url, redirectUri)) return { kind: 'not-ours' };
  const parsed = new URL(url);
  const query = parsed.searchParams;
  const states = query.getAll('state');
  const stateOk = states.length === 1 && expectedState.length > 0 && constantTimeEqual(states[0] ?? '', expectedState);
  const errors = query.getAll('error');
  const codes = query.getAll('code');

  if (errors.length > 0) {
    if (states.length > 0 && !stateOk) return { kind: 'state-mismatch' };
    const error = errors.length === 1 && errors[0] ? errors[0] : 'invalid_request';
    const description = query.get('error_description') ?? undefined;
    return {
      kind: 'error',
      error,
      ...(description ? { description } : {}),
      ...(stateOk ? { state: expectedState } : {}),
    };
  }
  if (codes.length === 0) {
    return {
      kind: 'error',
      error: 'invalid_request',
      description: hasAnswerInFragment(parsed) ? FRAGMENT_ONLY : NO_CODE,
    };
  }
  if (!stateOk) return { kind: 'state-mismatch' };
  if (codes.length > 1 || !codes[0])
    return { kind: 'error', error: 'invalid_request', description: BAD_CODE, state: expectedState };
  const scope = query.get('scope') ?? undefined;
  return { kind: 'code', code: codes[0], state: expectedState, ...(scope !== undefined ? { scope } : {}) };
}

const NO_CODE = 'The sign-in page came back without a sign-in code.';
const BAD_CODE = 'The sign-in page came back with more than one sign-in code, or an empty one.';
const FRAGMENT_ONLY = 'The sign-in page sent its answer in an unexpected part of the address.';

const MAX_DESCRIPTION_CHARS = 300;

/** Plain words for a redirect that carried an error, so the user learns what to do instead of seeing a code. */
export function explainRedirectError(
  error: string,
  description?: string,
  provider: ProviderWords = APPROVALMAX_WORDS,
): string {
  const { name, portal, support } = provider;
  const said = description ? ` ${name} said: "${clean(description)}".` : '';
  switch (error) {
    case 'access_denied':
      return provider === APPROVALMAX_WORDS
        ? 'The connection was not made because access was declined on the ApprovalMax page. Either the sign-in was cancelled, ' +
            'or the account may not connect organisations (only Account Owners, Account Managers and Organisation Administrators can).' +
            `${said} Try again, and tick at least one organisation before allowing access.`
        : `The connection was not made because access was declined on ${name}'s page: the sign-in was cancelled, or the account may not use this application.${said} Try again.`;
    case 'invalid_scope':
      return `${name} refused the permissions this app asked for.${said} Check the scopes in the environment settings, then connect again.`;
    case 'unauthorized_client':
    case 'unauthorised_client':
      return `${name} does not allow this app to connect this way.${said} Check the application in ${portal}.`;
    case 'invalid_request':
      return (
        `The sign-in could not be completed because ${name}'s answer was not in the expected form.${said} ` +
        'The redirect URI or scopes in the environment settings may not match the application. Check them and try again.'
      );
    case 'server_error':
    case 'temporarily_unavailable':
      return `${name}'s sign-in server had a problem and could not finish the sign-in.${said} This is usually temporary; try again in a few minutes.`;
    default:
      return (
        `${name} stopped the sign-in with the error "${clean(error, 64)}".${said} Check the environment settings and try again; ` +
        `if it keeps happening, contact ${support} with this message.`
      );
  }
}

function clean(text: string, max = MAX_DESCRIPTION_CHARS): string {
  const oneLine = Array.from(text, (c) => (c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127 ? ' ' : c))
    .join('')
    .replace(/ {2,}/g, ' ')
    .trim();
  return oneLine.length > max ? `${oneLine.slice(0, max)}…` : oneLine;
}

function parse(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/** RFC 3986 §6.2.2: percent-encoded unreserved characters mean the characters themselves; hex case does not matter. */
function normalisePath(path: string): string {
  return path.replace(/%([0-9a-fA-F]{2})/g, (_, hex: string) => {
    const char = String.fromCharCode(parseInt(hex, 16));
    return /[A-Za-z0-9\-._~]/.test(char) ? char : `%${hex.toUpperCase()}`;
  });
}

function hasAnswerInFragment(url: URL): boolean {
  const fragment = new URLSearchParams(url.hash.replace(/^#/, ''));
  return fragment.has('code') || fragment.has('error');
}

/** Compares digests, so neither the length nor the first differing character of the expected state leaks through timing. */
function constantTimeEqual(a: string, b: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(a), digest(b)) && a === b;
}
