import { net } from 'electron';
import type { HttpTransport } from '../core/ports';

/** HTTP through Chromium's network stack, so system proxies, PAC files and OS certificate stores apply. */
export const electronFetch: HttpTransport = (url, init) => net.fetch(url, init);
