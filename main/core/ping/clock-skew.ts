import type { ClockSkew } from '../../../preload/contract';

/** Beyond this the app warns: a Date header has one-second resolution, and token lifetimes are judged in minutes. */
export const SKEW_WARNING_SECONDS = 60;

/** Compares the server's `Date` header with this computer's clock at the moment the answer arrived. */
export function detectClockSkew(dateHeader: string | null, localNowMs: number): ClockSkew | null {
  if (!dateHeader) return null;
  const serverMs = Date.parse(dateHeader);
  if (!Number.isFinite(serverMs)) return null;
  // The header drops milliseconds: compare against the local time cut the same way.
  const skewSeconds = Math.round((serverMs - Math.floor(localNowMs / 1000) * 1000) / 1000);
  return {
    serverTime: new Date(serverMs).toISOString(),
    localTime: new Date(localNowMs).toISOString(),
    skewSeconds,
    warning: Math.abs(skewSeconds) > SKEW_WARNING_SECONDS ? skewWarning(skewSeconds) : null,
  };
}

/** "3 minutes 5 seconds", "2 hours 1 minute": a duration a person reads at a glance. */
export function describeSeconds(total: number): string {
  const s = Math.abs(Math.round(total));
  const parts: [number, string][] = [
    [Math.floor(s / 86_400), 'day'],
    [Math.floor((s % 86_400) / 3600), 'hour'],
    [Math.floor((s % 3600) / 60), 'minute'],
    [s % 60, 'second'],
  ];
  const shown = parts.filter(([n]) => n > 0).slice(0, 2);
  return shown.length ? shown.map(([n, unit]) => `${n} ${unit}${n === 1 ? '' : 's'}`).join(' ') : '0 seconds';
}

function skewWarning(skewSeconds: number): string {
  const direction = skewSeconds > 0 ? 'behind' : 'ahead of';
  return (
    `This computer's clock is ${describeSeconds(skewSeconds)} ${direction} ApprovalMax's. ` +
    'Token expiry is judged by the clock, so a wrong clock can make a valid token look expired (or an expired one look valid), and secure connections may fail. ' +
    'Set the date and time to update automatically (Windows: Settings → Time & language; macOS: System Settings → General → Date & Time), then try again.'
  );
}
