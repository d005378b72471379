// The figures measured in Node: core start, token decode / PS256 verify, ping overhead, refresh storm.
// Decode, verify and ping run against a baseline doing the bare job (jose alone, a raw fetch) in
// alternating rounds; core start and the storm's event-loop block have no natural baseline and are
// absolute, informational.
import { createServer } from 'node:http';
import { compactVerify, createLocalJWKSet, decodeJwt, decodeProtectedHeader, type JSONWebKeySet } from 'jose';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { nodeFetchTransport } from '../../main/core/http/node-fetch-transport';
import { decodeToken } from '../../main/core/inspect/decode';
import { SignatureVerifier } from '../../main/core/inspect/verify';
import type { HttpTransport } from '../../main/core/ports';
import { startCore } from '../../main/core/service';
import { systemClock } from '../../main/core/system-clock';
import { fakePorts } from '../../test/unit/core/fakes';
import { alternate, median, ratioFigure, seedConnections, timeMs, type Figure } from './common';
import type { BenchSimulator } from './simulator';

const CONNECTIONS = 200;

/** startCore over 200 stored connections (tokens fresh, so nothing is refreshed) until the bridge can be served. */
export async function coreStart(sim: BenchSimulator): Promise<Figure> {
  const { config, secrets } = await seedConnections(
    sim,
    sim.tokens.slice(0, CONNECTIONS).map((t) => ({ ...t, ageMs: 0 })),
  );
  const ports = fakePorts({ secrets, http: nodeFetchTransport(), clock: systemClock });
  const starts: number[] = [];
  for (let i = 0; i < 15; i++) {
    const t0 = performance.now();
    const core = await startCore(ports, config);
    await core.ready;
    starts.push(performance.now() - t0);
    await core.stop(); // flushes the data files: not part of the start
  }
  const ms = median(starts);
  return {
    kind: 'info',
    name: 'core start, 200 stored connections → ready for the bridge',
    value: ms,
    unit: 'ms',
    note: 'median of 15 starts; the budget before ratios was ≤ 50 ms',
  };
}

/** Rounds of decode / verify / ping, after warm-up rounds. */
const OP_ROUNDS = 15;
/** The pause after each ping sample, so work done after the reply is over before the next sample. */
const PING_PAUSE_MS = 20;

/** Time of `size` runs of `op`, divided by `size`. */
function perOp(size: number, op: () => unknown): () => Promise<number> {
  return async () =>
    (await timeMs(async () => {
      for (let i = 0; i < size; i++) await op();
    })) / size;
}

/** The simulator's published key set, fetched once, as jose's own key resolver over it. */
async function issuerKeySet(sim: BenchSimulator) {
  const discovery = (await (await fetch(`${sim.issuer}/.well-known/openid-configuration`)).json()) as {
    jwks_uri: string;
  };
  return createLocalJWKSet((await (await fetch(discovery.jwks_uri)).json()) as JSONWebKeySet);
}

/**
 * Decoding one ApprovalMax-shaped token (the inspector's decodeToken) against jose's two decoders it
 * wraps; verifying its PS256 signature with the issuer's keys cached (SignatureVerifier) against
 * jose's compactVerify over the same key set, fetched once.
 */
export async function decodeAndVerify(sim: BenchSimulator): Promise<Figure[]> {
  const token = sim.tokens[0]!.accessToken;
  const decode = await alternate(
    OP_ROUNDS,
    2,
    perOp(2000, () => {
      decodeProtectedHeader(token);
      return decodeJwt(token);
    }),
    perOp(2000, () => decodeToken(token)),
  );
  const verifier = new SignatureVerifier({ http: fetch, clock: systemClock, knownIssuers: () => [sim.issuer] });
  const first = await verifier.verify(token); // fetches discovery + JWKS once; cached after
  const keys = await issuerKeySet(sim);
  const { alg } = decodeProtectedHeader(token);
  const verify = await alternate(
    OP_ROUNDS,
    2,
    perOp(100, () => compactVerify(token, keys, { algorithms: [alg ?? 'PS256'] })),
    perOp(100, () => verifier.verify(token)),
  );
  return [
    ratioFigure(
      'decode one ApprovalMax token',
      "jose's decodeProtectedHeader + decodeJwt",
      decode,
      3,
      `${token.length}-character PS256 token from the simulator; per token, batches of 2000`,
    ),
    ratioFigure(
      'verify PS256 with cached keys',
      "jose's compactVerify over the same key set (createLocalJWKSet)",
      verify,
      1.5,
      `verdict "${first.kind}"; per token, batches of 100`,
    ),
  ];
}

