import { app } from 'electron';
import type { ProxyPrompt } from '../core/proxy/proxy-credentials';
import { proxyLoginAnswerer } from '../core/proxy/proxy-login-answer';

/**
 * Answers proxies that ask for a password on behalf of any window (the sign-in window above all);
 * the app's own requests answer theirs in net.ts. A site's own password prompt is cancelled.
 */
export function answerProxyLogins(askProxy: ProxyPrompt): void {
  const answer = proxyLoginAnswerer(askProxy);
  app.on('login', (event, contents, _details, authInfo, callback) => {
    if (!authInfo.isProxy) return;
    // Without preventDefault Electron cancels at once and a later callback does nothing.
    event.preventDefault();
    answer(contents ?? app, authInfo, callback);
  });
}
