import type { TrayMenu } from './keep-alive/background-policy';
import type { LoadedSignInPage } from './oauth/sign-in-navigation';

// The core's only ways out to the world. Each shell injects adapters; unit tests inject fakes.

/** The operating system's keychain: one entry per key, never plain text on disk. */
export interface SecretStore {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<boolean>;
}

/** What the user's sign-in window ended with. */
export type AuthWindowOutcome =
  { readonly kind: 'redirect'; readonly url: string } | { readonly kind: 'cancelled' } | { readonly kind: 'timeout' };

/** Shows the identity server's sign-in page and catches the redirect before it leaves the machine. */
export interface AuthWindow {
  /** Resolves once: redirect caught, window closed, 5 minutes passed, or `signal` aborted (→ cancelled). */
  open(request: {
    readonly url: string;
    readonly redirectUri: string;
    readonly issuerOrigin: string;
    readonly signal: AbortSignal;
    /** Called for each loaded page; the core decides whether it is the server's own error page (isLoadedSignInPage). */
    readonly onPageLoaded?: (page: LoadedSignInPage) => void;
  }): Promise<AuthWindowOutcome>;
}

/** The user's own browser, for sign-ins that refuse embedded windows (Google SSO). */
export interface ExternalBrowser {
  /** Adapters refuse any URL whose origin is not `issuerOrigin` (the allowlist). */
  open(url: string, issuerOrigin: string): Promise<void>;
  /** A web page the user asked to see, such as an API item's link into Xero; adapters refuse anything but https (mayOpenWebPage). */
  openWebPage(url: string): Promise<void>;
}

/** The system clipboard; copies of secrets go through main so they can be cleared again. */
export interface Clipboard {
  writeText(text: string): Promise<void>;
  readText(): Promise<string>;
}

/** Phases of one finished request in milliseconds, as far as a transport can measure them (null: not measured). */
export interface TransportTimings {
  readonly dnsMs: number | null;
  readonly connectMs: number | null;
  readonly tlsMs: number | null;
  /** DNS + connect + TLS together, for transports that cannot tell them apart. */
  readonly setupMs: number | null;
  readonly firstByteMs: number | null;
  readonly downloadMs: number | null;
}

/** fetch-shaped, so Electron's net.fetch (system proxy, OS certificates) and Node's fetch both fit. */
export type HttpTransport = ((url: string, init: RequestInit) => Promise<Response>) & {
  /** Names the network stack, so the ping tester can say which transport gave its figures. */
  readonly label?: string;
  /** Phases of the latest finished request to `url`, where the transport reports them (Node's fetch does; net.fetch does not). */
  readonly timings?: (url: string) => Promise<TransportTimings | null>;
};

/** Asks the user where to save a file (Electron's save dialog); the core writes the file itself. */
export interface SaveDialog {
  /** Resolves with the chosen path, or null when the user cancelled. */
  choosePath(request: {
    readonly title: string;
    readonly defaultName: string;
    readonly filters: readonly { readonly name: string; readonly extensions: readonly string[] }[];
  }): Promise<string | null>;
}

/** Shows a folder in the system's file manager ("Open logs folder"). */
export interface FolderOpener {
  /** Rejects with a reason when the folder could not be shown. */
  open(folder: string): Promise<void>;
}

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

/** A system notification (Electron's Notification); the Chromium shell records them. */
export interface Notifier {
  show(notice: { readonly title: string; readonly body: string }): void;
}

/** Starting the app at login (Electron's login item settings, Windows and macOS). */
export interface LoginItem {
  set(openAtLogin: boolean): void;
}

/** The tray / menu-bar icon while connections are kept alive in the background; the shell acts on Open and Quit itself. */
export interface TrayIcon {
  show(menu: TrayMenu, onCheckAll: () => void): void;
  hide(): void;
}

/** Everything the core needs from its shell. */
export interface Ports {
  readonly secrets: SecretStore;
  readonly authWindow: AuthWindow;
  readonly browser: ExternalBrowser;
  readonly clipboard: Clipboard;
  /** Optional so older harnesses keep working; without them, saving and "Open logs folder" say so in plain words. */
  readonly saveDialog?: SaveDialog;
  readonly folders?: FolderOpener;
  /** Optional like the two above: without them there are no system notifications, login item or tray icon. */
  readonly notifier?: Notifier;
  readonly loginItem?: LoginItem;
  readonly tray?: TrayIcon;
  readonly http: HttpTransport;
  readonly clock: Clock;
  readonly logger: Logger;
}