/** `ping:send` through the core's dispatch vs a raw fetch, to the same loopback server, alternating. */
export async function pingOverhead(sim: BenchSimulator): Promise<Figure> {
  const server = createServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"message":"pong"}'),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const apiBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { config, secrets } = await seedConnections({ ...sim, apiBase }, []);
  const core = await startCore(fakePorts({ secrets, http: nodeFetchTransport(), clock: systemClock }), config);
  try {
    // One request per sample, then a pause on both sides, as between a person's clicks: work the app
    // does after replying (writing the history and the timeline) must not land in the next sample.
    const settle = () => new Promise((resolve) => setTimeout(resolve, PING_PAUSE_MS));
    const samples = await alternate(
      4 * OP_ROUNDS + 1,
      10,
      async () => {
        // The same request the app sends: its headers, redirects left unfollowed and a timeout. Without
        // those it would not be the same job (undici does measurably more for a signal and manual redirects).
        const ms = await timeMs(async () => {
          const timeout = new AbortController();
          const timer = setTimeout(() => timeout.abort(), 15_000);
          try {
            const response = await fetch(`${apiBase}/ping`, {
              method: 'GET',
              headers: { Accept: 'application/json', Authorization: 'Bearer x.y.z' },
              redirect: 'manual',
              signal: timeout.signal,
            });
            return await response.text();
          } finally {
            clearTimeout(timer);
          }
        });
        await settle();
        return ms;
      },
      async () => {
        const ms = await timeMs(async () => {
          const reply = await core.dispatch('ping:send', {
            environmentId: 'bench',
            accessToken: 'x.y.z',
            path: '/ping',
          });
          if (!reply.ok) throw new Error(`ping failed: ${reply.error.message}`);
        });
        await settle();
        return ms;
      },
    );
    return ratioFigure(
      'ping through the whole app path (loopback)',
      'a raw fetch of the same request (headers, manual redirects, a timeout)',
      samples,
      1.2,
      `one ping per round, ${PING_PAUSE_MS} ms pause after each`,
    );
  } finally {
    await core.stop();
    server.close();
  }
}

/** 200 connections all due at once, against the simulator: token requests, and the longest event-loop block. */
export async function refreshStorm(sim: BenchSimulator): Promise<Figure[]> {
  const { config, secrets } = await seedConnections(
    sim,
    sim.tokens.slice(0, CONNECTIONS).map((t) => ({ ...t, ageMs: 3_600_001 })),
  );
  let tokenRequests = 0;
  let otherRequests = 0;
  const base = nodeFetchTransport();
  const http: HttpTransport = Object.assign(
    (url: string, init: RequestInit) => {
      if (init.method === 'POST' && new URL(url).pathname === '/connect/token') tokenRequests++;
      else otherRequests++;
      return base(url, init);
    },
    { label: base.label },
  );
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  const t0 = performance.now();
  const core = await startCore(fakePorts({ secrets, http, clock: systemClock }), config);
  await core.ready;
  let settled = 0;
  // Every refresh ends in one activity entry (refreshed, needs reconnect, or failed).
  await new Promise<void>((resolve) => {
    core.events.subscribe((channel, payload) => {
      if (
        channel === 'activity:added' &&
        ['refresh', 'reconnect-needed'].includes((payload as { kind: string }).kind) &&
        ++settled >= CONNECTIONS
      )
        resolve();
    });
    setTimeout(resolve, 60_000).unref();
  });
  const seconds = (performance.now() - t0) / 1000;
  await new Promise((resolve) => setTimeout(resolve, 1000)); // any retry would show up here
  loop.disable();
  const list = await core.dispatch('connections:list', undefined);
  const recorded = list.ok
    ? (list.value as { lastRefreshedAt: string | null }[]).filter((c) => c.lastRefreshedAt !== null).length
    : 0;
  await core.stop();
  const note = `${settled} settled in ${seconds.toFixed(1)} s; ${otherRequests} other requests (discovery)`;
  return [
    {
      kind: 'budget',
      name: 'refresh storm: 200 due at once → token requests',
      value: tokenRequests,
      unit: 'req',
      target: CONNECTIONS,
      compare: '=',
      note,
    },
    {
      kind: 'budget',
      name: 'refresh storm: connections showing their refresh',
      value: recorded,
      unit: 'conn',
      target: CONNECTIONS,
      compare: '=',
      note: 'lastRefreshedAt set after the storm (connections.json and the list)',
    },
    {
      kind: 'info',
      name: 'refresh storm: longest event-loop block',
      value: loop.max / 1e6,
      unit: 'ms',
      note: `p99 ${(loop.percentile(99) / 1e6).toFixed(1)} ms, mean ${(loop.mean / 1e6).toFixed(1)} ms; includes other programs' load; the budget before ratios was ≤ 50 ms`,
    },
  ];
}
