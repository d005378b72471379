const relative = new Intl.RelativeTimeFormat('en-GB', { numeric: 'auto' });

/** "in 37 minutes", "3 days ago": how far a time is from now, in words. */
export function fromNow(iso: string, now = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 60) return relative.format(seconds, 'second');
  if (abs < 3600) return relative.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return relative.format(Math.round(seconds / 3600), 'hour');
  if (abs < 45 * 86_400) return relative.format(Math.round(seconds / 86_400), 'day');
  if (abs < 365 * 86_400) return relative.format(Math.round(seconds / (30.44 * 86_400)), 'month');
  return relative.format(Math.round(seconds / (365.25 * 86_400)), 'year');
}

// Made once: `toLocaleString` with options builds a new formatter on every call (two per connection card).
const local = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** A local date and time a person reads at a glance. */
export function localTime(iso: string): string {
  return local.format(new Date(iso));
}
