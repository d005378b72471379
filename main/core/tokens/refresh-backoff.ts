/** First retry waits up to about a second: long enough for a blip, short enough that nobody notices. */
export const BACKOFF_BASE_MS = 1_000;
/** No single wait grows past a minute, so a connection recovers soon after the network does. */
export const BACKOFF_CAP_MS = 60_000;
/** A Retry-After longer than this is not slept through inside one refresh; the refresh gives up and says when to retry. */
export const MAX_IN_FLIGHT_WAIT_MS = 5 * 60_000;

/**
 * Exponential backoff with full jitter (random between 0 and base·2^(attempt-1), capped), so many
 * connections failing together do not retry in lock-step; a larger Retry-After from the server wins.
 */
export function backoffDelay(
  attempt: number,
  random: () => number,
  retryAfterMs?: number,
  baseMs = BACKOFF_BASE_MS,
  capMs = BACKOFF_CAP_MS,
): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  const jittered = Math.floor(Math.min(1, Math.max(0, random())) * ceiling);
  return Math.max(jittered, retryAfterMs ?? 0);
}
