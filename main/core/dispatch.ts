import type { BridgeHandlers, Result } from '../../preload/contract';
import type { BridgeSchemas } from './bridge-schema';
import { describeIssue, type FieldIssue } from './field-words';
import { fail } from './result';

/** The single choke point both shells call: checks the channel and validates the argument. */
export type Dispatch = (channel: unknown, arg: unknown) => Promise<Result<unknown>>;

type Schema = {
  safeParse(value: unknown): { success: true; data: unknown } | { success: false; error: { issues: FieldIssue[] } };
};
type Handler = (arg: unknown) => Promise<Result<unknown>>;

/** Builds the choke point from the feature tables; the shells check the sender frame before calling it. */
export function createDispatcher(handlers: BridgeHandlers, schemas: BridgeSchemas): Dispatch {
  return async (channel, arg) => {
    const schema = lookup<Schema>(schemas, channel);
    const handler = lookup<Handler>(handlers, channel);
    if (!schema || !handler) return fail('unknown-channel', 'The app asked for something it does not offer.');
    const parsed = schema.safeParse(arg);
    if (!parsed.success) return fail('invalid-argument', describeIssue(parsed.error.issues[0]!));
    return handler(parsed.data);
  };
}

/** `table[feature][method]` for "feature:method", own properties only (no `__proto__` or `toString` from a hostile name). */
function lookup<T>(table: object, channel: unknown): T | undefined {
  const parts = typeof channel === 'string' ? channel.split(':') : [];
  if (parts.length !== 2) return undefined;
  const [feature, method] = parts as [string, string];
  const group: unknown = Object.hasOwn(table, feature) ? (table as Record<string, unknown>)[feature] : undefined;
  return typeof group === 'object' && group !== null && Object.hasOwn(group, method)
    ? (group as Record<string, T>)[method]
    : undefined;
}
