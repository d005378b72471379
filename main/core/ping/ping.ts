import type { PingReport, PingTarget } from '../../../preload/contract';
import type { Environment } from '../environments/environments';
import type { Clock, HttpTransport, Logger, TransportTimings } from '../ports';
import { maskToken } from '../tokens/pasted-token';
import { detectClockSkew } from './clock-skew';
import { toCurl } from './curl';
import { classifyNetworkFailure } from '../http/network-failure';
import { parseProblemDetails } from './problem-details';
import { describeTimings } from './timings';
import { diagnoseUnauthorised } from './unauthorised';
import { verdictForFailure, verdictForStatus } from './verdicts';

/** Large bodies are cut so a runaway response cannot flood the bridge. */
export const MAX_BODY_CHARS = 256 * 1024;

/** What sending one ping needs from the core. */
export interface PingDeps {
  readonly http: HttpTransport;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly timeoutMs: number;
  readonly newId: () => string;
}

/** One ping to send: the URL is already checked to lie under the environment's API base. */
export interface PingRequest {
  readonly env: Environment;
  readonly token: string;
  readonly url: string;
  readonly path: string;
  readonly target: PingTarget;
  /** The name of the organisation the path reads, when the caller knows it, so the verdict can name it. */
  readonly organisation?: string;
  /** Receives the whole body, before the report cuts it to MAX_BODY_CHARS (the workbench reads every item). */
  readonly onBody?: (text: string) => void;
}

type ReportBase = Omit<PingReport, 'elapsedMs' | 'verdict' | 'response' | 'problem' | 'clockSkew' | 'timings'>;

/** Calls the Public API with a bearer token and explains whatever happens; never throws for network trouble. */
export async function sendPing(deps: PingDeps, req: PingRequest): Promise<PingReport> {
  // The reply waits for everything here, so it is written without per-call closures and with the
  // request's headers spelled out once for the wire, once masked for the report.
  const authorization = `Bearer ${req.token}`;
  const base: ReportBase = {
    id: deps.newId(),
    environmentId: req.env.id,
    environmentName: req.env.name,
    target: req.target,
    path: req.path,
    startedAt: new Date(deps.clock.now()).toISOString(),
    request: {
      method: 'GET',
      url: req.url,
      headers: [
        ['Accept', ACCEPT],
        ['Authorization', `Bearer ${maskToken(req.token)}`],
      ],
    },
    curl: toCurl({
      url: req.url,
      headers: [
        ['Accept', ACCEPT],
        ['Authorization', authorization],
      ],
    }),
  };
  const started = deps.clock.monotonic();
  deps.logger.info('ping: sending', { url: req.url });
  // Our own timer rather than AbortSignal.timeout, which costs several times more to set up (it is
  // tracked weakly so that it can be collected).
  const timeout = new AbortController();
  const timer = setTimeout(abortForTimeout, deps.timeoutMs, timeout);
  try {
    const response = await deps.http(req.url, {
      method: 'GET',
      headers: { Accept: ACCEPT, Authorization: authorization },
      redirect: 'manual',
      signal: timeout.signal,
    });
    const text = await response.text();
    req.onBody?.(text);
    const report = await answered(deps, req, base, response, text, since(deps.clock, started));
    deps.logger.info('ping: answered', { url: req.url, status: response.status, elapsedMs: report.elapsedMs });
    return report;
  } catch (error) {
    // Our own timeout, even while the body was still arriving (a transport may report that as a cut-off stream).
    const failure = timeout.signal.aborted ? 'timeout' : classifyNetworkFailure(error);
    const elapsedMs = since(deps.clock, started);
    deps.logger.warn('ping: failed', { url: req.url, failure });
    const timings = describeTimings(deps.http, elapsedMs, null);
    return {
      ...base,
      elapsedMs,
      verdict: verdictForFailure(failure, req.url, deps.timeoutMs),
      response: null,
      problem: null,
      clockSkew: null,
      timings,
    };
  } finally {
    clearTimeout(timer);
  }
}

const ACCEPT = 'application/json';

function abortForTimeout(controller: AbortController): void {
  controller.abort(new DOMException('The request timed out.', 'TimeoutError'));
}

/** Milliseconds since `started` on the monotonic clock, to a tenth. */
function since(clock: Clock, started: number): number {
  return Math.round((clock.monotonic() - started) * 10) / 10;
}

/** The transport's phases of the request just made, or null when it has none (or failed to say). */
async function phasesOf(http: HttpTransport, url: string): Promise<TransportTimings | null> {
  if (!http.timings) return null;
  try {
    return await http.timings(url);
  } catch {
    return null;
  }
}

async function answered(
  deps: PingDeps,
  req: PingRequest,
  base: ReportBase,
  response: Response,
  text: string,
  elapsedMs: number,
): Promise<PingReport> {
  const problem = response.ok ? null : parseProblemDetails(text);
  const unauthorised =
    response.status === 401 ? await diagnoseUnauthorised(req.token, req.env.issuer, deps.clock.now()) : undefined;
  const verdict = verdictForStatus(response.status, response.headers, {
    body: text,
    problem,
    viaConnection: req.target.kind === 'connection',
    url: req.url,
    ...(req.organisation ? { organisation: req.organisation } : {}),
    ...(unauthorised ? { unauthorised } : {}),
  });
  const phases = await phasesOf(deps.http, req.url);
  return {
    ...base,
    elapsedMs,
    verdict,
    problem,
    clockSkew: detectClockSkew(response.headers.get('date'), deps.clock.now()),
    timings: describeTimings(deps.http, elapsedMs, phases),
    response: {
      status: response.status,
      statusText: response.statusText,
      headers: [...response.headers.entries()],
      body: text.slice(0, MAX_BODY_CHARS),
      bodyTruncated: text.length > MAX_BODY_CHARS,
    },
  };
}
