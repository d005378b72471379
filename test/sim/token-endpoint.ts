// Token endpoint middleware in front of oidc-provider: ApprovalMax's response scope, and the fault switches.
import type { ServerResponse } from 'node:http';
import { decodeJwt } from 'jose';
import type Provider from 'oidc-provider';
import type { FaultSwitchboard } from './faults';
import { slideRefreshWindow } from './refresh-window';

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

/** oidc-provider's response `scope` omits offline_access; IdentityServer's lists what the token holds. */
function mirrorTokenScope(body: Record<string, unknown>): void {
  if (typeof body.access_token !== 'string') return;
  const scope = decodeJwt(body.access_token).scope;
  if (Array.isArray(scope)) body.scope = scope.join(' ');
}

/** The grant happened, but the connection dies half-way through the body, as on a flaky network. */
function dropMidResponse(res: ServerResponse, text: string, takeOver: () => void): void {
  takeOver();
  res.writeHead(200, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
  });
  res.write(text.slice(0, Math.floor(text.length / 2)), () => res.socket?.destroy());
}

/** Makes the token endpoint fail, stall or drop the refresh token when the matching switch is on; slides refresh windows. */
export function installTokenEndpointMiddleware(
  provider: Provider,
  faults: FaultSwitchboard,
  tokenPath: string,
  stopping: AbortSignal,
  issued: string[],
): void {
  provider.use(async (ctx, next) => {
    if (ctx.method !== 'POST' || ctx.path !== tokenPath) return next();
    const { token: mode, tokenDelayMs } = faults.current;
    if (mode === 'server-error') {
      ctx.status = 503;
      ctx.set('Cache-Control', 'no-store');
      ctx.body = {
        error: 'server_error',
        error_description: 'Simulated outage: the token endpoint is temporarily unavailable.',
      };
      return;
    }
    if (mode === 'invalid-grant') {
      ctx.status = 400;
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { error: 'invalid_grant', error_description: 'Simulated: the grant is invalid, expired or revoked.' };
      return;
    }
    if (mode === 'slow') await sleep(tokenDelayMs, stopping);
    await next();
    if (ctx.status !== 200 || typeof ctx.body !== 'object' || ctx.body === null) return;
    const body = ctx.body as Record<string, unknown>;
    await slideRefreshWindow(ctx, faults.current.refreshTokenTtl);
    mirrorTokenScope(body);
    if (mode === 'no-refresh-token') delete body.refresh_token;
    // Recorded so tests can prove no issued token ever reaches a log, a report or the renderer.
    for (const key of ['access_token', 'refresh_token', 'id_token'])
      if (typeof body[key] === 'string') issued.push(body[key] as string);
    if (mode === 'drop-connection') dropMidResponse(ctx.res, JSON.stringify(body), () => (ctx.respond = false));
  });
}
