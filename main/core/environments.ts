import type { EnvironmentSummary } from '../../preload/contract';

/** The scopes a new connection asks for: read, write, and a refresh token. */
export const DEFAULT_SCOPES: readonly string[] = [
  'https://www.approvalmax.com/scopes/public_api/read',
  'https://www.approvalmax.com/scopes/public_api/write',
  'offline_access',
];

/** An ApprovalMax environment as the core knows it (the Client Secret lives in the keychain). */
export interface Environment extends EnvironmentSummary {
  readonly clientId?: string;
  readonly redirectUri?: string;
  readonly scopes: readonly string[];
}

/** ApprovalMax's production servers, from approvalmax-api.md. */
export const PRODUCTION: Environment = {
  id: 'production',
  name: 'Production',
  kind: 'preset',
  issuer: 'https://identity.approvalmax.com',
  apiBase: 'https://public-api.approvalmax.com',
  scopes: DEFAULT_SCOPES,
};

/** Presets first, then the custom ones, without duplicate ids (a preset id wins). */
export function mergeEnvironments(custom: readonly Environment[]): Environment[] {
  const presets = [PRODUCTION];
  const taken = new Set(presets.map((e) => e.id));
  return [...presets, ...custom.filter((e) => !taken.has(e.id) && taken.add(e.id))];
}

/** Only what the renderer may see. */
export function summarise(env: Environment): EnvironmentSummary {
  return { id: env.id, name: env.name, kind: env.kind, issuer: env.issuer, apiBase: env.apiBase };
}
