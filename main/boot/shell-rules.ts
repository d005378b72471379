// Rules both shells apply the same way, written once.
import type { Result } from '../../preload/contract';
import { fail } from '../core/result';
import { isLoopbackHost, isOpenableWebLink } from '../core/urls';

/** The answer to a bridge call from anywhere but the app window's own top frame. */
export const FORBIDDEN_SENDER: Result<never> = fail(
  'forbidden-sender',
  'This request did not come from the app window and was refused.',
);

/** The system browser opens only the environment's own sign-in server, over https (or this machine's simulator). */
export function mayOpenInBrowser(url: string, issuerOrigin: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const secure = parsed.protocol === 'https:' || (parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname));
  return secure && parsed.origin === issuerOrigin;
}

/** A link the user asked to open (an API item's `externalUrl`): https only, with no user name or password in it. */
export const mayOpenWebPage = isOpenableWebLink;

/** Why a link was not opened, for the adapters' rejection. */
export const NOT_A_SAFE_LINK = 'Refused to open a link that is not a plain https address';

/** Why an address was not opened, for the adapters' rejection. */
export const NOT_THE_SIGN_IN_PAGE = 'Refused to open an address that is not the sign-in page';
