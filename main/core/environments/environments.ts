import type { EnvironmentDetails, EnvironmentSummary, PromptSetting } from '../../../preload/contract';

/** The scopes a new connection asks for: read, write, and a refresh token. */
export const DEFAULT_SCOPES: readonly string[] = [
  'https://www.approvalmax.com/scopes/public_api/read',
  'https://www.approvalmax.com/scopes/public_api/write',
  'offline_access',
];

/** An ApprovalMax environment as the core knows it (the Client Secret lives in the keychain). */
export interface Environment extends Omit<EnvironmentSummary, 'providerName'> {
  readonly source: EnvironmentDetails['source'];
  readonly clientId: string;
  readonly redirectUri: string;
  readonly scopes: readonly string[];
  /** From the admin file: plain words for the sign-in panel, e.g. which account to use. */
  readonly signInHint?: string;
  /** Forces the authorise request's `prompt`; absent: automatic (see authorizePrompt). */
  readonly prompt?: PromptSetting;
  /** The refresh-token lifetime, when set; absent: 30 days for ApprovalMax's servers, unknown for others (keep-alive/lifetime.ts). */
  readonly refreshTokenLifetimeDays?: number;
  /** The API workbench's reads per minute per Client ID and organisation; absent: 100 (workbench/rate-budget.ts). */
  readonly readsPerMinute?: number;
}

/** ApprovalMax's production servers, from approvalmax-api.md; Client ID and redirect URI come from the user or IT. */
export const PRODUCTION: Environment = {
  id: 'production',
  name: 'Production',
  kind: 'preset',
  source: 'preset',
  issuer: 'https://identity.approvalmax.com',
  apiBase: 'https://public-api.approvalmax.com',
  clientId: '',
  redirectUri: '',
  scopes: DEFAULT_SCOPES,
};

/** The keychain entry of an environment's Client Secret. */
export const clientSecretKey = (environmentId: string) => `environment/${environmentId}/client-secret`;
