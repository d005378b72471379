import { describe, expect, it } from 'vitest';
import type {
  ActivityEntry,
  ConnectionView,
  CopyReceipt,
  PingHistoryItem,
  PingReport,
} from '../../../preload/contract';
import { startCore } from '../../../main/core/service';
import { MemoryClipboard } from '../../shell/memory-clipboard';
import { useSimulatorHarness, valueOf } from '../connections/sim-harness';
import { fakeHttp, fakePorts, testConfig } from '../core/fakes';

const TOKEN = 'eyJhbGciOiJQUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
const sandbox = {
  id: 'sandbox',
  name: 'Local simulator',
  kind: 'custom' as const,
  source: 'admin' as const,
  issuer: 'http://127.0.0.1:4010',
  apiBase: 'http://127.0.0.1:4011',
  clientId: '',
  redirectUri: '',
  scopes: [],
};

async function pastedCore(dataDir?: string) {
  const { http, requests } = fakeHttp(
    () => new Response('{"message":"pong"}', { status: 200, headers: { date: new Date().toUTCString() } }),
  );
  const ports = fakePorts({ http });
  const core = await startCore(ports, testConfig({ environments: [sandbox], ...(dataDir ? { dataDir } : {}) }));
  return { core, ports, requests, clipboard: ports.clipboard as MemoryClipboard };
}

describe('the ping tester with a pasted token', () => {
  it('calls a free path under the API base and refuses one outside it, in plain words', async () => {
    const { core, requests } = await pastedCore();
    const report = valueOf<PingReport>(
      await core.dispatch('ping:send', {
        environmentId: 'sandbox',
        accessToken: TOKEN,
        path: '/api/v1/companies/abc/xero/purchase-orders?limit=5',
      }),
    );
    expect(requests[0]?.url).toBe('http://127.0.0.1:4011/api/v1/companies/abc/xero/purchase-orders?limit=5');
    expect(report.curl).toContain('"Authorization: Bearer $TOKEN"');
    const refused = await core.dispatch('ping:send', {
      environmentId: 'sandbox',
      accessToken: TOKEN,
      path: 'http://evil.example/',
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument', message: expect.stringMatching(/not a full address/) },
    });
    expect(requests).toHaveLength(1);
  });

  it('keeps history without the token, and copies cURL masked, or with the token only on request (wiped later)', async () => {
    const { core, clipboard, ports } = await pastedCore();
    const report = valueOf<PingReport>(
      await core.dispatch('ping:send', { environmentId: 'sandbox', accessToken: TOKEN, path: '/ping' }),
    );
    const history = valueOf<PingHistoryItem[]>(await core.dispatch('ping:history', undefined));
    expect(history.map((h) => h.id)).toEqual([report.id]);
    valueOf(await core.dispatch('ping:copy', { id: report.id, what: 'curl' }));
    expect(clipboard.text).toContain('$TOKEN');
    expect(clipboard.text).not.toContain(TOKEN);
    const receipt = valueOf<CopyReceipt>(await core.dispatch('ping:copy', { id: report.id, what: 'curl-with-token' }));
    expect(clipboard.text).toContain(`Bearer ${TOKEN}`);
    expect(receipt.clearsAt).toBe(new Date(ports.clock.now() + 60_000).toISOString());
    valueOf(await core.dispatch('ping:copy', { id: report.id, what: 'response' }));
    expect(clipboard.text).toMatch(/^HTTP 200\n[\s\S]*"message": "pong"/);
    expect(JSON.stringify(await core.dispatch('ping:openHistory', { id: report.id }))).not.toContain(TOKEN);
  });

  it('after a restart the history is there but the pasted token is not', async () => {
    const first = await pastedCore();
    const report = valueOf<PingReport>(
      await first.core.dispatch('ping:send', { environmentId: 'sandbox', accessToken: TOKEN, path: '/ping' }),
    );
    const again = await pastedCore(first.core.config.dataDir);
    expect(valueOf<PingReport>(await again.core.dispatch('ping:openHistory', { id: report.id })).verdict.outcome).toBe(
      'success',
    );
    expect(await again.core.dispatch('ping:copy', { id: report.id, what: 'curl-with-token' })).toMatchObject({
      ok: false,
      error: { code: 'token-unavailable', message: expect.stringMatching(/never saved/) },
    });
    valueOf(await again.core.dispatch('ping:clearHistory', undefined));
    expect(valueOf<PingHistoryItem[]>(await again.core.dispatch('ping:history', undefined))).toEqual([]);
  });
});

describe('the ping tester with a connection, against the simulator', () => {
  const simulator = useSimulatorHarness();

  it("uses the connection's token, records the connection in history and timeline, and copies its current token", async () => {
    const h = await simulator.harness();
    const view = valueOf<ConnectionView>(await h.dispatch('connections:connect', { environmentId: 'sim' }));
    const report = valueOf<PingReport>(
      await h.dispatch('ping:send', { connectionId: view.id, path: '/api/v1/companies' }),
    );
    expect(report.verdict.outcome).toBe('success');
    expect(report.target).toEqual({ kind: 'connection', connectionId: view.id, label: view.label });
    const activity = valueOf<ActivityEntry[]>(
      await h.dispatch('activity:list', { connectionId: view.id, kind: 'ping' }),
    );
    expect(activity[0]).toMatchObject({ kind: 'ping', connectionId: view.id, connectionLabel: view.label });
    const receipt = valueOf<CopyReceipt>(
      await h.core.dispatch('ping:copy', { id: report.id, what: 'curl-with-token' }),
    );
    expect(receipt.clearsAt).not.toBeNull();
  });

  it('refreshes first when the token is about to expire', async () => {
    const h = await simulator.harness();
    const view = valueOf<ConnectionView>(await h.dispatch('connections:connect', { environmentId: 'sim' }));
    const before = h.tokenRequests();
    h.clock.advance(58 * 60_000);
    valueOf<PingReport>(await h.dispatch('ping:send', { connectionId: view.id, path: '/ping' }));
    expect(h.tokenRequests()).toBe(before + 1);
  });

  it('a 401 for a current token of this environment points at a disabled or deleted connection', async () => {
    const h = await simulator.harness();
    const view = valueOf<ConnectionView>(await h.dispatch('connections:connect', { environmentId: 'sim' }));
    simulator.sim().setFaults({ ping: 'unauthorized' });
    h.clock.nowMs = Date.now(); // the token's own times are real ones: let this computer's clock agree
    const report = valueOf<PingReport>(await h.dispatch('ping:send', { connectionId: view.id, path: '/ping' }));
    expect(report.verdict.headline).toBe('ApprovalMax no longer accepts this token (HTTP 401).');
    expect(report.verdict.nextStep).toMatch(/Reconnect on the Connections screen/);
    expect(report.problem?.detail).toBe('Simulated: the token was rejected.');
  });

  it('an unknown connection is refused in plain words', async () => {
    const h = await simulator.harness();
    expect(await h.dispatch('ping:send', { connectionId: 'gone', path: '/ping' })).toMatchObject({
      ok: false,
      error: { code: 'unknown-connection' },
    });
  });
});
