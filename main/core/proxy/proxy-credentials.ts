// Proxies that ask for a user name and password: the user is asked once per proxy (in an app
// dialog), the answer is kept in memory for the session and, only if they tick it, in the keychain.
import { randomUUID } from 'node:crypto';
import type { ProxyAnswer, ProxyChallengeView, Result } from '../../../preload/contract';
import type { EventHub } from '../events';
import type { Logger, SecretStore } from '../ports';
import { fail, ok } from '../result';

/** What a network stack reports when a proxy asks for credentials. */
export interface ProxyChallenge {
  readonly host: string;
  readonly port: number;
  readonly realm: string;
  readonly scheme: string;
  /** True when this same request already received credentials for this proxy: they were refused. */
  readonly retry: boolean;
}

/** A user name and password for one proxy. */
export interface ProxyLogin {
  readonly username: string;
  readonly password: string;
}

/** How a shell's network adapters ask; null means "cancel" (the request then fails as a proxy error). */
export type ProxyPrompt = (challenge: ProxyChallenge) => Promise<ProxyLogin | null>;

/** How long the dialog waits for the user before the request is given up. */
export const PROXY_PROMPT_TIMEOUT_MS = 5 * 60_000;

const keyOf = (c: Pick<ProxyChallenge, 'host' | 'port'>) => `${c.host.toLowerCase()}:${c.port}`;
const secretKey = (proxy: string) => `proxy:${proxy}`;

/** Asks once per proxy, however many requests are waiting on it. */
export class ProxyCredentials {
  private readonly known = new Map<string, ProxyLogin>();
  private readonly asking = new Map<string, Promise<ProxyLogin | null>>();
  private readonly pending = new Map<string, { resolve(answer: ProxyLogin | null): void; view: ProxyChallengeView }>();

  constructor(
    private readonly secrets: SecretStore,
    private readonly events: EventHub,
    private readonly logger: Logger,
    private readonly timeoutMs = PROXY_PROMPT_TIMEOUT_MS,
  ) {}

  /** The adapters' entry point (a ProxyPrompt). */
  readonly ask: ProxyPrompt = async (challenge) => {
    const proxy = keyOf(challenge);
    if (challenge.retry) await this.forget(proxy);
    const known = this.known.get(proxy) ?? (await this.remembered(proxy));
    if (known) return known;
    let asking = this.asking.get(proxy);
    if (!asking) {
      asking = this.prompt(challenge).finally(() => this.asking.delete(proxy));
      this.asking.set(proxy, asking);
    }
    return asking;
  };

  /** The renderer's answer to one dialog; `remember` keeps it in the keychain. */
  async answer(id: string, answer: ProxyAnswer): Promise<Result<null>> {
    const waiting = this.pending.get(id);
    if (!waiting)
      return fail('unknown-request', 'That proxy sign-in is no longer waiting. Try again if the app asks once more.');
    this.pending.delete(id);
    if (answer.kind === 'cancel') {
      waiting.resolve(null);
      return ok(null);
    }
    const login = { username: answer.username, password: answer.password };
    const proxy = keyOf(waiting.view);
    this.known.set(proxy, login);
    if (answer.remember) {
      await this.secrets
        .set(secretKey(proxy), JSON.stringify(login))
        .catch(() => this.logger.warn('proxy: could not keep the password in the keychain', { proxy }));
    }
    waiting.resolve(login);
    return ok(null);
  }

  /** Dialogs still open, for a window that opens (or reloads) while a request waits. */
  waiting(): ProxyChallengeView[] {
    return [...this.pending.values()].map((p) => p.view);
  }

  private prompt(challenge: ProxyChallenge): Promise<ProxyLogin | null> {
    const view: ProxyChallengeView = {
      id: randomUUID(),
      host: challenge.host,
      port: challenge.port,
      realm: challenge.realm,
      scheme: challenge.scheme,
      refused: challenge.retry,
    };
    this.logger.info('proxy: asking for a user name and password', {
      proxy: keyOf(challenge),
      scheme: challenge.scheme,
    });
    return new Promise((resolve) => {
      const timer = setTimeout(() => void this.answer(view.id, { kind: 'cancel' }), this.timeoutMs);
      timer.unref?.();
      this.pending.set(view.id, { view, resolve: (a) => (clearTimeout(timer), resolve(a)) });
      this.events.emit('proxy:credentialsNeeded', view);
    });
  }

  private async remembered(proxy: string): Promise<ProxyLogin | null> {
    const stored = await this.secrets.get(secretKey(proxy)).catch(() => null);
    if (!stored) return null;
    try {
      const login = JSON.parse(stored) as ProxyLogin;
      if (typeof login.username === 'string' && typeof login.password === 'string') {
        this.known.set(proxy, login);
        return login;
      }
    } catch {
      // A damaged entry is simply asked for again.
    }
    return null;
  }

  private async forget(proxy: string): Promise<void> {
    this.known.delete(proxy);
    await this.secrets.delete(secretKey(proxy)).catch(() => false);
  }
}
