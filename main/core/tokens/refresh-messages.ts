// Plain words for refresh outcomes that do not come from the token endpoint itself.

/** The newest tokens could not be stored, so they were not used (README "Staying connected"). */
export const KEYCHAIN_WRITE_FAILED =
  "The identity server sent new sign-in details for this connection, but they could not be saved in this computer's keychain, so they were not used. " +
  'The keychain may be locked or unavailable. Unlock it (or sign in to your computer again) and try again; if this keeps happening, reconnect the organisation.';

/** The stored tokens could not be read, which is not the same as "not connected". */
export const KEYCHAIN_READ_FAILED =
  "This connection's saved sign-in could not be read from this computer's keychain. The keychain may be locked or unavailable. " +
  'Unlock it (or sign in to your computer again) and try again.';

/** Without a refresh token the connection cannot renew itself. */
export const NO_REFRESH_TOKEN =
  'This connection cannot renew its access by itself, because no refresh token is saved for it. It was probably connected without ' +
  'offline access, or its saved sign-in was removed from the keychain. Reconnect the organisation to continue.';

/** Nothing stored at all for the connection. */
export const NOT_CONNECTED =
  'No saved sign-in was found for this connection. It may have been disconnected, or its keychain entries were removed. Reconnect the organisation to continue.';

/** The environment (Client ID, secret, token endpoint) is gone. */
export const NO_CLIENT_SETTINGS =
  "This connection's environment settings could not be found, so its access could not be renewed. The environment may have been removed, " +
  'or its Client secret is missing from the keychain. Check the environment settings, then reconnect the organisation.';

/** A bug or an adapter that threw something unexpected; the details go to the log, not to the user. */
export const UNEXPECTED_REFRESH_ERROR =
  "Renewing this connection's access failed because of an unexpected problem in ApprovalMax Connect. Try again; if it keeps happening, " +
  'send a diagnostics report to support.';

/** Appended when retries ran out, so the user knows it was not a single hiccup. */
export function afterAttempts(message: string, attempts: number): string {
  return `${message} (Tried ${attempts} time${attempts === 1 ? '' : 's'}.)`;
}
