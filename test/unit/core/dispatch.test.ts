import { describe, expect, it } from 'vitest';
import { startCore } from '../../../main/core/service';
import { fakePorts, testConfig } from './fakes';

const core = await startCore(fakePorts(), testConfig({ notices: ['check the file'] }));

describe('the bridge choke point', () => {
  it('answers app info and the Production preset', async () => {
    expect(await core.dispatch('app:info', undefined)).toMatchObject({ ok: true, value: { productName: 'ApprovalMax Connect', version: '1.2.3', notices: ['check the file'] } });
    expect(await core.dispatch('environments:list', undefined)).toEqual({
      ok: true,
      value: [
        {
          id: 'production', name: 'Production', kind: 'preset', source: 'preset', issuer: 'https://identity.approvalmax.com', apiBase: 'https://public-api.approvalmax.com',
          clientId: '', redirectUri: '', scopes: expect.arrayContaining(['offline_access']), hasClientSecret: false,
        },
      ],
    });
  });

  it.each([
    ['app:info', { sneaky: true }],
    ['ping:send', undefined],
    ['ping:send', { environmentId: 'production', accessToken: 'x' }],
    ['ping:send', { environmentId: 'production', accessToken: 'x', path: 'https://elsewhere.example/ping' }],
    ['ping:send', { environmentId: 'production', accessToken: 42, path: '/ping' }],
    ['ping:send', { environmentId: 'production', accessToken: 'x', path: '/ping', extra: 1 }],
    ['ping:send', { environmentId: 'production', accessToken: 'x'.repeat(70_000), path: '/ping' }],
  ])('refuses %s with %j', async (channel, arg) => {
    expect(await core.dispatch(channel, arg)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  it.each([['shell:exec'], [42], [null], ['__proto__'], ['constructor']])('refuses unknown channel %j', async (channel) => {
    expect(await core.dispatch(channel, undefined)).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
  });
});
