import type { ConnectionView } from '../../../preload/contract';
import { bridge } from '../../bridge';
import { updateOn, useQuery, type Query } from '../../shared/use-query';

/** The connection list, kept current by main's `connections:changed` events (no reload needed). */
export function useConnections(): Query<ConnectionView[]> {
  return useQuery(bridge.connections.list, {
    refetchOn: [
      updateOn(
        (apply) => bridge.connections.on('changed', apply),
        (_: ConnectionView[] | null, list: ConnectionView[]) => list,
      ),
    ],
  });
}
