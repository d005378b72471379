import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ConnectionView, DiagnosticsReport, PingReport } from '../../../preload/contract';
import { startCore } from '../../../main/core/service';
import type { MemoryClipboard } from '../../shell/memory-clipboard';
import type { RecordingFolderOpener } from '../../shell/save-dialog';
import { useSimulatorHarness, valueOf } from '../connections/sim-harness';
import { fakePorts, testConfig } from '../core/fakes';

describe('the diagnostics report after a full simulator flow', () => {
  const simulator = useSimulatorHarness();

  it('holds the connection, its claims, pings, timeline and clock skew, and no secret', async () => {
    const sim = simulator.sim();
    const h = await simulator.harness();
    const view = valueOf<ConnectionView>(await h.dispatch('connections:connect', { environmentId: 'sim' }));
    h.clock.advance(10 * 60_000);
    valueOf(await h.dispatch('connections:refresh', { id: view.id }));
    sim.setFaults({ dateSkewSeconds: 600 });
    valueOf<PingReport>(await h.dispatch('ping:send', { connectionId: view.id, path: '/ping' }));
    valueOf<PingReport>(
      await h.dispatch('ping:send', {
        environmentId: 'sim',
        accessToken: (await sim.issueTokens()).access_token,
        path: '/ping',
      }),
    );
    const report = valueOf<DiagnosticsReport>(await h.dispatch('diagnostics:report', undefined));

    const json = JSON.parse(report.json) as {
      connections: { label: string; currentToken: { claims: Record<string, unknown> } }[];
      keychain: unknown;
      clockSkew: { warning: string };
    };
    expect(json.connections[0]?.label).toBe(view.label);
    expect(json.connections[0]?.currentToken.claims['https://www.approvalmax.com/connection']).toBe(view.connectionId);
    expect(json.clockSkew.warning).toMatch(/behind/);
    expect(report.markdown).toContain(`### ${view.label}`);
    expect(report.markdown).toMatch(/## Timeline[\s\S]*Refreshed/);
    const secrets = [...sim.issuedTokens(), sim.clientSecret];
    expect(secrets.length).toBeGreaterThan(3);
    for (const text of [report.json, report.markdown]) {
      expect(secrets.filter((s) => text.includes(s))).toEqual([]);
      expect(text).not.toMatch(/[?&](code|state)=(?!\[redacted\])/);
    }
  });

  it('saves through the save dialog and copies, in both formats', async () => {
    const ports = fakePorts();
    const h = { dispatch: (await startCore(ports, testConfig())).dispatch };
    const saved = valueOf<{ savedTo: string }>(await h.dispatch('diagnostics:save', { format: 'markdown' }));
    expect(path.basename(saved.savedTo)).toMatch(/^approvalmax-connect-diagnostics-.*\.md$/);
    expect(readFileSync(saved.savedTo, 'utf8')).toMatch(/^# ApprovalMax Connect diagnostics/);
    const json = valueOf<{ savedTo: string }>(await h.dispatch('diagnostics:save', { format: 'json' }));
    expect(JSON.parse(readFileSync(json.savedTo, 'utf8'))).toHaveProperty('app.version', '1.2.3');
    expect(readdirSync(path.dirname(json.savedTo))).toHaveLength(2);
    valueOf(await h.dispatch('diagnostics:copy', { format: 'json' }));
    expect(JSON.parse((ports.clipboard as MemoryClipboard).text)).toHaveProperty('keychain.backend', 'unknown');
  });

  it('opens the logs folder through the port, and says where it is if that fails', async () => {
    const ports = fakePorts();
    const core = await startCore(ports, testConfig());
    expect(valueOf<{ folder: string }>(await core.dispatch('diagnostics:openLogsFolder', undefined)).folder).toBe(
      path.join(core.config.dataDir, 'logs'),
    );
    expect((ports.folders as RecordingFolderOpener).opened).toEqual([path.join(core.config.dataDir, 'logs')]);
    const failing = await startCore(
      { ...fakePorts(), folders: { open: async () => Promise.reject(new Error('no file manager')) } },
      testConfig(),
    );
    expect(await failing.dispatch('diagnostics:openLogsFolder', undefined)).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/could not be opened\. You can find it yourself at .*logs/) },
    });
  });
});
