import type { Scheduler } from './ports';

/** The real timer for the update policy; unref'd so a pending check never keeps the app alive. */
export const systemScheduler: Scheduler = {
  every(intervalMs, task) {
    const handle = setInterval(task, intervalMs);
    handle.unref?.();
    return () => clearInterval(handle);
  },
};
