import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RENDERER_CSP, readRendererAsset } from '../../../main/static/renderer-assets';

const root = mkdtempSync(path.join(os.tmpdir(), 'amc-assets-'));
mkdirSync(path.join(root, 'assets'));
writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
writeFileSync(path.join(os.tmpdir(), 'amc-secret.txt'), 'secret');

describe('readRendererAsset', () => {
  it('serves files with their type and the strict CSP', async () => {
    const asset = await readRendererAsset(root, '/assets/app.js');
    expect(asset.status).toBe(200);
    expect(asset.headers['Content-Type']).toBe('text/javascript; charset=utf-8');
    expect(asset.headers['Content-Security-Policy']).toBe(RENDERER_CSP);
    expect((await readRendererAsset(root, '/')).body.toString()).toBe('<!doctype html>');
  });

  it('CSP allows only the app itself and no network', () => {
    expect(RENDERER_CSP).toContain("default-src 'none'");
    expect(RENDERER_CSP).toContain("script-src 'self'");
    expect(RENDERER_CSP).toContain("connect-src 'none'");
    expect(RENDERER_CSP).not.toContain('unsafe');
  });

  it.each(['/../amc-secret.txt', '/%2e%2e/amc-secret.txt', '/assets/../../amc-secret.txt'])(
    'never leaves its folder: %s',
    async (p) => {
      const asset = await readRendererAsset(root, p);
      expect(asset.status).not.toBe(200);
      expect(asset.body.toString()).not.toBe('secret');
    },
  );

  it('404s a missing file and 400s a broken escape', async () => {
    expect((await readRendererAsset(root, '/nope.js')).status).toBe(404);
    expect((await readRendererAsset(root, '/%E0%A4%A')).status).toBe(400);
  });
});
