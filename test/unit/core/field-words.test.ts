import { describe, expect, it } from 'vitest';
import { startCore } from '../../../main/core/service';
import { fakePorts, testConfig } from './fakes';

const form = {
  name: 'Acme staging',
  issuer: 'https://login.acme.example',
  apiBase: 'https://api.acme.example',
  clientId: 'C',
  redirectUri: 'https://app.invalid/cb',
  scopes: ['openid'],
};

describe('one plain sentence for every field limit, wherever it is checked', () => {
  it.each([
    ['a name over the form limit', { ...form, name: 'x'.repeat(81) }, 'Name must be at most 80 characters.'],
    [
      'a name far over it (refused at the bridge)',
      { ...form, name: 'x'.repeat(500) },
      'Name must be at most 80 characters.',
    ],
    ['an empty name', { ...form, name: '  ' }, 'Name must not be empty.'],
    [
      'a scope with a space',
      { ...form, scopes: ['openid', 'two words'] },
      'Scopes (item 2) must be single words without spaces, quotes or backslashes (for example openid).',
    ],
    ['no scope', { ...form, scopes: [] }, 'Scopes must list at least one scope.'],
    ['a prompt that does not exist', { ...form, prompt: 'always' }, 'Prompt is not one of the allowed values.'],
    ['a Client ID far too long', { ...form, clientId: 'C'.repeat(300) }, 'Client ID must be at most 200 characters.'],
  ])('%s', async (_name, input, sentence) => {
    const core = await startCore(fakePorts(), testConfig());
    const reply = await core.dispatch('environments:save', input);
    expect(reply).toEqual({ ok: false, error: { code: 'invalid-argument', message: sentence } });
    expect(JSON.stringify(reply)).not.toMatch(/Too big|expected string|<=|understood/);
  });

  it('refuses a second environment with the same name in any case, and names the one that has it', async () => {
    const core = await startCore(fakePorts(), testConfig());
    expect(await core.dispatch('environments:save', form)).toMatchObject({ ok: true });
    expect(await core.dispatch('environments:save', { ...form, name: ' ACME Staging ' })).toEqual({
      ok: false,
      error: {
        code: 'invalid-argument',
        message:
          'An environment called "Acme staging" already exists. Choose another name, so the two can be told apart.',
      },
    });
    expect(await core.dispatch('environments:save', { ...form, name: 'production' })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('"Production" already exists') },
    });
  });

  it('lets an environment be saved again under its own name', async () => {
    const core = await startCore(fakePorts(), testConfig());
    const saved = await core.dispatch('environments:save', form);
    const id = saved.ok ? (saved.value as { id: string }).id : '';
    expect(await core.dispatch('environments:save', { ...form, id, name: 'acme STAGING' })).toMatchObject({ ok: true });
  });
});
