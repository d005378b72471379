import { classifyNetworkFailure, type NetworkFailure } from '../http/network-failure';
import type { HttpTransport } from '../ports';
import { joinUrl } from '../urls';

/** Where the Public API serves its OpenAPI document, under the API base. */
export const OPENAPI_PATH = '/swagger/v1/swagger.json';
/** The real document is hundreds of KB; anything past this is not read. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
/** Fetching and reading the document together may take this long. */
export const DOCUMENT_TIMEOUT_MS = 20_000;

/** The document as JSON, or why it could not be had, completing "The OpenAPI document … could not be used because ___". */
export type FetchedDocument =
  { readonly ok: true; readonly json: unknown } | { readonly ok: false; readonly reason: string };

/**
 * Fetches the OpenAPI document with the connection's token, and once without a token when that is
 * refused (401/403): some servers publish it openly and refuse a token they do not expect there.
 */
export async function fetchOpenApiDocument(
  http: HttpTransport,
  apiBase: string,
  token: string | null,
  timeoutMs = DOCUMENT_TIMEOUT_MS,
): Promise<FetchedDocument> {
  const url = joinUrl(apiBase, OPENAPI_PATH);
  const first = await fetchOnce(http, url, token, timeoutMs);
  if (token !== null && 'status' in first && (first.status === 401 || first.status === 403))
    return settle(await fetchOnce(http, url, null, timeoutMs), timeoutMs);
  return settle(first, timeoutMs);
}

type Attempt =
  | { readonly text: string }
  | { readonly status: number }
  | { readonly tooBig: true }
  | { readonly failure: NetworkFailure };

function settle(attempt: Attempt, timeoutMs: number): FetchedDocument {
  if ('status' in attempt) return { ok: false, reason: `the server answered HTTP ${attempt.status} when asked for it` };
  if ('tooBig' in attempt)
    return { ok: false, reason: `it is larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB, the most this app reads` };
  if ('failure' in attempt) return { ok: false, reason: failureWords(attempt.failure, timeoutMs) };
  try {
    return { ok: true, json: JSON.parse(attempt.text) };
  } catch {
    return { ok: false, reason: 'what the server sent is not JSON' };
  }
}

async function fetchOnce(http: HttpTransport, url: string, token: string | null, timeoutMs: number): Promise<Attempt> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException('timed out', 'TimeoutError')), timeoutMs);
  try {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (token !== null) headers.Authorization = `Bearer ${token}`;
    const response = await http(url, { method: 'GET', headers, redirect: 'manual', signal: controller.signal });
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      return { status: response.status };
    }
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > MAX_DOCUMENT_BYTES) {
      await response.body?.cancel().catch(() => undefined);
      return { tooBig: true };
    }
    const text = await readLimited(response, MAX_DOCUMENT_BYTES);
    return text === null ? { tooBig: true } : { text };
  } catch (error) {
    return { failure: controller.signal.aborted ? 'timeout' : classifyNetworkFailure(error) };
  } finally {
    clearTimeout(timer);
  }
}

/** The body as text, or null once it passes `limit` bytes (the rest is never read). */
async function readLimited(response: Response, limit: number): Promise<string | null> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function failureWords(failure: NetworkFailure, timeoutMs: number): string {
  switch (failure) {
    case 'timeout':
      return `no complete answer came within ${Math.round(timeoutMs / 1000)} seconds`;
    case 'dns':
      return 'the API address could not be found (offline, or a VPN blocks it)';
    case 'connection-refused':
      return 'nothing answered at the API address';
    case 'tls':
      return 'a secure connection to the API could not be set up';
    case 'proxy':
      return 'the proxy server refused or could not reach the API';
    case 'network':
      return 'the connection to the API failed';
  }
}
