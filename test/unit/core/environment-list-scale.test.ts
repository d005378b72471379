import { describe, expect, it } from 'vitest';
import { startCore } from '../../../main/core/service';
import { fakePorts, MemorySecretStore, testConfig } from './fakes';

const form = {
  issuer: 'https://login.acme.example',
  apiBase: 'https://api.acme.example',
  clientId: 'C',
  redirectUri: 'https://app.invalid/cb',
  scopes: ['openid'],
};

describe('the environment list with many environments and a slow keychain', () => {
  it('lists 1,000 admin environments whose secrets were applied without a keychain read each', async () => {
    const secrets = new MemorySecretStore();
    let reads = 0;
    const get = secrets.get.bind(secrets);
    secrets.get = async (key: string) => (reads++, get(key));
    const environments = Array.from({ length: 1000 }, (_, i) => ({
      ...form,
      id: `env-${i}`,
      name: `Env ${i}`,
      kind: 'custom' as const,
      source: 'admin' as const,
    }));
    const core = await startCore(
      fakePorts({ secrets }),
      testConfig({ environments, adminSecrets: new Map(environments.map((e) => [e.id, `secret-${e.id}`])) }),
    );
    await core.ready;
    reads = 0;
    const listed = await core.dispatch('environments:list', undefined);
    expect(listed.ok && (listed.value as { hasClientSecret: boolean }[]).filter((e) => e.hasClientSecret)).toHaveLength(
      1000,
    );
    expect(reads).toBeLessThanOrEqual(1); // Production's own, once
  });
});
