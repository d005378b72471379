import type { ProblemDetails, ProblemParameter, Verdict } from '../../../preload/contract';
import type { NetworkFailure } from '../http/network-failure';
import { unauthorisedVerdict, type UnauthorisedCause } from './unauthorised';

/** What else the answer told us, so a verdict can be specific (a disabled organisation, why a token was refused). */
export interface VerdictContext {
  readonly body?: string;
  readonly problem?: ProblemDetails | null;
  readonly unauthorised?: UnauthorisedCause;
  readonly viaConnection?: boolean;
  /** The URL asked, so a 403 or 404 can point at the organisation or query parameter in it. */
  readonly url?: string;
  /** The name of the organisation the URL reads, when known, so the words can name it. */
  readonly organisation?: string;
}

/** ApprovalMax's answer when an organisation's plan has no API access: 400 "The <companyId> is disabled." */
const ORGANISATION_DISABLED = /\bThe\s+\S+\s+is\s+disabled\b/i;

/** The query parameters the Public API's lists take (approvalmax-api.md); any other name gives a 404. */
export const KNOWN_QUERY_PARAMETERS: readonly string[] = [
  'limit',
  'continuationToken',
  'requestStatus',
  'modifiedSince',
];

/** More refused inputs than this are summed up rather than listed in the explanation. */
const LISTED_PARAMETERS = 5;

/** Explains an HTTP answer from the Public API in plain words. */
export function verdictForStatus(status: number, headers: Headers, context: VerdictContext = {}): Verdict {
  if (status >= 200 && status < 300)
    return good(
      'ApprovalMax is reachable and accepted the token.',
      `The API answered with HTTP ${status}.`,
      'Nothing to do: this token works.',
    );
  switch (status) {
    case 400:
      return badRequest(context);
    case 401:
      return unauthorisedVerdict(context.unauthorised ?? { kind: 'unknown' }, context.viaConnection ?? false);
    case 403:
      if (organisationIn(context.url)) return organisationNotCovered(context.organisation);
      return bad(
        'forbidden',
        'The token is valid but not allowed to do this (HTTP 403).',
        'ApprovalMax recognised the token, but its scopes or the role of the person who connected do not permit this call.',
        'Reconnect with the scopes this call needs, signed in as an Account Owner or Administrator.',
      );
    case 404:
      if (queryNamesIn(context.url).length > 0) return notFoundWithQuery(queryNamesIn(context.url));
      return bad(
        'not-found',
        'ApprovalMax does not know this address (HTTP 404).',
        "The server answered, but has nothing at this path. The path, or the environment's API address, may be wrong.",
        "Check the path and the environment's API address; for Production it is https://public-api.approvalmax.com.",
      );
    case 407:
      return proxyVerdict('A proxy server between this computer and ApprovalMax asked for a sign-in (HTTP 407).');
    case 429:
      return rateLimited(headers.get('retry-after'));
  }
  if (status >= 500)
    return bad(
      'server-error',
      `ApprovalMax had a problem on its side (HTTP ${status}).`,
      'The request arrived, but the server could not handle it right now. This is usually temporary.',
      "Wait a few minutes and try again; if it persists, check ApprovalMax's status page or contact ApprovalMax support with the trace id shown below.",
    );
  return {
    outcome: 'unexpected-status',
    tone: 'warning',
    headline: `ApprovalMax answered with an unexpected status (HTTP ${status}).`,
    explanation: 'The server answered, but not in a way the Public API documents.',
    nextStep: 'Read the response below; a proxy between you and ApprovalMax may have answered instead.',
  };
}

/** Explains a request that never got an HTTP answer. */
export function verdictForFailure(failure: NetworkFailure, url: string, timeoutMs: number): Verdict {
  const host = safeHost(url);
  switch (failure) {
    case 'timeout':
      return bad(
        'timeout',
        `No answer from ${host} within ${Math.round(timeoutMs / 1000)} seconds.`,
        'The server or the network is too slow, or a firewall is silently dropping the connection.',
        'Check your internet connection and try again; if you are on a company network, ask IT whether the address is allowed.',
      );
    case 'dns':
      return bad(
        'dns',
        `The address ${host} could not be found.`,
        "This computer could not look up the server's name: you may be offline, on a VPN that blocks it, or the address is mistyped.",
        "Check your internet connection and the environment's API address.",
      );
    case 'connection-refused':
      return bad(
        'connection-refused',
        `Nothing is answering at ${host}.`,
        'The computer was reached, but no service accepted the connection: the server is down, or the port is wrong.',
        "Check the environment's API address; for a local simulator, make sure it is running.",
      );
    case 'tls':
      return bad(
        'tls',
        `A secure connection to ${host} could not be set up.`,
        "The server's certificate was not trusted. Common causes: a company proxy or antivirus that inspects traffic, or a wrong date and time on this computer.",
        "Check this computer's clock; on a company network, ask IT whether HTTPS inspection is in place.",
      );
    case 'proxy':
      return proxyVerdict(`The proxy server could not connect this computer to ${host}.`);
    case 'network':
      return bad(
        'network',
        `The connection to ${host} failed.`,
        'The network dropped the connection, or a proxy refused it.',
        'Check your internet connection and proxy settings, then try again.',
      );
  }
}

