import { z } from 'zod';
import { id, noArg, type FeatureSchemas } from '../bridge-schema';

/** Arguments of the connection checks and the keep-alive setting. */
export const healthSchemas: FeatureSchemas<'health'> = {
  check: z.strictObject({ id }),
  checkAll: noArg,
  report: z.strictObject({ id }),
  keepAlive: noArg,
  setKeepAlive: z.strictObject({ enabled: z.boolean() }),
};
