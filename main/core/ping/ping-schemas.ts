import { z } from 'zod';
import { id, noArg, text, type FeatureSchemas } from '../bridge-schema';

/** Arguments of the ping tester's calls; the free path is checked again, in plain words, by api-path.ts. */
export const pingSchemas: FeatureSchemas<'ping'> = {
  send: z.union([
    z.strictObject({ environmentId: id, accessToken: z.string().max(64 * 1024), path: text(2048) }),
    z.strictObject({ connectionId: id, path: text(2048) }),
  ]),
  history: noArg,
  openHistory: z.strictObject({ id }),
  clearHistory: noArg,
  copy: z.strictObject({ id, what: z.enum(['curl', 'curl-with-token', 'response']) }),
};
