import { net } from 'electron';
import type { HttpTransport } from '../core/ports';

/** HTTP through Chromium's network stack, so system proxies, PAC files and OS certificate stores apply; it reports no phase timings. */
export const electronFetch: HttpTransport = Object.assign((url: string, init: RequestInit) => net.fetch(url, init), {
  label: "Electron's network stack (net.fetch)",
});
