import { BrowserWindow, session, type BrowserWindowConstructorOptions, type Session } from 'electron';
import { isRedirectTarget } from '../core/oauth/redirect-matcher';
import type { AuthWindow, AuthWindowOutcome } from '../core/ports';
import { mayNavigate } from '../core/oauth/sign-in-navigation';
import { oneOutcome } from '../core/oauth/sign-in-window';
import { AUTH_PARTITION, authWindowPreferences, describeOrigin } from './window-policy';

/**
 * The embedded sign-in window, the redirect caught before it leaves. Electron cannot release a
 * session, so every flow uses the same in-memory partition, wiped before and after: nothing of one
 * sign-in (cookies, storage, cache, proxy passwords, open connections) reaches the next.
 */
export class ElectronAuthWindow implements AuthWindow {
  constructor(private readonly parent: () => BrowserWindow | undefined) {}

  open(request: Parameters<AuthWindow['open']>[0]): Promise<AuthWindowOutcome> {
    if (request.signal.aborted) return Promise.resolve({ kind: 'cancelled' });
    const authSession = session.fromPartition(AUTH_PARTITION, { cache: false });
    return wipe(authSession).then(() => this.show(authSession, request));
  }

  private show(
    authSession: Session,
    { url, redirectUri, issuerOrigin, signal, onPageLoaded }: Parameters<AuthWindow['open']>[0],
  ): Promise<AuthWindowOutcome> {
    if (signal.aborted) return Promise.resolve({ kind: 'cancelled' });
    const partition = AUTH_PARTITION;
    const parent = this.parent();
    const options: BrowserWindowConstructorOptions = {
      width: 520,
      height: 720,
      title: 'Sign in to ApprovalMax',
      autoHideMenuBar: true,
      webPreferences: authWindowPreferences(partition),
      ...(parent ? { parent } : {}),
    };
    const window = new BrowserWindow(options); // eng-disable SANDBOX_JS_CHECK CONTEXT_ISOLATION_JS_CHECK AUXCLICK_JS_CHECK -- set by authWindowPreferences() in window-policy.ts (asserted exactly by tests); middle-click opens nothing since setWindowOpenHandler denies
    const contents = window.webContents;

    return new Promise<AuthWindowOutcome>((resolve) => {
      const finish = oneOutcome(signal, resolve, () => {
        void wipe(authSession).finally(() => {
          if (!window.isDestroyed()) window.destroy();
        });
      });

      authSession.setPermissionRequestHandler((_c, _p, callback) => callback(false));
      authSession.setPermissionCheckHandler(() => false);
      // The last line of defence: the redirect URI never reaches the network, whichever way it is requested.
      authSession.webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, (details, callback) => {
        if (isRedirectTarget(details.url, redirectUri)) {
          callback({ cancel: true });
          finish({ kind: 'redirect', url: details.url });
        } else callback({});
      });
      const guard = (event: { preventDefault(): void; url: string }) => {
        if (isRedirectTarget(event.url, redirectUri)) {
          event.preventDefault();
          finish({ kind: 'redirect', url: event.url });
        } else if (!mayNavigate(event.url, issuerOrigin)) event.preventDefault();
      };
      contents.on('will-navigate', guard);
      contents.on('will-redirect', guard);
      contents.setWindowOpenHandler(() => ({ action: 'deny' }));
      contents.on('will-attach-webview', (event) => event.preventDefault());
      // The title tells the user where they are typing their password, and whether it is secure.
      contents.on('page-title-updated', (event, title) => {
        event.preventDefault();
        window.setTitle(`${title} — ${describeOrigin(contents.getURL())}`);
      });
      // Every loaded page goes to the core, which tells the server's own error page from the rest.
      let status: number | null = null;
      contents.on('did-navigate', (_event, _url, httpResponseCode) => {
        status = httpResponseCode > 0 ? httpResponseCode : null;
        window.setTitle(`Sign in — ${describeOrigin(contents.getURL())}`);
      });
      contents.on('did-finish-load', () =>
        onPageLoaded?.({ url: contents.getURL(), status, title: contents.getTitle() }),
      );
      window.on('closed', () => finish({ kind: 'cancelled' }));
      if (!signal.aborted) void window.loadURL(url).catch(() => undefined);
    });
  }
}

/** Everything a sign-in leaves in its session: data, HTTP and auth caches, and open connections. */
function wipe(authSession: Session): Promise<void> {
  return Promise.all([authSession.clearData(), authSession.clearAuthCache(), authSession.closeAllConnections()]).then(
    () => undefined,
    () => undefined,
  );
}
