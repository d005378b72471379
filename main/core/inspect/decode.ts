import { decodeJwt, decodeProtectedHeader } from 'jose';
import type { DecodeError, DecodeResult, TokenPart } from './types';

/** Far beyond any real token, small enough that decoding never stalls the main process. */
export const MAX_TOKEN_CHARS = 4 * 1024 * 1024;

const BASE64URL = /^[A-Za-z0-9_-]*$/;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const PART_NAMES: Record<Exclude<TokenPart, 'structure'>, string> = {
  header: 'header',
  payload: 'payload',
  signature: 'signature',
};

const fail = (part: TokenPart, reason: string): DecodeResult => ({ ok: false, error: { part, reason } });

/** Why a base64url part cannot be decoded, in plain words; null when it can. */
export function base64urlProblem(value: string, part: Exclude<TokenPart, 'structure'>): string | null {
  const name = `The ${PART_NAMES[part]}`;
  if (BASE64URL.test(value))
    return value.length % 4 === 1 ? `${name} is not valid base64url: it has one character too many or too few` : null;
  if (/[+/]/.test(value) && /^[A-Za-z0-9+/=_-]*$/.test(value))
    return `${name} is not valid base64url: it uses standard base64 characters (+ or /) where a token uses - and _`;
  if (/^[A-Za-z0-9_-]+=+$/.test(value))
    return `${name} is not valid base64url: it ends in “=” padding, which a token leaves out`;
  return `${name} is not valid base64url: it contains characters that cannot appear in a token`;
}

/** Decodes base64url text of a part as strict UTF-8; null when the bytes are not text. */
export function decodePartText(value: string): string | null {
  try {
    return strictUtf8.decode(Buffer.from(value, 'base64url'));
  } catch {
    return null;
  }
}

/** Names a JSON value's type the way a person would. */
export function describeJsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return 'a piece of text';
    case 'number':
      return 'a number';
    case 'boolean':
      return value ? 'true' : 'false';
    default:
      return 'something else';
  }
}

/** Works out, without jose, why a header or payload part is unreadable (only called after jose refused it). */
function diagnosePart(value: string, part: 'header' | 'payload'): DecodeError {
  const name = `The ${part}`;
  if (value === '') return { part, reason: `${name} part is empty` };
  const encoding = base64urlProblem(value, part);
  if (encoding) return { part, reason: encoding };
  const text = decodePartText(value);
  if (text === null) return { part, reason: `${name} is not text: its bytes are not valid UTF-8` };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { part, reason: `${name} is not JSON` };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return { part, reason: `${name} is not a JSON object: it is ${describeJsonType(parsed)}` };
  return { part, reason: `${name} could not be read` };
}

/** Checks the outer shape: text, size, three dot-separated parts, no whitespace. */
function structureProblem(token: unknown): string | null {
  if (typeof token !== 'string') return 'The token is not text';
  if (token.trim() === '') return 'The token is empty';
  if (token.length > MAX_TOKEN_CHARS)
    return 'The token is larger than 4 MB, far larger than any real token, so it was not decoded';
  if (/\s/.test(token))
    return 'The token contains spaces or line breaks, which a token never has; paste it into the inspector to have them removed';
  const count = token.split('.').length;
  if (count === 5)
    return 'The token has five parts: it is an encrypted token (JWE), whose contents only its intended recipient can read';
  if (count !== 3) return `The token should have three parts separated by dots; this one has ${count}`;
  return null;
}

/**
 * The one wrapper around jose's decoders: any input gives a decoded (unverified) token or a typed
 * error naming the part, never an exception, so pasted rubbish cannot crash the inspector.
 */
export function decodeToken(token: string): DecodeResult {
  try {
    return decodeUnsafe(token);
  } catch {
    return fail('structure', 'The token could not be read');
  }
}

function decodeUnsafe(token: string): DecodeResult {
  const structure = structureProblem(token);
  if (structure) return fail('structure', structure);
  const [header = '', payload = '', signature = ''] = token.split('.');
  if (header === '') return fail('header', 'The header part is empty');
  if (payload === '') return fail('payload', 'The payload part is empty');
  const headerEncoding = base64urlProblem(header, 'header');
  if (headerEncoding) return fail('header', headerEncoding);
  const payloadEncoding = base64urlProblem(payload, 'payload');
  if (payloadEncoding) return fail('payload', payloadEncoding);
  const signatureEncoding = base64urlProblem(signature, 'signature');
  if (signatureEncoding) return fail('signature', signatureEncoding);

  let decodedHeader: Record<string, unknown>;
  try {
    decodedHeader = decodeProtectedHeader(token) as Record<string, unknown>;
  } catch {
    return { ok: false, error: diagnosePart(header, 'header') };
  }
  let decodedPayload: Record<string, unknown>;
  try {
    decodedPayload = decodeJwt(token) as Record<string, unknown>;
  } catch {
    return { ok: false, error: diagnosePart(payload, 'payload') };
  }
  return {
    ok: true,
    header: decodedHeader,
    payload: decodedPayload,
    parts: { header, payload, signature },
    json: { header: decodePartText(header) ?? '', payload: decodePartText(payload) ?? '' },
    signatureBytes: Math.floor((signature.length * 3) / 4),
  };
}
