import type { FeatureHandlers } from '../../../preload/contract';
import type { ConnectionService } from '../connections/connection-service';
import type { KeepAlive } from '../keep-alive/keep-alive';
import { fail, ok } from '../result';
import type { ConnectionCheck } from './connection-check';

/** "Check connection", "Check all", the last report, and the background keep-alive setting. */
export function healthHandlers(
  checks: ConnectionCheck,
  connections: ConnectionService,
  keepAlive: KeepAlive,
): FeatureHandlers<'health'> {
  return {
    check: ({ id }) => checks.check(id),
    checkAll: () => checks.checkAll(),
    report: async ({ id }) =>
      connections.list().some((c) => c.id === id)
        ? ok(connections.lastCheck(id))
        : fail('unknown-connection', 'That connection no longer exists.'),
    keepAlive: async () => ok(keepAlive.setting()),
    setKeepAlive: ({ enabled }) => keepAlive.setEnabled(enabled),
  };
}
