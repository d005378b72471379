// Token endpoint fault switches, as Koa middleware in front of oidc-provider's token route.
import type Provider from 'oidc-provider';
import type { FaultSwitchboard } from './faults';

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

/** Makes the token endpoint fail, stall or drop the refresh token when the matching switch is on. */
export function installTokenFaults(provider: Provider, faults: FaultSwitchboard, tokenPath: string, stopping: AbortSignal): void {
  provider.use(async (ctx, next) => {
    if (ctx.method !== 'POST' || ctx.path !== tokenPath) return next();
    const { token: mode, tokenDelayMs } = faults.current;
    if (mode === 'server-error') {
      ctx.status = 503;
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { error: 'server_error', error_description: 'Simulated outage: the token endpoint is temporarily unavailable.' };
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
    if (mode === 'no-refresh-token' && ctx.status === 200 && typeof ctx.body === 'object' && ctx.body !== null) {
      delete (ctx.body as Record<string, unknown>).refresh_token;
    }
  });
}
