import { z } from 'zod';
import { id, text, type FeatureSchemas } from '../bridge-schema';

/** Arguments of the inspector's calls. */
export const inspectSchemas: FeatureSchemas<'inspect'> = {
  paste: z.strictObject({ text: text(2 * 1024 * 1024) }),
  verify: z.strictObject({ token: text(1024 * 1024), allowUnknownIssuer: z.boolean().optional() }),
  connection: z.strictObject({ id }),
  verifyConnection: z.strictObject({ id, allowUnknownIssuer: z.boolean().optional() }),
  revealConnectionToken: z.strictObject({ id }),
  copyConnectionToken: z.strictObject({ id }),
};
