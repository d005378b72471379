import type { HeaderPair, PingReport, PingTarget } from '../../../preload/contract';
import type { Environment } from '../environments/environments';
import type { Clock, HttpTransport, Logger } from '../ports';
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
}

type ReportBase = Omit<PingReport, 'elapsedMs' | 'verdict' | 'response' | 'problem' | 'clockSkew' | 'timings'>;

/** Calls the Public API with a bearer token and explains whatever happens; never throws for network trouble. */
export async function sendPing(deps: PingDeps, req: PingRequest): Promise<PingReport> {
  const headers: HeaderPair[] = [['Accept', 'application/json'], ['Authorization', `Bearer ${req.token}`]];
  const shown = headers.map(([n, v]): HeaderPair => (n === 'Authorization' ? [n, `Bearer ${maskToken(req.token)}`] : [n, v]));
  const base: ReportBase = {
    id: deps.newId(),
    environmentId: req.env.id,
    environmentName: req.env.name,
    target: req.target,
    path: req.path,
    startedAt: new Date(deps.clock.now()).toISOString(),
    request: { method: 'GET', url: req.url, headers: shown },
    curl: toCurl({ url: req.url, headers }),
  };
  const started = deps.clock.monotonic();
  const elapsed = () => Math.round((deps.clock.monotonic() - started) * 10) / 10;
  deps.logger.info('ping: sending', { url: req.url });
  const signal = AbortSignal.timeout(deps.timeoutMs);
  try {
    const response = await deps.http(req.url, { method: 'GET', headers: Object.fromEntries(headers), redirect: 'manual', signal });
    const text = await response.text();
    const report = await answered(deps, req, base, response, text, elapsed());
    deps.logger.info('ping: answered', { url: req.url, status: response.status, elapsedMs: report.elapsedMs });
    return report;
  } catch (error) {
    // Our own timeout, even while the body was still arriving (a transport may report that as a cut-off stream).
    const failure = signal.aborted ? 'timeout' : classifyNetworkFailure(error);
    const elapsedMs = elapsed();
    deps.logger.warn('ping: failed', { url: req.url, failure });
    const timings = describeTimings(deps.http, elapsedMs, null);
    return { ...base, elapsedMs, verdict: verdictForFailure(failure, req.url, deps.timeoutMs), response: null, problem: null, clockSkew: null, timings };
  }
}

async function answered(deps: PingDeps, req: PingRequest, base: ReportBase, response: Response, text: string, elapsedMs: number): Promise<PingReport> {
  const problem = response.ok ? null : parseProblemDetails(text);
  const unauthorised = response.status === 401 ? diagnoseUnauthorised(req.token, req.env.issuer, deps.clock.now()) : undefined;
  const verdict = verdictForStatus(response.status, response.headers, { body: text, problem, viaConnection: req.target.kind === 'connection', ...(unauthorised ? { unauthorised } : {}) });
  const phases = deps.http.timings ? await deps.http.timings(req.url).catch(() => null) : null;
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
