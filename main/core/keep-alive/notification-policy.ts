// When the app shows a system notification about a connection: pure, so the "at most once a day"
// rule is tested over clocks that move both ways (README "Staying connected").

const DAY_MS = 24 * 60 * 60 * 1000;

/** The same notice about the same connection is shown at most this often. */
export const NOTIFY_AT_MOST_EVERY_MS = DAY_MS;

/** What a notification is about: a refresh token about to lapse, or a failed renewal or check. */
export type NoticeTopic = 'lapsing' | 'failure';

/**
 * Whether the same notice may be shown again. A clock that went back more than a day makes the last
 * time meaningless, so it may be shown again; a smaller step back waits out the day.
 */
export function notificationDue(lastShownAt: number | null, now: number): boolean {
  if (lastShownAt === null) return true;
  if (now < lastShownAt - NOTIFY_AT_MOST_EVERY_MS) return true;
  return now >= lastShownAt + NOTIFY_AT_MOST_EVERY_MS;
}

/**
 * Whether a topic notifies at all: a lapse always does (the person must act, and the banner may go
 * unseen); a failed renewal only in the background, where no window shows it.
 */
export function topicNotifies(topic: NoticeTopic, background: boolean): boolean {
  return topic === 'lapsing' || background;
}
