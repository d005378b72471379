import type { EnvironmentDetails } from '../../../preload/contract';
import { bridge } from '../../bridge';
import { useQuery, type Query } from '../../shared/use-query';

/** The environments with their settings state; `reload` after a change in Settings. */
export function useEnvironments(): Query<EnvironmentDetails[]> {
  return useQuery(bridge.environments.list);
}
