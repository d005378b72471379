import { z } from 'zod';
import type { CheckReport } from '../../../preload/contract';

const result = z.enum(['passed', 'warning', 'failed']);

const stepSchema = z.object({
  kind: z.enum(['identity-server', 'token', 'api', 'organisations', 'organisation', 'clock']),
  title: z.string(),
  result: z.enum(['passed', 'warning', 'failed', 'skipped']),
  detail: z.string(),
  action: z.string().nullable(),
  companyId: z.string().optional(),
});

const problemSchema = z.object({
  companyId: z.string(),
  name: z.string(),
  access: z.enum(['plan-disabled', 'not-covered', 'failed', 'not-checked']),
  words: z.string(),
});

/** A check report as saved with its connection in connections.json. */
export const checkReportSchema: z.ZodType<CheckReport> = z.object({
  connectionId: z.string(),
  connectionLabel: z.string(),
  environmentName: z.string(),
  checkedAt: z.string(),
  result,
  summary: z.string(),
  steps: z.array(stepSchema),
  organisationProblems: z.array(problemSchema),
});
