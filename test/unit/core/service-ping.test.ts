import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ActivityEntry, PingReport, Result } from '../../../preload/contract';
import { startCore } from '../../../main/core/service';
import { MAX_BODY_CHARS } from '../../../main/core/ping/ping';
import { fakeHttp, fakePorts, testConfig } from './fakes';

const TOKEN = 'eyJhbGciOiJQUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
const sandbox = {
  id: 'sandbox',
  name: 'Local simulator',
  kind: 'custom' as const,
  source: 'admin' as const,
  issuer: 'http://127.0.0.1:4010',
  apiBase: 'http://127.0.0.1:4011/',
  clientId: '',
  redirectUri: '',
  scopes: [],
};

async function setup(answer: Parameters<typeof fakeHttp>[0]) {
  const { http, requests } = fakeHttp(answer);
  const ports = fakePorts({ http });
  const core = await startCore(ports, testConfig({ environments: [sandbox] }));
  return { core, requests, ports };
}

const value = (result: Result<unknown>) => {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.message}`);
  return result.value as PingReport;
};

describe('ping through the core service', () => {
  it('sends the cleaned bearer token to the environment API and explains a 200', async () => {
    const { core, requests } = await setup(
      () => new Response('{"message":"pong"}', { status: 200, headers: { 'content-type': 'application/json' } }),
    );
    const report = value(
      await core.dispatch('ping:send', {
        environmentId: 'sandbox',
        accessToken: ` Bearer "${TOKEN.slice(0, 10)}\n ${TOKEN.slice(10)}" `,
        path: '/ping',
      }),
    );
    expect(requests).toHaveLength(1);
    expect(requests[0]?.url).toBe('http://127.0.0.1:4011/ping');
    expect(new Headers(requests[0]?.init.headers).get('authorization')).toBe(`Bearer ${TOKEN}`);
    expect(report.verdict.outcome).toBe('success');
    expect(report.response).toMatchObject({ status: 200, body: '{"message":"pong"}', bodyTruncated: false });
    expect(report.response?.headers).toContainEqual(['content-type', 'application/json']);
  });

  it('never puts the token into the report it sends to the renderer', async () => {
    const { core } = await setup(() => new Response('nope', { status: 401 }));
    const report = value(
      await core.dispatch('ping:send', { environmentId: 'sandbox', accessToken: TOKEN, path: '/api/v1/companies' }),
    );
    expect(JSON.stringify(report)).not.toContain(TOKEN);
    expect(report.request.headers).toContainEqual(['Authorization', 'Bearer eyJhbG…dXJl']);
    expect(report.verdict.outcome).toBe('unauthorised');
  });

  it('measures elapsed time with the monotonic clock', async () => {
    const ports = fakePorts();
    const { http } = fakeHttp(() => (ports.clock.advance(42), new Response('ok')));
    const core = await startCore({ ...ports, http }, testConfig({ environments: [sandbox] }));
    expect(
      value(await core.dispatch('ping:send', { environmentId: 'sandbox', accessToken: TOKEN, path: '/ping' }))
        .elapsedMs,
    ).toBe(42);
  });

  it('turns a refused connection into a plain verdict, not an error', async () => {
    const { core } = await setup(() => {
      throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    });
    const report = value(
      await core.dispatch('ping:send', { environmentId: 'sandbox', accessToken: TOKEN, path: '/ping' }),
    );
    expect(report.response).toBeNull();
    expect(report.verdict).toMatchObject({
      outcome: 'connection-refused',
      headline: 'Nothing is answering at 127.0.0.1:4011.',
    });
  });

  it('gives up after the configured timeout', async () => {
    const { http } = fakeHttp(
      (_url, init) =>
        new Promise<Response>((_resolve, reject) =>
          init.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
        ),
    );
    const core = await startCore(fakePorts({ http }), testConfig({ environments: [sandbox], pingTimeoutMs: 50 }));
    const report = value(
      await core.dispatch('ping:send', { environmentId: 'sandbox', accessToken: TOKEN, path: '/ping' }),
    );
    expect(report.verdict.outcome).toBe('timeout');
  });

  it('cuts a huge body', async () => {
    const { core } = await setup(() => new Response('x'.repeat(MAX_BODY_CHARS + 10)));
    const report = value(
      await core.dispatch('ping:send', { environmentId: 'sandbox', accessToken: TOKEN, path: '/ping' }),
    );
    expect(report.response?.body).toHaveLength(MAX_BODY_CHARS);
    expect(report.response?.bodyTruncated).toBe(true);
  });

  it('pushes an activity event for each ping', async () => {
    const { core } = await setup(() => new Response('', { status: 503 }));
    const seen: ActivityEntry[] = [];
    core.events.subscribe((channel, payload) => channel === 'activity:added' && seen.push(payload as ActivityEntry));
    await core.dispatch('ping:send', { environmentId: 'sandbox', accessToken: TOKEN, path: '/ping' });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ kind: 'ping', tone: 'bad' });
    expect(seen[0]?.summary).toContain('Local simulator: HTTP 503');
  });

  it('refuses an unknown environment and an empty token with plain words, sending nothing', async () => {
    const { core, requests } = await setup(() => new Response('ok'));
    const unknown = await core.dispatch('ping:send', { environmentId: 'gone', accessToken: TOKEN, path: '/ping' });
    const empty = await core.dispatch('ping:send', { environmentId: 'sandbox', accessToken: ' \n ', path: '/ping' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown-environment' } });
    expect(empty).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument', message: 'Paste an access token first.' },
    });
    expect(requests).toHaveLength(0);
  });

  it('never logs the token', async () => {
    const { core, ports } = await setup(() => new Response('ok'));
    await core.dispatch('ping:send', { environmentId: 'sandbox', accessToken: TOKEN, path: '/ping' });
    expect(ports.logger.lines.length).toBeGreaterThan(0);
    expect(JSON.stringify(ports.logger.lines)).not.toContain(TOKEN);
  });
});

describe('ping history on quit', () => {
  it('a check made right before quitting is on disk after stop(), though the reply did not wait for the write', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'amc-quit-'));
    const { http } = fakeHttp(() => new Response('pong'));
    const core = await startCore(fakePorts({ http }), testConfig({ environments: [sandbox], dataDir }));
    const report = value(
      await core.dispatch('ping:send', { environmentId: 'sandbox', accessToken: TOKEN, path: '/ping' }),
    );
    await core.stop();
    const saved = JSON.parse(readFileSync(path.join(dataDir, 'ping-history.json'), 'utf8')) as {
      pings: { id: string }[];
    };
    expect(saved.pings.map((p) => p.id)).toEqual([report.id]);
  });
});
