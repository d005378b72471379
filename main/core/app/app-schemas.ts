import { z } from 'zod';
import { noArg, text, type FeatureSchemas } from '../bridge-schema';

/** Arguments of the app's own calls. */
export const appSchemas: FeatureSchemas<'app'> = {
  info: noArg,
  copyText: z.strictObject({ text: text(2 * 1024 * 1024), secret: z.boolean() }),
};
