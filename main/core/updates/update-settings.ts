import { z } from 'zod';
import { serverUrl } from '../environments/environment-schema';

/** What IT decides about updates in the admin config file; updates are on unless turned off. */
export interface UpdateSettings {
  readonly enabled: boolean;
  /** A generic update feed (e.g. IT's own mirror of the release files) instead of the built-in one. */
  readonly feedUrl?: string;
}

/** The default when the admin file says nothing: self-updating from the feed built into the installer. */
export const DEFAULT_UPDATE_SETTINGS: UpdateSettings = { enabled: true };

/** The `updates` object of the admin config file; an update feed must be https (http only on this computer). */
export const adminUpdatesSchema = z
  .object({ enabled: z.boolean().default(true), feedUrl: serverUrl.optional() })
  .default(DEFAULT_UPDATE_SETTINGS);
