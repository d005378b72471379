import { app } from 'electron';
import type { ProxyPrompt } from '../core/proxy/proxy-credentials';

/**
 * Answers proxies that ask for a password on behalf of any window (the sign-in window above all);
 * the app's own requests answer theirs in net.ts. A site's own password prompt is cancelled.
 */
export function answerProxyLogins(askProxy: ProxyPrompt): void {
  const answered = new WeakMap<object, Set<string>>();
  app.on('login', (event, contents, _details, authInfo, callback) => {
    if (!authInfo.isProxy) return;
    // Without preventDefault Electron cancels at once and a later callback does nothing.
    event.preventDefault();
    const proxy = `${authInfo.host}:${authInfo.port}`;
    const asker: object = contents ?? app;
    const seen = answered.get(asker) ?? new Set<string>();
    answered.set(asker, seen);
    const retry = seen.has(proxy);
    seen.add(proxy);
    void askProxy({
      host: authInfo.host,
      port: authInfo.port,
      realm: authInfo.realm,
      scheme: authInfo.scheme,
      retry,
    }).then(
      (login) => (login ? callback(login.username, login.password) : callback()),
      () => callback(),
    );
  });
}
