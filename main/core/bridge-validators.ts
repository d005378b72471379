import { z } from 'zod';
import type { InvokeChannel, InvokeMap } from '../../preload/contract';

// The schemas live on the main side so the contract stays import-free (and the preload tiny);
// the mapped type below keeps each schema in step with the contract's argument type.
type Schemas = { [C in InvokeChannel]: z.ZodType<InvokeMap[C]['arg']> };

const id = z.string().min(1).max(100);
const text = (max: number) => z.string().max(max);
const connectArgs = z.strictObject({ environmentId: id, reconnectId: id.optional() });

/** One schema per channel: every argument from the renderer arrives as `unknown`. */
export const BRIDGE_SCHEMAS: Schemas = {
  'app:info': z.undefined(),
  'proxy:waiting': z.undefined(),
  'proxy:answer': z.strictObject({
    id,
    answer: z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('cancel') }),
      z.strictObject({ kind: z.literal('login'), username: text(256).min(1), password: text(1024), remember: z.boolean() }),
    ]),
  }),
  'inspect:paste': z.strictObject({ text: text(2 * 1024 * 1024) }),
  'inspect:verify': z.strictObject({ token: text(1024 * 1024) }),
  'inspect:connection': z.strictObject({ id }),
  'inspect:verify-connection': z.strictObject({ id }),
  'inspect:reveal-connection-token': z.strictObject({ id }),
  'inspect:copy-connection-token': z.strictObject({ id }),
  'clipboard:copy': z.strictObject({ text: text(2 * 1024 * 1024), secret: z.boolean() }),
  'environments:list': z.undefined(),
  'environments:save': z.strictObject({
    id: id.optional(),
    name: text(200),
    issuer: text(2000),
    apiBase: text(2000),
    clientId: text(200),
    redirectUri: text(2000),
    scopes: z.array(text(200)).max(20),
    clientSecret: text(4096).optional(),
  }),
  'environments:remove': z.strictObject({ id }),
  'connections:list': z.undefined(),
  'connections:connect': connectArgs,
  'connections:cancel-sign-in': z.undefined(),
  'connections:sign-in-with-browser': connectArgs,
  'connections:finish-browser-sign-in': z.strictObject({ flowId: id, landedUrl: text(16 * 1024) }),
  'connections:refresh': z.strictObject({ id }),
  'connections:rename': z.strictObject({ id, label: text(120) }),
  'connections:disconnect': z.strictObject({ id }),
  // The free path is checked again, in plain words, by the ping handler (api/api-path.ts).
  'ping:send': z.union([
    z.strictObject({ environmentId: id, accessToken: z.string().max(64 * 1024), path: text(2048) }),
    z.strictObject({ connectionId: id, path: text(2048) }),
  ]),
  'ping:history': z.undefined(),
  'ping:history-open': z.strictObject({ id }),
  'ping:history-clear': z.undefined(),
  'ping:copy': z.strictObject({ id, what: z.enum(['curl', 'curl-with-token', 'response']) }),
  'activity:list': z.strictObject({
    connectionId: id.optional(),
    kind: z.enum(['ping', 'connect', 'refresh', 'reconnect-needed', 'disconnect', 'error']).optional(),
  }),
  'diagnostics:report': z.undefined(),
  'diagnostics:save': z.strictObject({ format: z.enum(['markdown', 'json']) }),
  'diagnostics:copy': z.strictObject({ format: z.enum(['markdown', 'json']) }),
  'logs:open-folder': z.undefined(),
};
