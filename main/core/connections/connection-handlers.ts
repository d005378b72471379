import type { ConnectionService } from './connection-service';
import type { FeatureHandlers } from '../../../preload/contract';
import { ok } from '../result';

/** The home screen's calls, straight onto the connection service. */
export function connectionHandlers(connections: ConnectionService): FeatureHandlers<'connections'> {
  return {
    list: async () => ok(connections.list()),
    connect: ({ environmentId, reconnectId }) => connections.connect(environmentId, reconnectId),
    cancelSignIn: async () => connections.cancelSignIn(),
    signInWithBrowser: ({ environmentId, reconnectId }) => connections.signInWithBrowser(environmentId, reconnectId),
    finishBrowserSignIn: ({ flowId, landedUrl }) => connections.finishBrowserSignIn(flowId, landedUrl),
    refresh: ({ id }) => connections.refresh(id),
    rename: ({ id, label }) => connections.rename(id, label),
    disconnect: ({ id }) => connections.disconnect(id),
  };
}
