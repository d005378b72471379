import { useEffect, useState } from 'react';
import type { ConnectionView } from '../../preload/contract';
import { bridge, call } from '../bridge';

/** The connection list, kept current by main's `connections:changed` events (no reload needed). */
export function useConnections(): { connections: ConnectionView[] | null; error: string | null } {
  const [connections, setConnections] = useState<ConnectionView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void call(bridge.connections.list()).then((r) => (r.ok ? setConnections(r.value) : setError(r.error.message)));
    return bridge.connections.on('changed', setConnections);
  }, []);
  return { connections, error };
}
