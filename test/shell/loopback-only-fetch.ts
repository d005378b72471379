import { isLoopbackHost } from '../../main/core/urls';

/**
 * fetch that never leaves this machine: any other host fails the way an offline DNS lookup does.
 * E2E runs use it (APPROVALMAX_CONNECT_LOOPBACK_ONLY=1) so a pasted token's issuer is never contacted.
 */
export const loopbackOnlyFetch: typeof fetch = async (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (!isLoopbackHost(url.hostname))
    throw Object.assign(new TypeError('fetch failed'), {
      cause: Object.assign(new Error(`getaddrinfo ENOTFOUND ${url.hostname}`), { code: 'ENOTFOUND' }),
    });
  return fetch(input, init);
};
