// The people, organisations and scopes the simulator knows about, shaped like ApprovalMax's.

/** An ApprovalMax organisation as the Public API lists it. */
export interface Organisation {
  companyId: string;
  name: string;
}

/** The one demo user, so people and tests sign in with the same known credentials. */
export const DEMO_USER = {
  accountId: '92581804-f202-4a87-90b1-a4c9677b9146',
  email: 'demo@approvalmax.test',
  password: 'demo-password',
} as const;

/** Organisations offered on the consent page, with fixed ids so tests and screenshots stay stable. */
export const DEFAULT_ORGANISATIONS: readonly Organisation[] = [
  { companyId: '3f1c2b7e-8a41-4d6f-9b2e-5c7d8e9f0a11', name: 'Northwind Traders Ltd' },
  { companyId: '7a9d4e21-3b5c-4f80-a1d2-6e7f8091a2b3', name: 'Kiwi Plumbing NZ' },
  { companyId: 'c2e8f4a6-1d3b-4c5e-8f70-9a1b2c3d4e5f', name: 'Harbour Accounting Pty' },
];

/** Harbour Accounting Pty: listed by `/api/v1/companies`, but its plan leaves the data endpoints disabled. */
export const PLAN_DISABLED_BY_DEFAULT: readonly string[] = ['c2e8f4a6-1d3b-4c5e-8f70-9a1b2c3d4e5f'];

/** Public API scopes, exactly as ApprovalMax spells them. */
export const API_SCOPES = {
  read: 'https://www.approvalmax.com/scopes/public_api/read',
  write: 'https://www.approvalmax.com/scopes/public_api/write',
  legacy: 'https://www.approvalmax.com/scopes/public_api',
} as const;

/** Scopes that belong to the identity server itself rather than to the Public API. */
export const OIDC_SCOPES = ['openid', 'offline_access'] as const;

/** Every scope the simulator accepts, in the order discovery lists them. */
export const ALL_SCOPES: readonly string[] = [
  API_SCOPES.read,
  API_SCOPES.write,
  API_SCOPES.legacy,
  'offline_access',
  'openid',
];

/** What an ApprovalMax client asks for by default: read, write and a refresh token. */
export const DEFAULT_REQUEST_SCOPES: readonly string[] = [API_SCOPES.read, API_SCOPES.write, 'offline_access'];

/** Default redirect URI: the app intercepts it before any request leaves, so it never has to resolve. */
export const DEFAULT_REDIRECT_URI = 'https://approvalmax-connect.invalid/callback';
