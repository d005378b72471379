// "Check connection" through the real core against the simulator: the ordered steps, one organisation
// disabled by its plan, one removed from the connection, a revoked role; saved, in Activity and Diagnostics.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ActivityEntry, CheckReport, ConnectionView, DiagnosticsReport } from '../../../preload/contract';
import type { Simulator } from '../../sim/index';
import { startHarness, useSimulatorHarness, valueOf } from '../connections/sim-harness';

describe('Check connection, against the simulator', () => {
  const simulator = useSimulatorHarness();
  let sim: Simulator;
  beforeAll(() => void (sim = simulator.sim()));

  async function connected() {
    const h = await simulator.harness();
    const view = valueOf<ConnectionView>(await h.dispatch('connections:connect', { environmentId: 'sim' }));
    return { h, view };
  }
  const harbour = () => sim.organisations.find((o) => o.name === 'Harbour Accounting Pty')!;

  it('runs every step in order, refreshes for real, and names the organisation whose plan has no API access', async () => {
    const { h, view } = await connected();
    const tokensBefore = h.tokenRequests();
    const report = valueOf<CheckReport>(await h.dispatch('health:check', { id: view.id }));

    expect(h.tokenRequests()).toBe(tokensBefore + 1);
    expect(report.steps.map((s) => [s.kind, s.title, s.result])).toEqual([
      ['identity-server', 'Identity server', 'passed'],
      ['token', 'Token renewal', 'passed'],
      ['api', 'API', 'passed'],
      ['organisations', 'Organisation list', 'passed'],
      ...view.organisations.map((o) => ['organisation', o.name, o.name === harbour().name ? 'failed' : 'passed']),
      // The harness's clock is fixed in November 2026; the simulator's Date header is today's.
      ['clock', 'Clock', 'warning'],
    ]);
    expect(report.steps.at(-1)?.detail).toMatch(/^This computer's clock is .* (behind|ahead of) ApprovalMax's/);
    expect(report.result).toBe('failed');
    expect(report.summary).toMatch(/^2 problems: Harbour Accounting Pty: Its ApprovalMax plan has no API access/);
    expect(report.organisationProblems).toEqual([
      { ...harbour(), access: 'plan-disabled', words: 'Its ApprovalMax plan has no API access.' },
    ]);
    // Each step was pushed as it finished.
    const progress = h.events
      .filter((e) => e.channel === 'health:progress')
      .map((e) => (e.payload as { step: { kind: string } }).step.kind);
    expect(progress).toEqual(report.steps.map((s) => s.kind));

    // The card shows the last result and marks the organisation; the file keeps the steps.
    const [card] = valueOf<ConnectionView[]>(await h.dispatch('connections:list'));
    expect(card!.lastCheck).toEqual({
      checkedAt: report.checkedAt,
      result: 'failed',
      summary: report.summary,
      organisationProblems: report.organisationProblems,
    });
    const saved = JSON.parse(readFileSync(path.join(h.config.dataDir, 'connections.json'), 'utf8')) as {
      connections: { lastCheck: CheckReport }[];
    };
    expect(saved.connections[0]!.lastCheck).toEqual(report);
    expect(valueOf<CheckReport | null>(await h.dispatch('health:report', { id: view.id }))).toEqual(report);

    // One Activity entry with its steps, and the Diagnostics report carries them.
    const checks = valueOf<ActivityEntry[]>(await h.dispatch('activity:list', { kind: 'check' }));
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ tone: 'bad', summary: `Checked ${view.label}: ${report.summary}` });
    expect(checks[0]!.details).toHaveLength(report.steps.length);
    expect(checks[0]!.details![4 + view.organisations.findIndex((o) => o.name === harbour().name)]).toMatch(
      /^Failed — Harbour Accounting Pty: Its ApprovalMax plan has no API access/,
    );
    const diagnostics = valueOf<DiagnosticsReport>(await h.dispatch('diagnostics:report'));
    expect(diagnostics.markdown).toContain(`Last check ${report.checkedAt}: failed`);
    expect(diagnostics.markdown).toMatch(/- Failed — Harbour Accounting Pty: Its ApprovalMax plan has no API access/);
  });

  it('an organisation removed from the connection is named as missing and marked not covered', async () => {
    const { h, view } = await connected();
    const removed = view.organisations[0]!;
    sim.setFaults({ removedFromConnections: [removed.companyId], planDisabled: [] });
    const report = valueOf<CheckReport>(await h.dispatch('health:check', { id: view.id }));
    expect(report.steps.find((s) => s.kind === 'organisations')).toMatchObject({
      result: 'warning',
      detail: `ApprovalMax no longer lists ${removed.name} for this connection.`,
    });
    expect(report.organisationProblems).toEqual([
      { ...removed, access: 'not-covered', words: 'Not covered by this connection.' },
    ]);
  });

  it('a consenting user whose role was revoked: the API refuses every call and the check says so', async () => {
    const { h, view } = await connected();
    sim.setFaults({ roleRevoked: true });
    const report = valueOf<CheckReport>(await h.dispatch('health:check', { id: view.id }));
    expect(report.steps.find((s) => s.kind === 'api')).toMatchObject({
      result: 'failed',
      detail: expect.stringContaining('HTTP 403'),
    });
    expect(report.result).toBe('failed');
    expect(report.organisationProblems.map((p) => p.access)).toEqual(view.organisations.map(() => 'not-covered'));
  });

  it('a refused refresh fails the token step, skips nothing it can still try, and the check survives a restart', async () => {
    const { h, view } = await connected();
    sim.setFaults({ token: 'invalid-grant' });
    const report = valueOf<CheckReport>(await h.dispatch('health:check', { id: view.id }));
    expect(report.steps[1]).toMatchObject({
      kind: 'token',
      result: 'failed',
      action: expect.stringContaining('Reconnect'),
    });
    // The stored access token still works, so the API steps still ran.
    expect(report.steps.find((s) => s.kind === 'api')?.result).toBe('passed');
    await h.core.stop();
    const again = await startHarness(sim, { dataDir: h.config.dataDir, secrets: h.secrets });
    const [card] = valueOf<ConnectionView[]>(await again.dispatch('connections:list'));
    expect(card!.lastCheck?.checkedAt).toBe(report.checkedAt);
    await again.core.stop();
  });

  it('refuses an unknown connection in words', async () => {
    const { h } = await connected();
    expect(await h.dispatch('health:check', { id: 'nope' })).toEqual({
      ok: false,
      error: { code: 'unknown-connection', message: 'That connection no longer exists.' },
    });
  });
});