function badRequest(context: VerdictContext): Verdict {
  const text = [context.problem?.title, context.problem?.detail, context.body].filter(Boolean).join('\n');
  if (ORGANISATION_DISABLED.test(text))
    return bad(
      'api-access-disabled',
      `${context.organisation ? `The ApprovalMax plan of ${context.organisation}` : "This organisation's ApprovalMax plan"} does not include API access (HTTP 400).`,
      'ApprovalMax accepted the token but answered "… is disabled": the organisation\'s subscription has no Public API access (it needs a Premium plan or a trial), or was downgraded. Listing organisations still works on such plans.',
      "Ask the organisation's Account Owner to check the ApprovalMax plan, or contact ApprovalMax about API access.",
    );
  const refused = context.problem?.parameters ?? [];
  if (refused.length > 0) {
    const listed = refused.slice(0, LISTED_PARAMETERS).map(describeRefused).join('; ');
    const more = refused.length > LISTED_PARAMETERS ? `; and ${refused.length - LISTED_PARAMETERS} more` : '';
    return bad(
      'bad-request',
      `ApprovalMax refused ${refused.length === 1 ? 'a value' : `${refused.length} values`} of the request (HTTP 400).`,
      `ApprovalMax checked the request and refused: ${listed}${more}.`,
      'Correct the listed values and send the request again; each parameter shows the values it takes.',
    );
  }
  return bad(
    'bad-request',
    'ApprovalMax refused the request as invalid (HTTP 400).',
    'The request reached ApprovalMax, but it found something wrong with it. A message such as "The … is disabled" means the organisation\'s plan does not include API access.',
    "Read the response body below for the reason; check the path and the organisation's ApprovalMax plan.",
  );
}

/** "limit "500": must be between 1 and 100", from one `error.parameters` entry. */
function describeRefused(p: ProblemParameter): string {
  const name = p.name ?? p.path ?? 'a value';
  const value = p.value !== null ? ` "${p.value.length > 60 ? `${p.value.slice(0, 60)}…` : p.value}"` : '';
  return `${name}${value}${p.message ? `: ${p.message}` : ''}`;
}

function organisationNotCovered(organisation: string | undefined): Verdict {
  return bad(
    'forbidden',
    `The token does not cover ${organisation ?? 'this organisation'} (HTTP 403).`,
    'ApprovalMax recognised the token, but the organisation in the address was not ticked when this connection was made, or its access was taken away since. A connection covers only the organisations ticked on the consent page.',
    `Reconnect and tick ${organisation ?? 'the organisation'} on ApprovalMax's consent page, signed in as its Account Owner, Account Manager or Administrator.`,
  );
}

function notFoundWithQuery(names: readonly string[]): Verdict {
  const unknown = names.filter((n) => !KNOWN_QUERY_PARAMETERS.includes(n));
  const supported = KNOWN_QUERY_PARAMETERS.join(', ');
  if (unknown.length === 0)
    return bad(
      'not-found',
      'ApprovalMax does not know this address (HTTP 404).',
      'The Public API answers 404 when a query parameter is not supported at an address; the path or the organisation may also be wrong.',
      `Try again without the query parameters, then check the path and the environment's API address. The lists take ${supported}.`,
    );
  const quoted = unknown.map((n) => `"${n}"`).join(', ');
  const hint = unknown.includes('status') ? ' (the request status filter is called requestStatus, not status)' : '';
  return bad(
    'not-found',
    `ApprovalMax does not know this address (HTTP 404): the query parameter ${quoted} may not be supported.`,
    `The Public API answers 404 when a query parameter is one it does not take, and this address has ${quoted}${hint}.`,
    `Remove ${quoted} or use a supported name: ${supported}.`,
  );
}

/** The organisation id in a Public API address (`/companies/{companyId}/…`), or null. */
function organisationIn(url: string | undefined): string | null {
  const match = url ? /\/companies\/([^/?#]+)\//.exec(url) : null;
  return match?.[1] ?? null;
}

/** The query parameter names in a URL, each once. */
function queryNamesIn(url: string | undefined): string[] {
  if (!url) return [];
  try {
    return [...new Set(new URL(url).searchParams.keys())];
  } catch {
    return [];
  }
}

function proxyVerdict(headline: string): Verdict {
  return bad(
    'proxy',
    headline,
    'This computer sends web traffic through a proxy server (a company network usually does), and the proxy refused, needed a sign-in, or could not reach ApprovalMax.',
    'Ask IT to allow public-api.approvalmax.com and identity.approvalmax.com through the proxy, or check the proxy settings of this computer.',
  );
}

function rateLimited(retryAfter: string | null): Verdict {
  const seconds = retryAfter !== null && /^\d+$/.test(retryAfter.trim()) ? Number(retryAfter) : null;
  const wait =
    seconds !== null
      ? `ApprovalMax asks to wait ${seconds} second${seconds === 1 ? '' : 's'}.`
      : 'ApprovalMax did not say how long to wait.';
  return {
    outcome: 'rate-limited',
    tone: 'warning',
    headline: 'Too many requests: ApprovalMax is slowing this client down (HTTP 429).',
    explanation: `The Public API limits how often one application may call it (about 100 reads a minute per organisation). ${wait}`,
    nextStep:
      seconds !== null ? `Try again in ${seconds} second${seconds === 1 ? '' : 's'}.` : 'Wait a minute and try again.',
  };
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
