import { INVOKE_CHANNELS, type InvokeChannel, type InvokeMap, type Result } from '../../preload/contract';
import { BRIDGE_SCHEMAS } from './bridge-validators';
import { fail } from './result';

/** One handler per channel, typed by the contract. */
export type BridgeHandlers = {
  [C in InvokeChannel]: (arg: InvokeMap[C]['arg']) => Promise<Result<InvokeMap[C]['value']>>;
};

/** The single choke point both shells call: checks the channel and validates the argument. */
export type Dispatch = (channel: unknown, arg: unknown) => Promise<Result<unknown>>;

/** Builds the choke point; the shells check the sender frame before calling it. */
export function createDispatcher(handlers: BridgeHandlers): Dispatch {
  return async (channel, arg) => {
    if (!isInvokeChannel(channel)) return fail('unknown-channel', 'The app asked for something it does not offer.');
    const parsed = BRIDGE_SCHEMAS[channel].safeParse(arg);
    if (!parsed.success) {
      const where = parsed.error.issues.map((i) => i.path.join('.') || 'argument').join(', ');
      return fail('invalid-argument', `The request was not understood (${where}). Please try again.`);
    }
    const handler = handlers[channel] as (a: unknown) => Promise<Result<unknown>>;
    return handler(parsed.data);
  };
}

function isInvokeChannel(value: unknown): value is InvokeChannel {
  return typeof value === 'string' && (INVOKE_CHANNELS as readonly string[]).includes(value);
}
