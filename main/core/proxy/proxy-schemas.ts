import { z } from 'zod';
import { id, noArg, text, type FeatureSchemas } from '../bridge-schema';

/** Arguments of the proxy dialog's calls. */
export const proxySchemas: FeatureSchemas<'proxy'> = {
  waiting: noArg,
  answer: z.strictObject({
    id,
    answer: z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('cancel') }),
      z.strictObject({
        kind: z.literal('login'),
        username: text(256).min(1),
        password: text(1024),
        remember: z.boolean(),
      }),
    ]),
  }),
};
