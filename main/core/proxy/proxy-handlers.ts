import type { FeatureHandlers } from '../../../preload/contract';
import { ok } from '../result';
import type { ProxyCredentials } from './proxy-credentials';

/** The proxy dialog's calls: what is waiting, and the user's answer. */
export function proxyHandlers(proxy: ProxyCredentials): FeatureHandlers<'proxy'> {
  return {
    waiting: async () => ok(proxy.waiting()),
    answer: ({ id, answer }) => proxy.answer(id, answer),
  };
}
