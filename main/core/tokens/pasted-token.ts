import { extractTokens } from '../inspect/index';

/** A pasted token, cleaned of what copy and paste adds, or the reason it cannot be sent. */
export type PastedToken =
  { readonly ok: true; readonly token: string } | { readonly ok: false; readonly reason: string };

/** A compact JWT or an opaque token on its own: base64url characters and dots, nothing around them. */
const BARE_TOKEN = /^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]*){0,4}$/;

/**
 * The access token in what people paste, found the way the inspector finds it (a `Bearer ` prefix,
 * quotes, stray spaces, a JSON token response, a header line, a cURL command); an opaque token is
 * taken as it is, cleaned of quotes and whitespace.
 */
export function cleanPastedToken(input: string): PastedToken {
  // Most pastes are the bare token: nothing to extract from them (the extractor tries every shape).
  if (BARE_TOKEN.test(input)) return { ok: true, token: input };
  const { found } = extractTokens(input);
  const jwt = found.find((t) => t.label === 'access_token') ?? found[0];
  if (jwt) return { ok: true, token: jwt.token };
  let token = input
    .trim()
    .replace(/^authorization:\s*/i, '')
    .replace(/^bearer\s+/i, '');
  token = token.replace(/^["'`]+|["'`]+$/g, '').replace(/\s+/g, '');
  if (token === '') return { ok: false, reason: 'Paste an access token first.' };
  // Anything outside printable ASCII cannot go into an HTTP header.
  if (!/^[\x21-\x7e]+$/.test(token))
    return {
      ok: false,
      reason: 'The token contains characters that are not part of an access token. Copy it again from its source.',
    };
  return { ok: true, token };
}

/** Shows enough of a token to recognise it, never enough to use it. */
export function maskToken(token: string): string {
  return token.length <= 12 ? '•••' : `${token.slice(0, 6)}…${token.slice(-4)}`;
}
