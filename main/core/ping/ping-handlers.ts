import type { PingService } from './ping-service';
import type { FeatureHandlers } from '../../../preload/contract';
import type { PingHistory } from './ping-history';
import { fail, ok } from '../result';

/** The ping tester's calls: send with a pasted token or a connection's, the history, and copies through main. */
export function pingHandlers(pings: PingService, history: PingHistory): FeatureHandlers<'ping'> {
  return {
    send: (input) => pings.send(input),
    history: async () => ok(history.list()),
    openHistory: async ({ id }) => {
      const report = history.get(id);
      return report
        ? ok(report)
        : fail(
            'invalid-argument',
            'That check is no longer in the history (it may have been cleared). Send the request again.',
          );
    },
    clearHistory: async () => (await history.clear(), ok(null)),
    copy: ({ id, what }) => pings.copy(id, what),
  };
}
