import type { Logger, SecretStore } from '../core/ports';
import { RESERVED_PREFIX } from './chunk-format';
import { ChunkedSecretStore } from './chunked-secret-store';
import { loadKeytarBackend, type KeychainBackend } from './keychain-backend';
import { MemorySecretStore } from './memory-secret-store';

/** An account no caller can use, so probing never reads or creates a real secret. */
export const PROBE_ACCOUNT = `${RESERVED_PREFIX}probe`;

/** Long enough for a slow keychain to answer, short enough that a hung D-Bus does not freeze start. */
export const DEFAULT_PROBE_TIMEOUT_MS = 4000;

/** What the shell passes at start; `loadBackend` is injectable so tests can offer a keychain that fails. */
export interface OpenSecretStoreOptions {
  readonly service: string;
  readonly platform: string; // process.platform, as AppConfig carries it
  readonly logger?: Logger;
  readonly loadBackend?: () => Promise<KeychainBackend>;
  readonly probeTimeoutMs?: number;
}

/** The store to use, which kind it is, and — when tokens will not survive a restart — words to show the user. */
export interface OpenedSecretStore {
  readonly store: SecretStore;
  readonly backend: 'keychain' | 'memory';
  readonly notice?: string;
}

/** Picks the store once at start: the OS keychain if it answers, else memory for this session — never a file. */
export async function openSecretStore(options: OpenSecretStoreOptions): Promise<OpenedSecretStore> {
  const { service, platform, logger } = options;
  const timeoutMs = options.probeTimeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS;
  try {
    const backend = await withTimeout(probe(service, options.loadBackend ?? loadKeytarBackend), timeoutMs);
    logger?.info('Keychain available; secrets are kept there.', { platform });
    return { store: new ChunkedSecretStore(service, backend), backend: 'keychain' };
  } catch (error) {
    logger?.warn('No usable keychain; secrets are kept in memory for this session only.', {
      platform,
      reason: reasonOf(error),
    });
    return { store: new MemorySecretStore(), backend: 'memory', notice: noKeychainNotice(platform) };
  }
}

/** The plain-words notice for a session without a keychain, naming the keychain this OS should have. */
export function noKeychainNotice(platform: string): string {
  const consequence =
    'so ApprovalMax Connect keeps tokens in memory only until you quit: you will need to connect again next time. ' +
    'Nothing is written to disk in plain text.';
  switch (platform) {
    case 'darwin':
      return `ApprovalMax Connect could not use the macOS Keychain (it may be locked, or access was refused), ${consequence} To keep your connections, unlock the keychain and restart ApprovalMax Connect.`;
    case 'win32':
      return `ApprovalMax Connect could not use Windows Credential Manager, ${consequence} To keep your connections, check that Credential Manager is available to your account and restart ApprovalMax Connect.`;
    case 'linux':
      return `This computer has no keychain service running (GNOME Keyring or KWallet), ${consequence} To keep your connections, install or start GNOME Keyring or KWallet and restart ApprovalMax Connect.`;
    default:
      return `ApprovalMax Connect could not find a keychain on this computer, ${consequence}`;
  }
}

async function probe(service: string, loadBackend: () => Promise<KeychainBackend>): Promise<KeychainBackend> {
  const backend = await loadBackend();
  await backend.getPassword(service, PROBE_ACCOUNT);
  return backend;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`The keychain did not answer within ${ms} ms.`)), ms);
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
