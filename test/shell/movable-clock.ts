import type { Clock } from '../../main/core/ports';

/**
 * The system clock plus an offset a test can move, as when a computer wakes after days asleep or its
 * date is changed: `now` jumps, `monotonic` (durations) does not. Timers keep running on real time.
 */
export class MovableClock implements Clock {
  private offsetMs = 0;

  now = () => Date.now() + this.offsetMs;
  monotonic = () => performance.now();

  /** Moves the wall clock by `ms` (negative: backwards). */
  move(ms: number): void {
    this.offsetMs += ms;
  }
}
