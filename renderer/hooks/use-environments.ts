import { useCallback, useEffect, useState } from 'react';
import type { EnvironmentDetails } from '../../preload/contract';
import { bridge, call } from '../bridge';

/** The environments with their settings state; `reload` after a change in Settings. */
export function useEnvironments(): { environments: EnvironmentDetails[]; error: string | null; reload: () => void } {
  const [environments, setEnvironments] = useState<EnvironmentDetails[]>([]);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    void call(bridge.environments.list()).then((r) => (r.ok ? (setEnvironments(r.value), setError(null)) : setError(r.error.message)));
  }, []);
  useEffect(reload, [reload]);
  return { environments, error, reload };
}
