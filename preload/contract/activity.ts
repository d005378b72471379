// The activity timeline: everything the app did, pushed as it happens.
import { call, push, type FeatureContract } from './define';
import type { Verdict } from './ping';

/** The kinds of thing the activity timeline records. */
export type ActivityKind = 'ping' | 'connect' | 'refresh' | 'reconnect-needed' | 'disconnect' | 'check' | 'error';

/** Something the app did, pushed to the renderer as it happens and kept for the timeline. */
export interface ActivityEntry {
  readonly at: string;
  readonly kind: ActivityKind;
  readonly summary: string;
  readonly tone: Verdict['tone'];
  /** The connection it concerns, and its name at the time, when it concerns one. */
  readonly connectionId?: string;
  readonly connectionLabel?: string;
  /** Lines under the summary, e.g. each step of a connection check ("Passed — The API answered /ping."). */
  readonly details?: readonly string[];
}

/** What the timeline screen may narrow to; absent fields match everything. */
export interface ActivityFilter {
  readonly connectionId?: string;
  readonly kind?: ActivityKind;
}

/** Calls and events of the timeline. */
export const activity = {
  calls: {
    list: call<ActivityFilter, ActivityEntry[]>(),
  },
  events: {
    added: push<ActivityEntry>(),
  },
} satisfies FeatureContract;
