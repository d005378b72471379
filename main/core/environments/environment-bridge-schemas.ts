import { z } from 'zod';
import { id, noArg, text, type FeatureSchemas } from '../bridge-schema';

/** Arguments of the settings screen's calls; the fields' own rules are checked again in plain words by the store. */
export const environmentSchemas: FeatureSchemas<'environments'> = {
  list: noArg,
  save: z.strictObject({
    id: id.optional(),
    name: text(80),
    issuer: text(2000),
    apiBase: text(2000),
    clientId: text(200),
    redirectUri: text(2000),
    scopes: z.array(text(200)).max(20),
    prompt: z.enum(['none', 'consent', 'login', 'select_account']).optional(),
    refreshTokenLifetimeDays: z.number().optional(),
    readsPerMinute: z.number().optional(),
    clientSecret: text(4096).optional(),
  }),
  remove: z.strictObject({ id }),
  scopesSupported: z.strictObject({ issuer: text(2000) }),
};
