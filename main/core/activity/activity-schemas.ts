import { z } from 'zod';
import { id, type FeatureSchemas } from '../bridge-schema';

/** Arguments of the timeline's calls. */
export const activitySchemas: FeatureSchemas<'activity'> = {
  list: z.strictObject({
    connectionId: id.optional(),
    kind: z.enum(['ping', 'connect', 'refresh', 'reconnect-needed', 'disconnect', 'check', 'error']).optional(),
  }),
};
