import { describe, expect, it } from 'vitest';
import { classifyNetworkFailure } from '../../../main/core/http/network-failure';

const nodeFetchError = (code: string) =>
  Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(code), { code }) });

describe('classifyNetworkFailure', () => {
  it.each([
    [nodeFetchError('ENOTFOUND'), 'dns'],
    [nodeFetchError('EAI_AGAIN'), 'dns'],
    [nodeFetchError('ECONNREFUSED'), 'connection-refused'],
    [nodeFetchError('UND_ERR_CONNECT_TIMEOUT'), 'timeout'],
    [nodeFetchError('CERT_HAS_EXPIRED'), 'tls'],
    [nodeFetchError('DEPTH_ZERO_SELF_SIGNED_CERT'), 'tls'],
    [nodeFetchError('UNABLE_TO_VERIFY_LEAF_SIGNATURE'), 'tls'],
    [nodeFetchError('ERR_TLS_CERT_ALTNAME_INVALID'), 'tls'],
    [nodeFetchError('ECONNRESET'), 'network'],
    [new DOMException('The operation timed out.', 'TimeoutError'), 'timeout'],
    [new Error('net::ERR_NAME_NOT_RESOLVED'), 'dns'],
    [new Error('net::ERR_CONNECTION_REFUSED'), 'connection-refused'],
    [new Error('net::ERR_CERT_AUTHORITY_INVALID'), 'tls'],
    [new Error('net::ERR_TIMED_OUT'), 'timeout'],
    [new Error('net::ERR_PROXY_CONNECTION_FAILED'), 'proxy'],
    [new Error('net::ERR_TUNNEL_CONNECTION_FAILED'), 'proxy'],
    ['a string', 'network'],
    [null, 'network'],
  ])('%s → %s', (error, expected) => {
    expect(classifyNetworkFailure(error)).toBe(expected);
  });

  it('looks inside an AggregateError cause (Node tries IPv4 and IPv6)', () => {
    const cause = new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })], 'all failed');
    expect(classifyNetworkFailure(Object.assign(new TypeError('fetch failed'), { cause }))).toBe('connection-refused');
  });
});
