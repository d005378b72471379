import { describe, expect, it } from 'vitest';
import { startCore } from '../../../main/core/service';
import { fakePorts, testConfig } from '../core/fakes';

describe('the workbench in the core service', () => {
  it('is registered: calls reach it through the validating choke point', async () => {
    const core = await startCore(fakePorts(), testConfig());
    expect(await core.dispatch('workbench:catalogue', { connectionId: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'unknown-connection' },
    });
    expect(await core.dispatch('workbench:loadAll', { runId: 'r', maxPages: 0 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument', message: 'Max pages must be at least 1.' },
    });
    expect(await core.dispatch('workbench:next', { runId: 'r' })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/no longer kept/) },
    });
    expect(await core.dispatch('workbench:export', { runId: 'r', format: 'xlsx' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
    await core.stop();
  });

  it('an environment keeps its reads-per-minute setting, checked in plain words', async () => {
    const core = await startCore(fakePorts(), testConfig());
    const input = {
      name: 'Gateway',
      issuer: 'https://id.example.test',
      apiBase: 'https://api.example.test',
      clientId: 'C',
      redirectUri: '',
      scopes: ['openid'],
    };
    const saved = await core.dispatch('environments:save', { ...input, readsPerMinute: 30 });
    expect(saved).toMatchObject({ ok: true, value: { readsPerMinute: 30 } });
    expect(await core.dispatch('environments:save', { ...input, name: 'Other', readsPerMinute: 0 })).toMatchObject({
      ok: false,
      error: { message: 'Reads per minute must be at least 1.' },
    });
    await core.stop();
  });
});
