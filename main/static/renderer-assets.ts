import { readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * The renderer's Content-Security-Policy, sent as a header by both shells: only the app's own
 * scripts and styles, no network access from the page (everything goes through the bridge).
 */
export const RENDERER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** A file of the built renderer, ready to hand to a protocol handler or a route. */
export interface RendererAsset {
  readonly status: number;
  readonly body: Buffer;
  readonly headers: Record<string, string>;
}

/** Serves one path of the built renderer; never anything outside its folder. */
export async function readRendererAsset(root: string, urlPath: string): Promise<RendererAsset> {
  const headers = { 'Content-Security-Policy': RENDERER_CSP, 'X-Content-Type-Options': 'nosniff' };
  let relative: string;
  try {
    relative = decodeURIComponent(urlPath).replace(/^\/+/, '') || 'index.html';
  } catch {
    return { status: 400, body: Buffer.from('Bad request'), headers };
  }
  const file = path.resolve(root, relative);
  if (file !== root && !file.startsWith(root + path.sep))
    return { status: 403, body: Buffer.from('Forbidden'), headers };
  try {
    const body = await readFile(file);
    return {
      status: 200,
      body,
      headers: { ...headers, 'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream' },
    };
  } catch {
    return { status: 404, body: Buffer.from('Not found'), headers };
  }
}
