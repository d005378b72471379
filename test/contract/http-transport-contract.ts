// What every HttpTransport must do, the same under Node's fetch and Electron's net.request. Plain
// functions (no test runner) so the same cases run in vitest and inside an Electron main process.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { classifyNetworkFailure } from '../../main/core/http/network-failure';
import type { HttpTransport } from '../../main/core/ports';

/** A loopback server with one route per case; `hits` counts requests per path. */
export interface ContractServer {
  readonly base: string;
  readonly hits: Map<string, number>;
  readonly received: Map<string, { method: string; headers: IncomingMessage['headers']; body: string }>;
  close(): Promise<void>;
}

type Route = (req: IncomingMessage, res: ServerResponse, server: ContractServer) => void;

const ROUTES: Record<string, Route> = {
  '/ok': (_req, res) => res.writeHead(200, { 'Content-Type': 'text/plain', 'X-Contract': 'yes' }).end('pong'),
  '/echo': (_req, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"echo":true}'),
  '/redirect': (_req, res) => res.writeHead(302, { Location: '/ok' }).end(),
  '/unauthorised': (_req, res) =>
    res.writeHead(401, { 'WWW-Authenticate': 'Bearer error="invalid_token"' }).end('{"title":"Unauthorized"}'),
  '/empty': (_req, res) => res.writeHead(204).end(),
  '/big': (_req, res) => res.writeHead(200, { 'Content-Type': 'text/plain' }).end('x'.repeat(1024 * 1024)),
  '/slow-headers': () => undefined, // never answers
  '/slow-body': (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.write('first part, then nothing more');
  },
};

/** Starts the contract's server on a random loopback port. */
export async function startContractServer(): Promise<ContractServer> {
  const hits = new Map<string, number>();
  const received: ContractServer['received'] = new Map();
  const sockets = new Set<import('node:net').Socket>();
  const contract: ContractServer = {
    base: '',
    hits,
    received,
    close: () => new Promise<void>((resolve) => (sockets.forEach((s) => s.destroy()), server.close(() => resolve()))),
  };
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      received.set(path, { method: req.method ?? '', headers: req.headers, body });
      (ROUTES[path] ?? ((_q, r) => r.writeHead(404).end()))(req, res, contract);
    });
  });
  server.on('connection', (s) => (sockets.add(s), s.on('close', () => sockets.delete(s))));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  Object.assign(contract, { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
  return contract;
}

/** The stdout line on which the Electron runner reports its results. */
export const RESULTS_PREFIX = 'TRANSPORT-CONTRACT ';

/** One behaviour every transport must have. */
export interface ContractCase {
  readonly name: string;
  run(transport: HttpTransport, server: ContractServer): Promise<void>;
}

function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the request to fail, but it succeeded');
}

/** The cases, in the order they run. */
export const TRANSPORT_CONTRACT: readonly ContractCase[] = [
  {
    name: 'a 200 gives its status, headers and body',
    async run(http, s) {
      const res = await http(`${s.base}/ok`, { method: 'GET' });
      check(res.status === 200, `status ${res.status}`);
      check(res.headers.get('x-contract') === 'yes', 'custom response header missing');
      check((await res.text()) === 'pong', 'body differs');
    },
  },
  {
    name: 'request headers and a form body reach the server unchanged',
    async run(http, s) {
      const body = new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: 'r-1',
        client_id: 'C',
      }).toString();
      const res = await http(`${s.base}/echo`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Authorization: 'Bearer t-1',
          Accept: 'application/json',
        },
        body,
      });
      await res.text();
      const got = s.received.get('/echo');
      check(got?.method === 'POST', `method ${got?.method}`);
      check(got?.body === body, `body ${got?.body}`);
      check(got?.headers.authorization === 'Bearer t-1', 'Authorization header lost');
      check(String(got?.headers['content-type']).startsWith('application/x-www-form-urlencoded'), 'Content-Type lost');
    },
  },
  {
    name: "redirect: 'manual' returns the 3xx with its Location and does not follow it",
    async run(http, s) {
      const before = s.hits.get('/ok') ?? 0;
      const res = await http(`${s.base}/redirect`, { method: 'GET', redirect: 'manual' });
      check(res.status === 302, `status ${res.status}`);
      check((res.headers.get('location') ?? '').endsWith('/ok'), `location ${res.headers.get('location')}`);
      await res.text().catch(() => '');
      check((s.hits.get('/ok') ?? 0) === before, 'the redirect was followed');
    },
  },
  {
    name: 'a redirect is followed by default',
    async run(http, s) {
      const res = await http(`${s.base}/redirect`, { method: 'GET' });
      check(res.status === 200 && (await res.text()) === 'pong', `status ${res.status}`);
    },
  },
  {
    name: 'a 401 resolves as a response (with WWW-Authenticate), never as a failure',
    async run(http, s) {
      const res = await http(`${s.base}/unauthorised`, { method: 'GET' });
      check(res.status === 401, `status ${res.status}`);
      check((res.headers.get('www-authenticate') ?? '').includes('invalid_token'), 'WWW-Authenticate lost');
      check((await res.text()).includes('Unauthorized'), 'body lost');
    },
  },
  {
    name: 'a 204 has an empty body',
    async run(http, s) {
      const res = await http(`${s.base}/empty`, { method: 'GET' });
      check(res.status === 204 && (await res.text()) === '', `status ${res.status}`);
    },
  },
  {
    name: 'a 1 MB body arrives whole',
    async run(http, s) {
      const text = await (await http(`${s.base}/big`, { method: 'GET' })).text();
      check(text.length === 1024 * 1024, `length ${text.length}`);
    },
  },
  {
    name: 'a timeout before any answer is reported as a timeout',
    async run(http, s) {
      const error = await rejection(
        http(`${s.base}/slow-headers`, { method: 'GET', signal: AbortSignal.timeout(150) }),
      );
      check(classifyNetworkFailure(error) === 'timeout', `classified as ${classifyNetworkFailure(error)}`);
    },
  },
  {
    name: 'a timeout while the body is still arriving fails the body read as a timeout',
    async run(http, s) {
      const res = await http(`${s.base}/slow-body`, { method: 'GET', signal: AbortSignal.timeout(300) });
      check(res.status === 200, `status ${res.status}`);
      const error = await rejection(res.text());
      check(classifyNetworkFailure(error) === 'timeout', `classified as ${classifyNetworkFailure(error)}`);
    },
  },
  {
    name: 'nothing listening is reported as "connection refused"',
    async run(http, s) {
      const closed = await startContractServer();
      await closed.close();
      const error = await rejection(http(`${closed.base}/ok`, { method: 'GET' }));
      check(classifyNetworkFailure(error) === 'connection-refused', `classified as ${classifyNetworkFailure(error)}`);
      void s;
    },
  },
];
