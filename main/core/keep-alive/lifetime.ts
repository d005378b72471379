// When a refresh token lapses, when to warn, and when the app renews it: pure functions of the last
// renewal, the lifetime and the clock (README "Staying connected"). A refresh token lives in a sliding
// window: each refresh starts it again (ApprovalMax: 30 days).
import { isApprovalMaxIssuer } from '../environments/provider-words';

const DAY_MS = 24 * 60 * 60 * 1000;

/** ApprovalMax's refresh tokens lapse after 30 days without a refresh. */
export const APPROVALMAX_REFRESH_TOKEN_LIFETIME_DAYS = 30;
/** The app renews at least this often while it runs, so a connection used weekly never lapses. */
export const RENEW_AT_LEAST_EVERY_MS = 7 * DAY_MS;
/** Warnings start this long before a lapse (for a 30-day lifetime: its last sixth). */
export const WARN_BEFORE_LAPSE_MS = 5 * DAY_MS;

/**
 * The refresh-token lifetime in milliseconds: the environment's setting, else 30 days for ApprovalMax's
 * servers; null for other servers unless configured (their lifetime is unknown, so nothing is promised).
 */
export function refreshTokenLifetimeMs(env: { issuer: string; refreshTokenLifetimeDays?: number }): number | null {
  const days =
    env.refreshTokenLifetimeDays ?? (isApprovalMaxIssuer(env.issuer) ? APPROVALMAX_REFRESH_TOKEN_LIFETIME_DAYS : null);
  return days === null ? null : days * DAY_MS;
}

/**
 * How often to renew: every 7 days, or a quarter of a shorter lifetime, so a renewal always lands well
 * before the warnings start.
 */
export function renewalIntervalMs(lifetimeMs: number | null): number {
  return lifetimeMs === null ? RENEW_AT_LEAST_EVERY_MS : Math.min(RENEW_AT_LEAST_EVERY_MS, lifetimeMs / 4);
}

/** How long before a lapse the warnings start: 5 days, or the last sixth of a shorter lifetime. */
export function warningWindowMs(lifetimeMs: number): number {
  return Math.min(WARN_BEFORE_LAPSE_MS, lifetimeMs / 6);
}

/** After a renewal failed, the next try waits this long (the refresher itself already retried a few times). */
export const RETRY_FAILED_RENEWAL_MS = 15 * 60_000;

/** Whether to renew now, and if not, when. */
export type RenewalDecision =
  { readonly renew: true; readonly why: 'due' | 'clock-went-back' } | { readonly renew: false; readonly at: number };

/** A clock this little behind the last renewal is ordinary drift (a time sync), not a jump back. */
export function clockDriftToleranceMs(lifetimeMs: number | null): number {
  return Math.min(60 * 60_000, renewalIntervalMs(lifetimeMs) / 4);
}

/**
 * When the refresh token needs renewing. A clock that went back further than ordinary drift (now well
 * before the last renewal) makes its age unknown, so it renews at once — once: the renewal starts the
 * count again from now. A renewal that failed is tried again after RETRY_FAILED_RENEWAL_MS (at once if
 * the clock went back past that failure).
 */
export function renewalDecision(
  renewedAt: number,
  lifetimeMs: number | null,
  now: number,
  lastFailedAt: number | null = null,
): RenewalDecision {
  const retryAt = lastFailedAt === null || now < lastFailedAt ? null : lastFailedAt + RETRY_FAILED_RENEWAL_MS;
  if (retryAt !== null && now < retryAt) return { renew: false, at: retryAt };
  if (now < renewedAt - clockDriftToleranceMs(lifetimeMs)) return { renew: true, why: 'clock-went-back' };
  const at = renewedAt + renewalIntervalMs(lifetimeMs);
  return now >= at ? { renew: true, why: 'due' } : { renew: false, at };
}

/** Where a refresh token stands in its lifetime. */
export type LifetimePhase = 'alive' | 'lapsing-soon' | 'lapsed';

export function lifetimePhase(renewedAt: number, lifetimeMs: number, now: number): LifetimePhase {
  const lapsesAt = renewedAt + lifetimeMs;
  if (now >= lapsesAt) return 'lapsed';
  // A clock that went backwards is never closer to the lapse than the lifetime itself allows.
  return now >= lapsesAt - warningWindowMs(lifetimeMs) ? 'lapsing-soon' : 'alive';
}

/** "3 Jan 2027" in this computer's time zone. */
export function dayText(ms: number, withYear = true): string {
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    ...(withYear ? { year: 'numeric' } : {}),
  }).format(new Date(ms));
}

/** "3 Jan 2027, 14:05" in this computer's time zone, for lifetimes shorter than a few days. */
function momentText(ms: number): string {
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(ms));
}

/** A lapse time in the precision its lifetime deserves: a day for weeks, minutes for a lifetime of hours. */
function lapseText(lapsesAt: number, lifetimeMs: number, withYear = true): string {
  return lifetimeMs >= 3 * DAY_MS ? dayText(lapsesAt, withYear) : momentText(lapsesAt);
}

/** The card's words for one connection's lifetime, and the warning while it is lapsing. */
export function lifetimeWords(
  renewedAt: number,
  lifetimeMs: number,
  now: number,
): { phase: LifetimePhase; lapsesAt: number; words: string; warning: string | null } {
  const lapsesAt = renewedAt + lifetimeMs;
  const phase = lifetimePhase(renewedAt, lifetimeMs, now);
  const until = lapseText(lapsesAt, lifetimeMs);
  if (phase === 'lapsed')
    return {
      phase,
      lapsesAt,
      words: `Was due to stop on ${until}: it was last renewed ${lapseText(renewedAt, lifetimeMs)}.`,
      warning: null,
    };
  const words = `Stays connected until about ${until} even if this app is not opened.`;
  if (phase === 'alive') return { phase, lapsesAt, words, warning: null };
  return {
    phase,
    lapsesAt,
    words,
    warning: `Open this app before ${lapseText(lapsesAt, lifetimeMs, false)} or reconnect: the connection has not been renewed since ${lapseText(renewedAt, lifetimeMs)}, and it stops working if it is not renewed by then.`,
  };
}

/** Why a connection needs reconnecting once its refresh token lapsed, in words (replaces the server's terse refusal). */
export function lapsedReason(renewedAt: number, lifetimeMs: number, serverName: string): string {
  const days = Math.round(lifetimeMs / DAY_MS);
  const span = days >= 1 ? `${days} day${days === 1 ? '' : 's'}` : 'its lifetime';
  return (
    `It was not renewed for ${span} (last renewed ${lapseText(renewedAt, lifetimeMs)}), so ${serverName} let the connection lapse. ` +
    'This happens when this app is not opened for that long. Reconnect to continue; to avoid it, open the app at least weekly or turn on "Keep connections alive in the background" in Settings.'
  );
}
