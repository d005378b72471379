import { describe, expect, it } from 'vitest';
import { authorizePrompt, createAuthorization } from '../../../main/core/oauth/authorization-request';

const READ = 'https://www.approvalmax.com/scopes/public_api/read';
const PARAMS = {
  authorizationEndpoint: 'https://id.example/connect/authorize',
  clientId: 'C',
  redirectUri: 'https://app.invalid/cb',
};

/** The authorize request's parameter names and the prompt, for one environment. */
function request(scopes: string[], setting?: string) {
  const prompt = authorizePrompt(scopes, setting);
  const url = new URL(
    createAuthorization({ ...PARAMS, scopes, ...(prompt ? { prompt } : {}) }, 0, (n) => new Uint8Array(n)).url,
  );
  return { names: [...url.searchParams.keys()], prompt: url.searchParams.get('prompt') };
}

const DOCUMENTED = [
  'response_type',
  'client_id',
  'redirect_uri',
  'scope',
  'state',
  'code_challenge',
  'code_challenge_method',
];

describe('the authorise request and its prompt (OpenID Connect Core §11)', () => {
  it.each([
    ['ApprovalMax preset: no openid', [READ, 'offline_access'], undefined, null],
    ['no offline access', ['openid', READ], undefined, null],
    ['openid + offline_access', ['openid', READ, 'offline_access'], undefined, 'consent'],
    ['openid + offline_access, forced login', ['openid', READ, 'offline_access'], 'login', 'login'],
    [
      'openid + offline_access, forced select_account',
      ['openid', 'offline_access'],
      'select_account',
      'select_account',
    ],
    ['openid + offline_access, forced none', ['openid', 'offline_access'], 'none', 'none'],
    ['no openid, forced consent', [READ, 'offline_access'], 'consent', 'consent'],
  ])('%s → prompt %s', (_name, scopes, setting, prompt) => {
    const built = request(scopes, setting);
    expect(built.prompt).toBe(prompt);
    expect(built.names).toEqual(
      prompt
        ? [
            'response_type',
            'client_id',
            'redirect_uri',
            'scope',
            'prompt',
            'state',
            'code_challenge',
            'code_challenge_method',
          ]
        : DOCUMENTED,
    );
  });

  // The expected URL is what the app built before prompts existed (same random source).
  it('the Production preset request is exactly the documented five parameters plus PKCE, byte for byte', () => {
    const url = createAuthorization(
      {
        authorizationEndpoint: 'https://identity.approvalmax.com/connect/authorize',
        clientId: '0123456789ABCDEF0123456789ABCDEF',
        redirectUri: 'https://approvalmax-connect.invalid/callback',
        scopes: [READ, 'offline_access'],
      },
      0,
      (n) => new Uint8Array(n).fill(1),
    ).url;
    expect(url).toBe(
      'https://identity.approvalmax.com/connect/authorize?response_type=code&client_id=0123456789ABCDEF0123456789ABCDEF' +
        '&redirect_uri=https%3A%2F%2Fapprovalmax-connect.invalid%2Fcallback&scope=https%3A%2F%2Fwww.approvalmax.com%2Fscopes%2Fpublic_api%2Fread%20offline_access' +
        '&state=AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEB&code_challenge=VtX6czP210fbQsI5QH5dpMMvTHnzXQkrE0_TWkAtnFw&code_challenge_method=S256',
    );
  });
});
