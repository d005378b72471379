import { protocol } from 'electron';
import { readRendererAsset } from '../static/renderer-assets';

/** The renderer's own origin: a custom scheme, so the page is never a file:// or an http:// page. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'connect';
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Must run before `app` is ready: makes app:// a secure, standard origin. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true } }]);
}

/** Serves the built renderer with its CSP header; any other host gets a 404. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return new Response('Not found', { status: 404 });
    const asset = await readRendererAsset(rendererDir, url.pathname);
    return new Response(new Uint8Array(asset.body), { status: asset.status, headers: asset.headers });
  });
}

/** True when a frame URL is the app's own page (and not a page it was tricked into loading). */
export function isAppUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}
