import type { PingService } from '../api/ping-service';
import type { BridgeHandlers } from '../dispatch';
import type { PingHistory } from '../history/ping-history';
import { fail, ok } from '../result';

type PingChannels = 'ping:send' | 'ping:history' | 'ping:history-open' | 'ping:history-clear' | 'ping:copy';

/** The ping tester's calls: send with a pasted token or a connection's, the history, and copies through main. */
export function pingHandlers(pings: PingService, history: PingHistory): Pick<BridgeHandlers, PingChannels> {
  return {
    'ping:send': (input) => pings.send(input),
    'ping:history': async () => ok(history.list()),
    'ping:history-open': async ({ id }) => {
      const report = history.get(id);
      return report ? ok(report) : fail('invalid-argument', 'That check is no longer in the history (it may have been cleared). Send the request again.');
    },
    'ping:history-clear': async () => (await history.clear(), ok(null)),
    'ping:copy': ({ id, what }) => pings.copy(id, what),
  };
}
