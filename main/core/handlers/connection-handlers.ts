import type { ConnectionService } from '../connections/connection-service';
import type { BridgeHandlers } from '../dispatch';
import { ok } from '../result';

type ConnectionChannels =
  | 'connections:list'
  | 'connections:connect'
  | 'connections:cancel-sign-in'
  | 'connections:sign-in-with-browser'
  | 'connections:finish-browser-sign-in'
  | 'connections:refresh'
  | 'connections:rename'
  | 'connections:disconnect';

/** The home screen's calls, straight onto the connection service. */
export function connectionHandlers(connections: ConnectionService): Pick<BridgeHandlers, ConnectionChannels> {
  return {
    'connections:list': async () => ok(connections.list()),
    'connections:connect': ({ environmentId, reconnectId }) => connections.connect(environmentId, reconnectId),
    'connections:cancel-sign-in': async () => connections.cancelSignIn(),
    'connections:sign-in-with-browser': ({ environmentId, reconnectId }) => connections.signInWithBrowser(environmentId, reconnectId),
    'connections:finish-browser-sign-in': ({ flowId, landedUrl }) => connections.finishBrowserSignIn(flowId, landedUrl),
    'connections:refresh': ({ id }) => connections.refresh(id),
    'connections:rename': ({ id, label }) => connections.rename(id, label),
    'connections:disconnect': ({ id }) => connections.disconnect(id),
  };
}
