import { shell } from 'electron';
import { mayOpenInBrowser, mayOpenWebPage, NOT_A_SAFE_LINK, NOT_THE_SIGN_IN_PAGE } from '../boot/shell-rules';
import type { ExternalBrowser } from '../core/ports';

/** The system browser: the sign-in server (mayOpenInBrowser), and https links the user chose (mayOpenWebPage). */
export class ElectronExternalBrowser implements ExternalBrowser {
  async open(url: string, issuerOrigin: string): Promise<void> {
    if (!mayOpenInBrowser(url, issuerOrigin)) throw new Error(NOT_THE_SIGN_IN_PAGE);
    await shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK -- only the issuer's own https (or loopback) origin, checked by mayOpenInBrowser on the line above
  }

  async openWebPage(url: string): Promise<void> {
    if (!mayOpenWebPage(url)) throw new Error(NOT_A_SAFE_LINK);
    await shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK -- https only, no credentials, checked by mayOpenWebPage on the line above
  }
}
