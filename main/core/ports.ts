// The core's only ways out to the world. Each shell injects adapters; unit tests inject fakes.

/** The operating system's keychain: one entry per key, never plain text on disk. */
export interface SecretStore {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<boolean>;
}

/** What the user's sign-in window ended with. */
export type AuthWindowOutcome =
  | { readonly kind: 'redirect'; readonly url: string }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'timeout' };

/** Shows the identity server's sign-in page and catches the redirect before it leaves the machine. */
export interface AuthWindow {
  /** Resolves once: redirect caught, window closed, 5 minutes passed, or `signal` aborted (→ cancelled). */
  open(request: { readonly url: string; readonly redirectUri: string; readonly issuerOrigin: string; readonly signal: AbortSignal }): Promise<AuthWindowOutcome>;
}

/** The user's own browser, for sign-ins that refuse embedded windows (Google SSO). */
export interface ExternalBrowser {
  /** Adapters refuse any URL whose origin is not `issuerOrigin` (the allowlist). */
  open(url: string, issuerOrigin: string): Promise<void>;
}

/** The system clipboard; copies of secrets go through main so they can be cleared again. */
export interface Clipboard {
  writeText(text: string): Promise<void>;
  readText(): Promise<string>;
}

/** fetch-shaped, so Electron's net.fetch (system proxy, OS certificates) and Node's fetch both fit. */
export type HttpTransport = (url: string, init: RequestInit) => Promise<Response>;

/** Time, injected so tests can move it. `monotonic` is for durations and never jumps. */
export interface Clock {
  now(): number;
  monotonic(): number;
}

/** Structured logging. Fields must never hold secrets; the adapters redact again to be sure. */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** Everything the core needs from its shell. */
export interface Ports {
  readonly secrets: SecretStore;
  readonly authWindow: AuthWindow;
  readonly browser: ExternalBrowser;
  readonly clipboard: Clipboard;
  readonly http: HttpTransport;
  readonly clock: Clock;
  readonly logger: Logger;
}
