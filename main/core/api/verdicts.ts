import type { Verdict } from '../../../preload/contract';
import type { NetworkFailure } from './network-failure';

/** Explains an HTTP answer from the Public API in plain words. */
export function verdictForStatus(status: number, headers: Headers): Verdict {
  if (status >= 200 && status < 300)
    return good('ApprovalMax is reachable and accepted the token.', `The API answered with HTTP ${status}.`, 'Nothing to do: this token works.');
  switch (status) {
    case 400:
      return bad('bad-request', 'ApprovalMax refused the request as invalid (HTTP 400).',
        'The request reached ApprovalMax, but it found something wrong with it. A message such as "The … is disabled" means the organisation\'s plan does not include API access.',
        'Read the response body below for the reason; check the organisation\'s ApprovalMax plan.');
    case 401:
      return bad('unauthorised', 'ApprovalMax did not accept this access token (HTTP 401).',
        'The token has probably expired (access tokens last one hour), was issued by a different ApprovalMax environment than the one chosen, or its connection was disabled or deleted in ApprovalMax.',
        'Check that the environment matches the token\'s issuer, then get a fresh token by reconnecting.');
    case 403:
      return bad('forbidden', 'The token is valid but not allowed to do this (HTTP 403).',
        'ApprovalMax recognised the token, but its scopes or the role of the person who connected do not permit this call.',
        'Reconnect with the scopes this call needs, signed in as an Account Owner or Administrator.');
    case 404:
      return bad('not-found', 'ApprovalMax does not know this address (HTTP 404).',
        'The server answered, but has nothing at this path. The environment\'s API address may be wrong.',
        'Check the environment\'s API address; for Production it is https://public-api.approvalmax.com.');
    case 429:
      return rateLimited(headers.get('retry-after'));
  }
  if (status >= 500)
    return bad('server-error', `ApprovalMax had a problem on its side (HTTP ${status}).`,
      'The request arrived, but the server could not handle it right now. This is usually temporary.',
      'Wait a few minutes and try again; if it persists, check ApprovalMax\'s status page or contact ApprovalMax support.');
  return { outcome: 'unexpected-status', tone: 'warning', headline: `ApprovalMax answered with an unexpected status (HTTP ${status}).`,
    explanation: 'The server answered, but not in a way the Public API documents.',
    nextStep: 'Read the response below; a proxy between you and ApprovalMax may have answered instead.' };
}

/** Explains a request that never got an HTTP answer. */
export function verdictForFailure(failure: NetworkFailure, url: string, timeoutMs: number): Verdict {
  const host = safeHost(url);
  switch (failure) {
    case 'timeout':
      return bad('timeout', `No answer from ${host} within ${Math.round(timeoutMs / 1000)} seconds.`,
        'The server or the network is too slow, or a firewall is silently dropping the connection.',
        'Check your internet connection and try again; if you are on a company network, ask IT whether the address is allowed.');
    case 'dns':
      return bad('dns', `The address ${host} could not be found.`,
        'This computer could not look up the server\'s name: you may be offline, on a VPN that blocks it, or the address is mistyped.',
        'Check your internet connection and the environment\'s API address.');
    case 'connection-refused':
      return bad('connection-refused', `Nothing is answering at ${host}.`,
        'The computer was reached, but no service accepted the connection: the server is down, or the port is wrong.',
        'Check the environment\'s API address; for a local simulator, make sure it is running.');
    case 'tls':
      return bad('tls', `A secure connection to ${host} could not be set up.`,
        'The server\'s certificate was not trusted. Common causes: a company proxy or antivirus that inspects traffic, or a wrong date and time on this computer.',
        'Check this computer\'s clock; on a company network, ask IT whether HTTPS inspection is in place.');
    case 'network':
      return bad('network', `The connection to ${host} failed.`,
        'The network dropped the connection, or a proxy refused it.',
        'Check your internet connection and proxy settings, then try again.');
  }
}

function rateLimited(retryAfter: string | null): Verdict {
  const seconds = retryAfter !== null && /^\d+$/.test(retryAfter.trim()) ? Number(retryAfter) : null;
  const wait = seconds !== null ? `ApprovalMax asks to wait ${seconds} second${seconds === 1 ? '' : 's'}.` : 'ApprovalMax did not say how long to wait.';
  return { outcome: 'rate-limited', tone: 'warning', headline: 'Too many requests: ApprovalMax is slowing this client down (HTTP 429).',
    explanation: `The Public API limits how often one application may call it (about 100 reads a minute per organisation). ${wait}`,
    nextStep: seconds !== null ? `Try again in ${seconds} second${seconds === 1 ? '' : 's'}.` : 'Wait a minute and try again.' };
}

function good(headline: string, explanation: string, nextStep: string): Verdict {
  return { outcome: 'success', tone: 'good', headline, explanation, nextStep };
}

function bad(outcome: Verdict['outcome'], headline: string, explanation: string, nextStep: string): Verdict {
  return { outcome, tone: 'bad', headline, explanation, nextStep };
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
