import { describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS } from '../../../preload/contract';
import { BRIDGE_SCHEMAS, startCore } from '../../../main/core/service';
import { fakePorts, testConfig } from './fakes';

const core = await startCore(fakePorts(), testConfig({ notices: ['check the file'] }));

describe('the bridge choke point', () => {
  it('answers app info and the Production preset', async () => {
    expect(await core.dispatch('app:info', undefined)).toMatchObject({
      ok: true,
      value: { productName: 'ApprovalMax Connect', version: '1.2.3', notices: ['check the file'] },
    });
    expect(await core.dispatch('environments:list', undefined)).toEqual({
      ok: true,
      value: [
        {
          id: 'production',
          name: 'Production',
          providerName: 'ApprovalMax',
          kind: 'preset',
          source: 'preset',
          issuer: 'https://identity.approvalmax.com',
          apiBase: 'https://public-api.approvalmax.com',
          clientId: '',
          redirectUri: '',
          scopes: expect.arrayContaining(['offline_access']),
          hasClientSecret: false,
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

  it.each([['shell:exec'], [42], [null], ['__proto__'], ['constructor']])(
    'refuses unknown channel %j',
    async (channel) => {
      expect(await core.dispatch(channel, undefined)).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    },
  );
});

describe('every channel of the contract reaches its own schema and handler', () => {
  it.each(INVOKE_CHANNELS.map((c) => [c]))('%s', async (channel) => {
    const [feature, method] = channel.split(':') as [keyof typeof BRIDGE_SCHEMAS, string];
    expect(typeof (core.handlers[feature] as Record<string, unknown>)[method]).toBe('function');
    expect((BRIDGE_SCHEMAS[feature] as Record<string, unknown>)[method]).toBeDefined();
    // A wrong argument is refused by that channel's schema, never as an unknown channel.
    expect(await core.dispatch(channel, { '': Symbol.for('wrong') })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
  });

  it.each([
    '__proto__:constructor',
    'ping:toString',
    'ping:__proto__',
    'constructor:name',
    'ping',
    'ping:send:extra',
    42,
    null,
  ])('refuses the hostile channel %j as unknown', async (channel) => {
    expect(await core.dispatch(channel, undefined)).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
  });
});
