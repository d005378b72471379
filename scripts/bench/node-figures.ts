// The figures measured in Node: core start, token decode / PS256 verify, ping overhead, refresh storm.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { nodeFetchTransport } from '../../main/core/api/node-fetch-transport';
import { decodeToken } from '../../main/core/inspect/decode';
import { SignatureVerifier } from '../../main/core/inspect/verify';
import type { HttpTransport } from '../../main/core/ports';
import { startCore } from '../../main/core/service';
import { systemClock } from '../../main/core/system-clock';
import { fakePorts } from '../../test/unit/core/fakes';
import { median, medianMs, seedConnections, type Figure } from './common';
import type { BenchSimulator } from './simulator';

const CONNECTIONS = 200;

/** startCore over 200 stored connections (tokens fresh, so nothing is refreshed) until the bridge can be served. */
export async function coreStart(sim: BenchSimulator): Promise<Figure> {
  const { config, secrets } = await seedConnections(sim, sim.tokens.slice(0, CONNECTIONS).map((t) => ({ ...t, ageMs: 0 })));
  const ports = fakePorts({ secrets, http: nodeFetchTransport(), clock: systemClock });
  const ms = await medianMs(15, async () => (await startCore(ports, config)).stop());
  return { name: 'core start, 200 stored connections → ready for the bridge', value: ms, unit: 'ms', target: 50, compare: '<=', note: 'median of 15 starts' };
}

/** Per-operation time of `op`, as the median of batches. */
async function perOpMs(batches: number, size: number, op: () => unknown): Promise<number> {
  return (await medianMs(batches, async () => {
    for (let i = 0; i < size; i++) await op();
  })) / size;
}

/** Decoding one ApprovalMax-shaped token, and verifying its PS256 signature with the issuer's keys cached. */
export async function decodeAndVerify(sim: BenchSimulator): Promise<Figure[]> {
  const token = sim.tokens[0]!.accessToken;
  const decode = await perOpMs(9, 2000, () => decodeToken(token));
  const verifier = new SignatureVerifier({ http: fetch, clock: systemClock });
  const first = await verifier.verify(token); // fetches discovery + JWKS once; cached after
  const verify = await perOpMs(9, 100, () => verifier.verify(token));
  return [
    { name: 'decode one ApprovalMax token', value: decode, unit: 'ms', target: 0.05, compare: '<=', note: `${token.length}-character PS256 token from the simulator` },
    { name: 'verify PS256 with cached keys', value: verify, unit: 'ms', target: 1, compare: '<=', note: `verdict "${first.kind}"` },
  ];
}

/** `ping:send` through the core's dispatch vs a raw fetch, to the same loopback server. */
export async function pingOverhead(sim: BenchSimulator): Promise<Figure> {
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"message":"pong"}'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const apiBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { config, secrets } = await seedConnections({ ...sim, apiBase }, []);
  const core = await startCore(fakePorts({ secrets, http: nodeFetchTransport(), clock: systemClock }), config);
  const raw: number[] = [];
  const app: number[] = [];
  for (let i = 0; i < 80; i++) {
    let t0 = performance.now();
    await (await fetch(`${apiBase}/ping`, { headers: { Authorization: 'Bearer x.y.z' } })).text();
    if (i >= 10) raw.push(performance.now() - t0);
    t0 = performance.now();
    const reply = await core.dispatch('ping:send', { environmentId: 'bench', accessToken: 'x.y.z', path: '/ping' });
    if (!reply.ok) throw new Error(`ping failed: ${reply.error.message}`);
    if (i >= 10) app.push(performance.now() - t0);
  }
  core.stop();
  server.close();
  const [a, r] = [median(app), median(raw)];
  return { name: 'ping through the whole app path vs raw fetch (loopback)', value: a / r, unit: '×', target: 1.2, compare: '<=', note: `${a.toFixed(2)} ms vs ${r.toFixed(2)} ms (+${(a - r).toFixed(2)} ms)` };
}

/** 200 connections all due at once, against the simulator: token requests, and the longest event-loop block. */
export async function refreshStorm(sim: BenchSimulator): Promise<Figure[]> {
  const { config, secrets } = await seedConnections(sim, sim.tokens.slice(0, CONNECTIONS).map((t) => ({ ...t, ageMs: 3_600_001 })));
  let tokenRequests = 0;
  let otherRequests = 0;
  const base = nodeFetchTransport();
  const http: HttpTransport = Object.assign((url: string, init: RequestInit) => {
    if (init.method === 'POST' && new URL(url).pathname === '/connect/token') tokenRequests++;
    else otherRequests++;
    return base(url, init);
  }, { label: base.label });
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  const t0 = performance.now();
  const core = await startCore(fakePorts({ secrets, http, clock: systemClock }), config);
  let settled = 0;
  // Every refresh ends in one activity entry (refreshed, needs reconnect, or failed).
  await new Promise<void>((resolve) => {
    core.events.subscribe((channel, payload) => {
      if (channel === 'activity:added' && ['refresh', 'reconnect-needed'].includes((payload as { kind: string }).kind) && ++settled >= CONNECTIONS) resolve();
    });
    setTimeout(resolve, 60_000).unref();
  });
  const seconds = (performance.now() - t0) / 1000;
  await new Promise((resolve) => setTimeout(resolve, 1000)); // any retry would show up here
  loop.disable();
  const list = await core.dispatch('connections:list', undefined);
  const recorded = list.ok ? (list.value as { lastRefreshedAt: string | null }[]).filter((c) => c.lastRefreshedAt !== null).length : 0;
  core.stop();
  const note = `${settled} settled in ${seconds.toFixed(1)} s; ${otherRequests} other requests (discovery)`;
  return [
    { name: 'refresh storm: 200 due at once → token requests', value: tokenRequests, unit: 'req', target: CONNECTIONS, compare: '=', note },
    { name: 'refresh storm: connections showing their refresh', value: recorded, unit: 'conn', target: CONNECTIONS, compare: '=', note: 'lastRefreshedAt set after the storm (connections.json and the list)' },
    { name: 'refresh storm: longest event-loop block', value: loop.max / 1e6, unit: 'ms', target: 50, compare: '<=', note: `p99 ${(loop.percentile(99) / 1e6).toFixed(1)} ms, mean ${(loop.mean / 1e6).toFixed(1)} ms` },
  ];
}
