// The Public API on loopback: checks bearer tokens for real against the identity server's JWKS.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import { CONNECTION_CLAIM } from './access-token';
import type { ConnectionStore } from './connections';
import { answerDataRequest, matchDataRoute, type DataApiDeps } from './data-api';
import { ROUTES } from './endpoints';
import type { FaultSwitchboard } from './faults';
import type { Organisation } from './fixtures';
import { sendJson } from './http-util';
import { OPENAPI_PATH, openApiDocument } from './openapi-document';
import { ApiProblem, sendProblem, unauthorized } from './problems';
import { SlidingWindowLimiter } from './rate-limit';

/** What the Public API needs from the simulator that hosts it. */
export interface PublicApiOptions {
  port: number;
  issuer: string;
  organisations: readonly Organisation[];
  faults: FaultSwitchboard;
  connections: ConnectionStore;
}

/** A running Public API. */
export interface PublicApi {
  apiBase: string;
  close(): Promise<void>;
}

type Route = (payload: JWTPayload, url: URL) => unknown;

const ROLE_REVOKED = 'The user who consented no longer has a role that allows API access.';

function checkFaults(faults: FaultSwitchboard): void {
  const { ping, retryAfterSeconds } = faults.current;
  if (ping === 'unauthorized') throw unauthorized('Simulated: the token was rejected.');
  if (ping === 'rate-limited')
    throw new ApiProblem(429, 'Simulated: too many requests.', { 'Retry-After': String(retryAfterSeconds) });
  if (ping === 'unavailable') throw new ApiProblem(503, 'Simulated: the Public API is temporarily unavailable.');
}

/** Verifies the bearer token's signature (via JWKS over HTTP), issuer, type and lifetime. */
function bearerVerifier(issuer: string) {
  const jwks = createRemoteJWKSet(new URL(ROUTES.jwks, issuer));
  return async (req: IncomingMessage): Promise<JWTPayload> => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
    if (!match?.[1]) throw unauthorized('No bearer token was sent.');
    try {
      const { payload } = await jwtVerify(match[1], jwks, {
        issuer,
        typ: 'at+jwt',
        algorithms: ['PS256'],
        clockTolerance: 0,
      });
      return payload;
    } catch (error) {
      if (error instanceof errors.JWTExpired)
        throw unauthorized(`The token expired at '${new Date((error.payload.exp ?? 0) * 1000).toUTCString()}'`);
      if (error instanceof errors.JOSEError) throw unauthorized(`The token is not valid (${error.code}).`);
      throw error;
    }
  };
}

/** The organisations a token's connection covers now: those ticked at consent, less any removed since. */
function coverage(options: PublicApiOptions) {
  return (payload: JWTPayload): ReadonlySet<string> => {
    const connectionId = payload[CONNECTION_CLAIM];
    const connection = typeof connectionId === 'string' ? options.connections.byId(connectionId) : undefined;
    const removed = new Set(options.faults.current.removedFromConnections.map((id) => id.toLowerCase()));
    return new Set((connection?.companyIds ?? []).filter((id) => !removed.has(id.toLowerCase())));
  };
}

function onlyGet(req: IncomingMessage): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') throw new ApiProblem(405, undefined, { Allow: 'GET' });
}

/** Starts the Public API on 127.0.0.1. */
export async function startPublicApi(options: PublicApiOptions): Promise<PublicApi> {
  const verify = bearerVerifier(options.issuer);
  const coveredCompanyIds = coverage(options);
  const limiter = new SlidingWindowLimiter();
  options.faults.onReset(() => limiter.clear());
  const stopping = new AbortController();
  const data: DataApiDeps = { faults: options.faults, limiter, coveredCompanyIds, stopping: stopping.signal };
  const document = openApiDocument(options.issuer);
  const routes: Record<string, Route> = {
    '/ping': () => ({ message: 'pong' }),
    '/api/v1/companies': (payload) => {
      const covered = coveredCompanyIds(payload);
      return options.organisations
        .filter((o) => covered.has(o.companyId))
        .map(({ companyId, name }) => ({ companyId, name }));
    },
  };

  const route = (pathname: string): Route | undefined => {
    const fixed = routes[pathname];
    if (fixed) return fixed;
    const matched = matchDataRoute(pathname);
    return matched ? (payload, url) => answerDataRequest(data, payload, url, matched) : undefined;
  };

  const server = createServer((req, res) => {
    res.setHeader('Date', new Date(Date.now() + options.faults.current.dateSkewSeconds * 1000).toUTCString());
    void (async () => {
      try {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        // The document needs no token, as on the real API, so only an outage reaches it; the openApi switch hides it.
        if (url.pathname === OPENAPI_PATH && options.faults.current.openApi) {
          if (options.faults.current.ping === 'unavailable') checkFaults(options.faults);
          onlyGet(req);
          sendJson(res, 200, document);
          return;
        }
        checkFaults(options.faults);
        const handler = route(url.pathname);
        if (!handler) throw new ApiProblem(404);
        onlyGet(req);
        const payload = await verify(req);
        if (options.faults.current.roleRevoked) throw new ApiProblem(403, ROLE_REVOKED);
        sendJson(res, 200, await handler(payload, url));
      } catch (error) {
        if (error instanceof ApiProblem) sendProblem(res, error);
        else sendJson(res, 500, { title: 'Internal Server Error', status: 500, detail: String(error) });
      }
    })();
  });

  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });

  return {
    apiBase: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        stopping.abort();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
