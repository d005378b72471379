import type { FeatureHandlers } from '../../../preload/contract';
import { ok } from '../result';
import type { ActivityLog } from './activity-log';

/** The timeline screen's call: the kept entries, newest first, narrowed by connection and kind. */
export function activityHandlers(log: ActivityLog): FeatureHandlers<'activity'> {
  return { list: async (filter) => ok(log.list(filter)) };
}
