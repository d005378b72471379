import type { PingOutcome } from '../../../preload/contract';

/** The ways a request can fail before any HTTP status arrives. */
export type NetworkFailure = Extract<
  PingOutcome,
  'timeout' | 'dns' | 'connection-refused' | 'tls' | 'proxy' | 'network'
>;

const TLS_CODE = /^(CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|ERR_TLS_|ERR_SSL_|EPROTO$|HOSTNAME_MISMATCH)/;
const PROXY =
  /ERR_(PROXY_|TUNNEL_CONNECTION_FAILED|MANDATORY_PROXY_CONFIGURATION_FAILED|HTTPS_PROXY_TUNNEL_RESPONSE)|Proxy response \(\d+\)|UND_ERR_PROXY/;

/**
 * Tells "offline" from "refused" from "certificate" from "proxy": Node's fetch hides the reason in
 * `cause.code` (sometimes inside an AggregateError), Electron's net.fetch in a `net::ERR_*` message.
 */
export function classifyNetworkFailure(error: unknown): NetworkFailure {
  const signals = collectSignals(error);
  const has = (test: (s: string) => boolean) => signals.some(test);
  if (has((s) => PROXY.test(s))) return 'proxy';
  if (
    has(
      (s) =>
        s === 'TimeoutError' ||
        s === 'UND_ERR_CONNECT_TIMEOUT' ||
        s === 'ETIMEDOUT' ||
        /ERR_(CONNECTION_)?TIMED_OUT/.test(s),
    )
  )
    return 'timeout';
  if (has((s) => s === 'ENOTFOUND' || s === 'EAI_AGAIN' || /ERR_NAME_NOT_RESOLVED|ERR_NAME_RESOLUTION_FAILED/.test(s)))
    return 'dns';
  if (has((s) => s === 'ECONNREFUSED' || /ERR_CONNECTION_REFUSED/.test(s))) return 'connection-refused';
  if (has((s) => TLS_CODE.test(s) || /net::ERR_(CERT_|SSL_)/.test(s))) return 'tls';
  return 'network';
}

function collectSignals(error: unknown, depth = 0): string[] {
  if (depth > 4 || typeof error !== 'object' || error === null) return [];
  const e = error as { name?: unknown; code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  const own = [e.name, e.code, e.message].filter((v): v is string => typeof v === 'string');
  const nested = [e.cause, ...(Array.isArray(e.errors) ? e.errors : [])].flatMap((c) => collectSignals(c, depth + 1));
  return [...own, ...nested];
}
