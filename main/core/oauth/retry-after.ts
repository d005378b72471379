/** Servers ask for long pauses by mistake too; a wait above a day is treated as "no usable hint". */
const MAX_RETRY_AFTER_MS = 24 * 60 * 60_000;

/**
 * Reads Retry-After (delay-seconds or an HTTP date) as milliseconds, so a rate-limited client waits as
 * long as it was asked. A date is measured against the response's own `Date` header when present, so a
 * wrong clock on this computer does not stretch or shrink the wait.
 */
export function parseRetryAfter(
  value: string | null | undefined,
  now: number,
  serverDate?: string | null,
): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return clamp(Number(text) * 1000);
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  const reference = serverDate ? Date.parse(serverDate) : Number.NaN;
  return clamp(at - (Number.isNaN(reference) ? now : reference));
}

function clamp(ms: number): number | undefined {
  if (!Number.isFinite(ms) || ms > MAX_RETRY_AFTER_MS) return undefined;
  return Math.max(0, Math.round(ms));
}
