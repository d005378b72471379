import { shell } from 'electron';
import { isLoopbackHost } from '../core/urls';
import type { ExternalBrowser } from '../core/ports';

/** Opens the system browser only on the environment's own sign-in server, over https (or this machine's simulator). */
export class ElectronExternalBrowser implements ExternalBrowser {
  async open(url: string, issuerOrigin: string): Promise<void> {
    const parsed = new URL(url);
    const secure = parsed.protocol === 'https:' || (parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname));
    if (!secure || parsed.origin !== issuerOrigin) throw new Error('Refused to open an address that is not the sign-in page');
    await shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK -- only the issuer's own https (or loopback) origin, checked on the line above
  }
}
