import type { AuthWindowOutcome } from '../ports';

/** Sign-in windows give up after five minutes, for safety (README "Security checks"). */
export const AUTH_TIMEOUT_MS = 5 * 60_000;

/**
 * One outcome per sign-in window, for both shells' adapters: the first of redirect, close, cancel
 * (`signal`) or the 5-minute timeout wins, and `cleanup` (clear the session, destroy the window) runs once.
 */
export function oneOutcome(
  signal: AbortSignal,
  resolve: (outcome: AuthWindowOutcome) => void,
  cleanup: () => void,
): (outcome: AuthWindowOutcome) => void {
  let settled = false;
  const finish = (outcome: AuthWindowOutcome) => {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort);
    cleanup();
    resolve(outcome);
  };
  const onAbort = () => finish({ kind: 'cancelled' });
  const timer = setTimeout(() => finish({ kind: 'timeout' }), AUTH_TIMEOUT_MS);
  signal.addEventListener('abort', onAbort);
  if (signal.aborted) onAbort();
  return finish;
}
