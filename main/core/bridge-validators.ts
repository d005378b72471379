import { z } from 'zod';
import type { InvokeChannel, InvokeMap } from '../../preload/contract';

// The schemas live on the main side so the contract stays import-free (and the preload tiny);
// the mapped type below keeps each schema in step with the contract's argument type.
type Schemas = { [C in InvokeChannel]: z.ZodType<InvokeMap[C]['arg']> };

/** One schema per channel: every argument from the renderer arrives as `unknown`. */
export const BRIDGE_SCHEMAS: Schemas = {
  'app:info': z.undefined(),
  'environments:list': z.undefined(),
  'ping:send': z.strictObject({
    environmentId: z.string().min(1).max(100),
    accessToken: z.string().max(64 * 1024),
    path: z.enum(['/ping', '/api/v1/companies']),
  }),
};
