import { z } from 'zod';
import { noArg, type FeatureSchemas } from '../bridge-schema';

const format = z.strictObject({ format: z.enum(['markdown', 'json']) });

/** Arguments of the diagnostics screen's calls. */
export const diagnosticsSchemas: FeatureSchemas<'diagnostics'> = {
  report: noArg,
  save: format,
  copy: format,
  openLogsFolder: noArg,
};
