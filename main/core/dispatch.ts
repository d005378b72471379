import type { BridgeHandlers, Result } from '../../preload/contract';
import type { BridgeSchemas } from './bridge-schema';
import { fail } from './result';

/** The single choke point both shells call: checks the channel and validates the argument. */
export type Dispatch = (channel: unknown, arg: unknown) => Promise<Result<unknown>>;

type AnyTable = Record<string, Record<string, unknown>>;

/** Builds the choke point from the feature tables; the shells check the sender frame before calling it. */
export function createDispatcher(handlers: BridgeHandlers, schemas: BridgeSchemas): Dispatch {
  return async (channel, arg) => {
    const [feature, method] = typeof channel === 'string' ? channel.split(':') : [];
    const schema = own(schemas as unknown as AnyTable, feature, method) as { safeParse(v: unknown): { success: boolean; data?: unknown; error?: { issues: { path: PropertyKey[] }[] } } } | undefined;
    const handler = own(handlers as unknown as AnyTable, feature, method) as ((a: unknown) => Promise<Result<unknown>>) | undefined;
    if (!schema || !handler) return fail('unknown-channel', 'The app asked for something it does not offer.');
    const parsed = schema.safeParse(arg);
    if (!parsed.success) {
      const where = parsed.error!.issues.map((i) => i.path.join('.') || 'argument').join(', ');
      return fail('invalid-argument', `The request was not understood (${where}). Please try again.`);
    }
    return handler(parsed.data);
  };
}

/** `table[feature][method]`, own properties only (no `__proto__` or `toString` from a hostile channel name). */
function own(table: AnyTable, feature: string | undefined, method: string | undefined): unknown {
  if (!feature || !method || !Object.hasOwn(table, feature)) return undefined;
  const group = table[feature]!;
  return Object.hasOwn(group, method) ? group[method] : undefined;
}
