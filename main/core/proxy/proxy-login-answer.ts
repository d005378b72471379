import type { ProxyPrompt } from './proxy-credentials';

/** A proxy's request for credentials as Electron reports it (`authInfo`), without the retry flag. */
export interface ProxyLoginInfo {
  readonly host: string;
  readonly port: number;
  readonly realm: string;
  readonly scheme: string;
}

/** Electron's login callback: a user name and password, or nothing to cancel. */
export type LoginCallback = (username?: string, password?: string) => void;

/**
 * What both Electron adapters (a window's `login`, a request's `login`) do with a proxy's request:
 * a second request from the same asker for the same proxy means the last answer was refused; the
 * answer, or a cancel when there is none or asking failed, goes to the callback.
 */
export function proxyLoginAnswerer(
  ask: ProxyPrompt,
): (asker: object, info: ProxyLoginInfo, callback: LoginCallback) => void {
  const answered = new WeakMap<object, Set<string>>();
  return (asker, info, callback) => {
    const proxy = `${info.host}:${info.port}`;
    const seen = answered.get(asker) ?? new Set<string>();
    answered.set(asker, seen);
    const retry = seen.has(proxy);
    seen.add(proxy);
    const { host, port, realm, scheme } = info;
    void ask({ host, port, realm, scheme, retry }).then(
      (login) => (login ? callback(login.username, login.password) : callback()),
      () => callback(),
    );
  };
}
