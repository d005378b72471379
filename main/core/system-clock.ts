import type { Clock } from './ports';

/** The real clock, for both shells. */
export const systemClock: Clock = { now: () => Date.now(), monotonic: () => performance.now() };
