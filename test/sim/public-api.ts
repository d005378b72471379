// The Public API on loopback: checks bearer tokens for real against the identity server's JWKS.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import { CONNECTION_CLAIM } from './access-token';
import type { ConnectionStore } from './connections';
import { ROUTES } from './endpoints';
import type { FaultSwitchboard } from './faults';
import type { Organisation } from './fixtures';
import { sendJson } from './http-util';

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

const PROBLEMS = {
  401: ['https://tools.ietf.org/html/rfc9110#section-15.5.2', 'Unauthorized'],
  404: ['https://tools.ietf.org/html/rfc9110#section-15.5.5', 'Not Found'],
  405: ['https://tools.ietf.org/html/rfc9110#section-15.5.6', 'Method Not Allowed'],
  429: ['https://tools.ietf.org/html/rfc6585#section-4', 'Too Many Requests'],
  503: ['https://tools.ietf.org/html/rfc9110#section-15.6.4', 'Service Unavailable'],
} as const;

type ProblemStatus = keyof typeof PROBLEMS;

class ApiProblem extends Error {
  constructor(
    readonly status: ProblemStatus,
    readonly detail?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(detail ?? PROBLEMS[status][1]);
  }
}

function sendProblem(res: ServerResponse, problem: ApiProblem): void {
  const [type, title] = PROBLEMS[problem.status];
  const traceId = `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-00`;
  sendJson(
    res,
    problem.status,
    { type, title, status: problem.status, detail: problem.detail, traceId },
    problem.headers,
  );
}

function unauthorized(detail: string): ApiProblem {
  const description = detail.replaceAll('"', "'");
  return new ApiProblem(401, detail, {
    'WWW-Authenticate': `Bearer error="invalid_token", error_description="${description}"`,
  });
}

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

/** Starts the Public API on 127.0.0.1. */
export async function startPublicApi(options: PublicApiOptions): Promise<PublicApi> {
  const verify = bearerVerifier(options.issuer);
  const routes: Record<string, (payload: JWTPayload) => unknown> = {
    '/ping': () => ({ message: 'pong' }),
    '/api/v1/companies': (payload) => {
      const connectionId = payload[CONNECTION_CLAIM];
      const connection = typeof connectionId === 'string' ? options.connections.byId(connectionId) : undefined;
      const ticked = new Set(connection?.companyIds ?? []);
      return options.organisations
        .filter((o) => ticked.has(o.companyId))
        .map(({ companyId, name }) => ({ companyId, name }));
    },
  };

  const server = createServer((req, res) => {
    res.setHeader('Date', new Date(Date.now() + options.faults.current.dateSkewSeconds * 1000).toUTCString());
    void (async () => {
      try {
        checkFaults(options.faults);
        const route = routes[new URL(req.url ?? '/', 'http://127.0.0.1').pathname];
        if (!route) throw new ApiProblem(404);
        if (req.method !== 'GET' && req.method !== 'HEAD') throw new ApiProblem(405, undefined, { Allow: 'GET' });
        sendJson(res, 200, route(await verify(req)));
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
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
