import { z } from 'zod';
import type { PingReport } from '../../../preload/contract';

const header = z.tuple([z.string(), z.string()]);
const problemParameter = z.object({
  path: z.string().nullable(),
  name: z.string().nullable(),
  value: z.string().nullable(),
  message: z.string().nullable(),
});
const tone = z.enum(['good', 'warning', 'bad']);
const outcome = z.enum([
  'success',
  'bad-request',
  'unauthorised',
  'forbidden',
  'not-found',
  'rate-limited',
  'server-error',
  'unexpected-status',
  'timeout',
  'dns',
  'connection-refused',
  'tls',
  'proxy',
  'api-access-disabled',
  'network',
]);

/** A stored ping report, checked field by field so a damaged history file is noticed rather than shown. */
export const pingReportSchema: z.ZodType<PingReport> = z.object({
  id: z.string(),
  environmentId: z.string(),
  environmentName: z.string(),
  target: z.union([
    z.object({ kind: z.literal('pasted') }),
    z.object({ kind: z.literal('connection'), connectionId: z.string(), label: z.string() }),
  ]),
  path: z.string(),
  startedAt: z.string(),
  elapsedMs: z.number(),
  verdict: z.object({ outcome, tone, headline: z.string(), explanation: z.string(), nextStep: z.string() }),
  problem: z
    .object({
      type: z.string().nullable(),
      title: z.string().nullable(),
      status: z.number().nullable(),
      detail: z.string().nullable(),
      traceId: z.string().nullable(),
      // Absent in histories saved before the workbench read `error.code` and `error.parameters`.
      code: z.string().nullable().default(null),
      parameters: z.array(problemParameter).default([]),
    })
    .nullable(),
  clockSkew: z
    .object({ serverTime: z.string(), localTime: z.string(), skewSeconds: z.number(), warning: z.string().nullable() })
    .nullable(),
  timings: z.object({
    totalMs: z.number(),
    transport: z.string(),
    phases: z.array(z.object({ label: z.string(), ms: z.number() })),
    note: z.string().nullable(),
  }),
  curl: z.string(),
  request: z.object({ method: z.literal('GET'), url: z.string(), headers: z.array(header) }),
  response: z
    .object({
      status: z.number(),
      statusText: z.string(),
      headers: z.array(header),
      body: z.string(),
      bodyTruncated: z.boolean(),
    })
    .nullable(),
});
