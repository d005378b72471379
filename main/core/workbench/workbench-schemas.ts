import { z } from 'zod';
import { id, text, type FeatureSchemas } from '../bridge-schema';

/** Parameter name → value as typed; values are checked again, in plain words, by request-builder.ts. */
const values = z
  .record(text(200), text(4096))
  .refine((v) => Object.keys(v).length <= 100, 'must hold at most 100 parameters');
const request = { connectionId: id, endpointId: text(2000), values };
const runId = id;

/** Arguments of the API workbench's calls. */
export const workbenchSchemas: FeatureSchemas<'workbench'> = {
  catalogue: z.strictObject({ connectionId: id, refresh: z.boolean().optional() }),
  preview: z.strictObject(request),
  start: z.strictObject(request),
  next: z.strictObject({ runId }),
  loadAll: z.strictObject({
    runId,
    maxPages: z
      .number()
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(10_000, 'must be at most 10,000'),
  }),
  cancel: z.strictObject({ runId }),
  copyCurl: z.strictObject({ ...request, withToken: z.boolean() }),
  openLink: z.strictObject({ runId, item: z.number().int().min(0).max(10_000_000) }),
  export: z.strictObject({
    runId,
    format: z.enum(['csv', 'json']),
    columns: z.array(text(1000)).max(1000).optional(),
    rows: z
      .array(z.array(text(100_000)).max(1000))
      .max(1_000_000)
      .optional(),
  }),
};
