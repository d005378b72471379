import { shell } from 'electron';
import { mayOpenInBrowser, NOT_THE_SIGN_IN_PAGE } from '../boot/shell-rules';
import type { ExternalBrowser } from '../core/ports';

/** The system browser, on the sign-in server only (mayOpenInBrowser). */
export class ElectronExternalBrowser implements ExternalBrowser {
  async open(url: string, issuerOrigin: string): Promise<void> {
    if (!mayOpenInBrowser(url, issuerOrigin)) throw new Error(NOT_THE_SIGN_IN_PAGE);
    await shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK -- only the issuer's own https (or loopback) origin, checked by mayOpenInBrowser on the line above
  }
}
