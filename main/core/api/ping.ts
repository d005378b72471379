import type { HeaderPair, PingPath, PingReport } from '../../../preload/contract';
import type { Environment } from '../environments';
import type { Clock, HttpTransport, Logger } from '../ports';
import { maskToken } from '../tokens/pasted-token';
import { joinUrl } from '../urls';
import { classifyNetworkFailure } from './network-failure';
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

/** Calls the Public API with a bearer token and explains whatever happens; never throws for network trouble. */
export async function sendPing(deps: PingDeps, env: Environment, token: string, path: PingPath): Promise<PingReport> {
  const url = joinUrl(env.apiBase, path);
  const headers: HeaderPair[] = [['Accept', 'application/json'], ['Authorization', `Bearer ${token}`]];
  const base = {
    id: deps.newId(),
    environmentId: env.id,
    startedAt: new Date(deps.clock.now()).toISOString(),
    request: { method: 'GET' as const, url, headers: headers.map(([n, v]): HeaderPair => (n === 'Authorization' ? [n, `Bearer ${maskToken(token)}`] : [n, v])) },
  };
  const started = deps.clock.monotonic();
  const elapsed = () => Math.round((deps.clock.monotonic() - started) * 10) / 10;
  deps.logger.info('ping: sending', { url });
  try {
    const response = await deps.http(url, { method: 'GET', headers: Object.fromEntries(headers), redirect: 'manual', signal: AbortSignal.timeout(deps.timeoutMs) });
    const text = await response.text();
    const report: PingReport = {
      ...base,
      elapsedMs: elapsed(),
      verdict: verdictForStatus(response.status, response.headers),
      response: {
        status: response.status,
        statusText: response.statusText,
        headers: [...response.headers.entries()],
        body: text.slice(0, MAX_BODY_CHARS),
        bodyTruncated: text.length > MAX_BODY_CHARS,
      },
    };
    deps.logger.info('ping: answered', { url, status: response.status, elapsedMs: report.elapsedMs });
    return report;
  } catch (error) {
    const failure = classifyNetworkFailure(error);
    deps.logger.warn('ping: failed', { url, failure });
    return { ...base, elapsedMs: elapsed(), verdict: verdictForFailure(failure, url, deps.timeoutMs), response: null };
  }
}
