import { z } from 'zod';
import { isSafeServerUrl } from '../urls';

/** An identity server or API address: https, or http on this machine only. */
export const serverUrl = z
  .string()
  .trim()
  .refine(isSafeServerUrl, 'must be an https:// address (http:// only for this computer)');

/** ApprovalMax accepts only https redirect URIs (no custom schemes). */
export const redirectUri = z.url({ protocol: /^https$/, error: 'must be an https:// address' });

/** One scope as RFC 6749 §3.3 defines it: printable ASCII without spaces, quotes or backslashes. */
export const scopeToken = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters')
  .regex(
    /^[\x21\x23-\x5B\x5D-\x7E]+$/,
    'must be single words without spaces, quotes or backslashes (for example openid)',
  );

/** What an environment may force as the authorise request's `prompt`. */
export const PROMPT_SETTINGS = ['none', 'consent', 'login', 'select_account'] as const;

/** The fields every environment shares, as the admin file and the settings form give them. */
export const environmentFields = {
  name: z.string().trim().min(1, 'must not be empty').max(80),
  issuer: serverUrl,
  apiBase: serverUrl,
  clientId: z.string().trim().max(200),
  redirectUri: z.union([z.literal(''), redirectUri]),
  scopes: z.array(scopeToken).min(1, 'must list at least one scope').max(20),
  prompt: z.enum(PROMPT_SETTINGS, { error: `must be one of ${PROMPT_SETTINGS.join(', ')}` }).optional(),
  /** How long a refresh token lives without a refresh (ApprovalMax: 30); fractions allowed, for tests. */
  refreshTokenLifetimeDays: z
    .number({ error: 'must be a number of days' })
    .positive('must be more than 0')
    .max(3650, 'must be at most 3650 days')
    .optional(),
  /** The API workbench's budget of reads per minute per organisation (the Public API allows 100). */
  readsPerMinute: z
    .number({ error: 'must be a number of reads' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(10_000, 'must be at most 10,000')
    .optional(),
};

/** A short plain-text note from IT for the sign-in panel: one line, no control characters. */
const SIGN_IN_HINT_MAX = 200;
export const signInHint = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(SIGN_IN_HINT_MAX, `must be at most ${SIGN_IN_HINT_MAX} characters`)
  .regex(/^[^\p{Cc}]*$/u, 'must be plain text on one line');

/** An environment in the admin config file; the optional secret goes to the keychain at start. */
export const adminEnvironmentSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be 1–40 lower-case letters, digits or dashes'),
  ...environmentFields,
  clientId: environmentFields.clientId.default(''),
  redirectUri: environmentFields.redirectUri.default(''),
  scopes: environmentFields.scopes.optional(),
  clientSecret: z.string().min(1).max(4096).optional(),
  /** Plain words shown in the sign-in panel while signing in, e.g. "Use your company Google account". */
  signInHint: signInHint.optional(),
});
