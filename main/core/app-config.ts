import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { describeRule } from './field-words';
import { DEFAULT_SCOPES, type Environment } from './environments/environments';
import { adminEnvironmentSchema } from './environments/environment-schema';
import { adminUpdatesSchema, DEFAULT_UPDATE_SETTINGS, type UpdateSettings } from './updates/update-settings';

/** Settings the shell hands to the core: where data lives and who we are. */
export interface AppConfig {
  readonly dataDir: string;
  readonly keychainService: string;
  readonly productName: string;
  readonly version: string;
  readonly platform: string;
  readonly shell: 'electron' | 'chromium';
  readonly pingTimeoutMs: number;
  readonly environments: readonly Environment[];
  /** Client Secrets the admin file provided, by environment id; written to the keychain at start. */
  readonly adminSecrets: ReadonlyMap<string, string>;
  /** Whether the app updates itself, and from where; IT can turn it off in the admin file (absent = on). */
  readonly updates?: UpdateSettings;
  /** "Keep connections alive in the background" as the admin file forces it; absent: the person decides. */
  readonly keepAliveInBackground?: boolean;
  /** How often the app looks for connections to renew or warn about (default a minute; tests shorten it). */
  readonly keepAliveCheckMs?: number;
  /** Plain-words problems found while reading the configuration; the app starts anyway. */
  readonly notices: readonly string[];
}

/** What the shell knows before the core reads the environment variables and the admin file. */
export interface ShellDefaults {
  readonly userDataDir: string;
  readonly productName: string;
  readonly version: string;
  readonly platform: string;
  readonly shell: 'electron' | 'chromium';
}

const adminFileSchema = z.object({
  environments: z.array(adminEnvironmentSchema).default([]),
  updates: adminUpdatesSchema,
  keepAliveInBackground: z.boolean().optional(),
});

/** Reads env variables and the optional admin config file; never throws for a bad file. */
export async function loadAppConfig(env: Record<string, string | undefined>, shell: ShellDefaults): Promise<AppConfig> {
  const dataDir = env.APPROVALMAX_CONNECT_DATA_DIR || shell.userDataDir;
  const adminFile = env.APPROVALMAX_CONNECT_CONFIG || path.join(dataDir, 'config.json');
  const admin = await readAdminFile(adminFile, Boolean(env.APPROVALMAX_CONNECT_CONFIG));
  const timeout = Number(env.APPROVALMAX_CONNECT_PING_TIMEOUT_MS);
  const keepAliveCheck = Number(env.APPROVALMAX_CONNECT_KEEP_ALIVE_CHECK_MS);
  return {
    ...shell,
    dataDir,
    keychainService: env.APPROVALMAX_CONNECT_KEYCHAIN_SERVICE || shell.productName,
    pingTimeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout : 15_000,
    environments: admin.environments,
    adminSecrets: admin.secrets,
    updates: admin.updates,
    ...(admin.keepAliveInBackground !== undefined ? { keepAliveInBackground: admin.keepAliveInBackground } : {}),
    ...(Number.isFinite(keepAliveCheck) && keepAliveCheck > 0 ? { keepAliveCheckMs: keepAliveCheck } : {}),
    notices: admin.notices,
  };
}

interface AdminFile {
  environments: Environment[];
  secrets: Map<string, string>;
  updates: UpdateSettings;
  keepAliveInBackground?: boolean;
  notices: string[];
}

/** The largest admin file read: far above any real one (1,000 environments take about 0.4 MB), small enough to parse at once. */
export const MAX_ADMIN_FILE_BYTES = 5 * 1024 * 1024;

/** Megabytes as a person reads them; never rounded down to the limit itself. */
function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 10 ? String(Math.round(mb)) : (Math.ceil(mb * 10) / 10).toFixed(1).replace(/\.0$/, '');
}

type FileText = { readonly text: string } | { readonly missing: true } | { readonly refused: string };

/** The file's text, its size checked with stat before a byte is read; reads at most the limit, even if the file grows meanwhile. */
async function readLimited(file: string, limit: number): Promise<FileText> {
  const tooBig = (size: number) => ({
    refused: `it is ${megabytes(size)} MB, over the ${megabytes(limit)} MB limit for this file`,
  });
  try {
    const info = await stat(file);
    if (!info.isFile()) return { refused: 'it is a folder or a device, not a file' };
    if (info.size > limit) return tooBig(info.size);
    const handle = await open(file, 'r');
    try {
      const buffer = Buffer.allocUnsafe(limit + 1);
      let length = 0;
      while (length < buffer.length) {
        const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
        if (bytesRead === 0) break;
        length += bytesRead;
      }
      if (length > limit) return tooBig((await handle.stat()).size); // it grew after the stat
      return { text: buffer.toString('utf8', 0, length) };
    } finally {
      await handle.close();
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { missing: true };
    return { refused: 'the file could not be read' };
  }
}

async function readAdminFile(file: string, required: boolean): Promise<AdminFile> {
  const read = await readLimited(file, MAX_ADMIN_FILE_BYTES);
  if ('missing' in read) {
    if (!required) return { environments: [], secrets: new Map(), updates: DEFAULT_UPDATE_SETTINGS, notices: [] };
    return rejectFile(file, 'the file does not exist');
  }
  if ('refused' in read) return rejectFile(file, read.refused);
  const { text } = read;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return rejectFile(file, 'it is not valid JSON');
  }
  const parsed = adminFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue
      ? issue.path
          .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
          .join('')
          .replace(/^\./, '')
      : '';
    return rejectFile(file, `${field || 'the file'} ${issue ? describeRule(issue) : 'is not valid'}`);
  }
  const environments = parsed.data.environments.map(({ clientSecret: _secret, ...e }): Environment => ({
    ...e,
    kind: 'custom',
    source: 'admin',
    scopes: e.scopes ?? DEFAULT_SCOPES,
  }));
  const secrets = new Map(
    parsed.data.environments.flatMap((e) => (e.clientSecret ? [[e.id, e.clientSecret] as const] : [])),
  );
  const { enabled, feedUrl } = parsed.data.updates;
  const { keepAliveInBackground } = parsed.data;
  return {
    environments,
    secrets,
    updates: feedUrl ? { enabled, feedUrl } : { enabled },
    ...(keepAliveInBackground !== undefined ? { keepAliveInBackground } : {}),
    notices: [],
  };
}

function rejectFile(file: string, reason: string): AdminFile {
  return {
    environments: [],
    secrets: new Map(),
    updates: DEFAULT_UPDATE_SETTINGS,
    notices: [
      `The administrator's settings file ${file} was not used because ${reason}. ` +
        'The app works with the built-in settings; ask your IT team to correct the file.',
    ],
  };
}
