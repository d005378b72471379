import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import type { EnvironmentDetails, EnvironmentInput, Result } from '../../../preload/contract';
import { environmentFields } from './environment-schema';
import { clientSecretKey, PRODUCTION, type Environment } from './environments';
import { providerWords } from './provider-words';
import type { SecretStore } from '../ports';
import { fail, ok } from '../result';
import { describeWriteFailure, openJsonFile, readNotice, type JsonFileWriter } from '../storage/json-file';

// What was saved before is read as leniently as it was written (new rules apply when the form is saved).
const savedScopes = z.array(z.string()).min(1);
const userEnvironmentSchema = z.object({ id: z.string(), ...environmentFields, scopes: savedScopes });
const credentialsSchema = z.object({
  clientId: environmentFields.clientId,
  redirectUri: environmentFields.redirectUri,
  scopes: savedScopes,
  prompt: environmentFields.prompt,
  refreshTokenLifetimeDays: environmentFields.refreshTokenLifetimeDays,
  readsPerMinute: environmentFields.readsPerMinute,
});
const fileSchema = z.object({
  version: z.literal(1),
  environments: z.array(userEnvironmentSchema),
  /** Client ID, redirect URI and scopes the user set on a preset such as Production. */
  presetCredentials: z.record(z.string(), credentialsSchema),
  /** SHA-256 of each admin-provided secret last written to the keychain, so a secret replaced in the app survives restarts. */
  appliedAdminSecrets: z.record(z.string(), z.string()).default({}),
});
type EnvironmentsFile = z.infer<typeof fileSchema>;

/** Names compare as people read them: case and surrounding spaces do not make a different name. */
const sameName = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/** Presets, the admin's environments and the user's own, with secrets kept in the keychain. */
export class EnvironmentStore {
  /** What the keychain is known to hold per environment (see hasSecret). */
  private readonly secretKnown = new Map<string, boolean>();

  private constructor(
    private readonly write: JsonFileWriter,
    private readonly admin: readonly Environment[],
    private readonly secrets: SecretStore,
    private data: EnvironmentsFile,
    /** environments.json was there but unreadable: which admin secrets were applied is unknown this session. */
    private readonly fileUnreadable: boolean,
  ) {}

  /**
   * Loads environments.json (a corrupt one is kept aside, an unreadable one left untouched and never
   * written this session, both reported); admin secrets are applied later, see applyAdminSecrets.
   */
  static async open(dataDir: string, admin: readonly Environment[], secrets: SecretStore, now: () => number) {
    const file = path.join(dataDir, 'environments.json');
    const { read, write } = await openJsonFile(file, fileSchema, now);
    const notices = readNotice(read, 'Your saved environments', file, {
      corrupt: 'the app started without it',
      unreadable: 'Your own environments are missing for now, and changes to environments cannot be saved.',
    });
    const data =
      read.kind === 'ok'
        ? read.value
        : { version: 1 as const, environments: [], presetCredentials: {}, appliedAdminSecrets: {} };
    const store = new EnvironmentStore(write, admin, secrets, data, read.kind === 'unreadable');
    return { store, notices };
  }

  /**
   * Writes each admin-provided secret to the keychain once per new value: IT can rotate it, users can
   * replace it. Runs after the window shows, as the keychain may be slow; returns notices.
   */
  async applyAdminSecrets(adminSecrets: ReadonlyMap<string, string>): Promise<string[]> {
    const applied = { ...this.data.appliedAdminSecrets };
    for (const [id, secret] of adminSecrets) {
      const digest = createHash('sha256').update(secret).digest('hex');
      if (applied[id] === digest) continue;
      try {
        // Without the file a user's replacement cannot be told from an old admin secret, so the keychain's is kept.
        if (this.fileUnreadable && (await this.secrets.get(clientSecretKey(id))) !== null) continue;
        await this.secrets.set(clientSecretKey(id), secret);
        this.secretKnown.set(id, true);
        applied[id] = digest;
      } catch {
        return [
          `The Client Secret your IT team provided could not be stored in the keychain. Unlock the keychain and restart the app.`,
        ];
      }
    }
    if (JSON.stringify(applied) === JSON.stringify(this.data.appliedAdminSecrets)) return [];
    const next = { ...this.data, appliedAdminSecrets: applied };
    try {
      await this.write(next);
      this.data = next;
    } catch {
      // Not remembered: the same secret is simply written again at the next start.
    }
    return [];
  }

  /** Presets first, then admin, then the user's; an id is never listed twice. */
  list(): Environment[] {
    const presets = [{ ...PRODUCTION, ...this.data.presetCredentials[PRODUCTION.id] }];
    const user = this.data.environments.map((e): Environment => ({ ...e, kind: 'custom', source: 'user' }));
    const seen = new Set<string>();
    return [...presets, ...this.admin, ...user].filter((e) => !seen.has(e.id) && seen.add(e.id));
  }

  get(id: string): Environment | undefined {
    return this.list().find((e) => e.id === id);
  }

  clientSecret(id: string): Promise<string | null> {
    return this.secrets.get(clientSecretKey(id));
  }

  /**
   * Whether an environment has a Client Secret, for the lists: admin environments whose secret was
   * written (now or at an earlier start) and secrets saved this session need no keychain read, so
   * 1,000 environments list at once even while the keychain is busy.
   */
  private async hasSecret(id: string): Promise<boolean> {
    const known = this.secretKnown.get(id) ?? (id in this.data.appliedAdminSecrets ? true : undefined);
    if (known !== undefined) return known;
    const found = Boolean(await this.clientSecret(id).catch(() => null));
    this.secretKnown.set(id, found);
    return found;
  }

  async details(env: Environment): Promise<EnvironmentDetails> {
    const { id, name, kind, issuer, apiBase, source, clientId, redirectUri, scopes, signInHint, prompt } = env;
    const lifetime = env.refreshTokenLifetimeDays;
    const { readsPerMinute } = env;
    const details = {
      id,
      name,
      kind,
      issuer,
      apiBase,
      source,
      clientId,
      redirectUri,
      scopes,
      providerName: providerWords(env).name,
      hasClientSecret: await this.hasSecret(id),
    };
    return {
      ...details,
      ...(signInHint ? { signInHint } : {}),
      ...(prompt ? { prompt } : {}),
      ...(lifetime !== undefined ? { refreshTokenLifetimeDays: lifetime } : {}),
      ...(readsPerMinute !== undefined ? { readsPerMinute } : {}),
    };
  }

  /** Adds or edits; presets keep their addresses, admin environments accept only a new secret. */
  async save(input: EnvironmentInput): Promise<Result<EnvironmentDetails>> {
    const existing = input.id ? this.get(input.id) : undefined;
    if (input.id && !existing)
      return fail('unknown-environment', 'That environment no longer exists. Reopen the settings and try again.');
    const twin =
      existing?.source === 'preset' || existing?.source === 'admin'
        ? undefined
        : this.list().find((e) => e.id !== existing?.id && sameName(e.name, input.name));
    if (twin)
      return fail(
        'invalid-argument',
        `An environment called "${twin.name}" already exists. Choose another name, so the two can be told apart.`,
      );
    const next = structuredClone(this.data);
    const id = existing?.id ?? newId(input.name, new Set(this.list().map((e) => e.id)));
    const optionalFields = {
      ...(input.prompt ? { prompt: input.prompt } : {}),
      ...(input.refreshTokenLifetimeDays !== undefined
        ? { refreshTokenLifetimeDays: input.refreshTokenLifetimeDays }
        : {}),
      ...(input.readsPerMinute !== undefined ? { readsPerMinute: input.readsPerMinute } : {}),
    };
    if (existing?.source === 'preset')
      next.presetCredentials[id] = {
        clientId: input.clientId,
        redirectUri: input.redirectUri,
        scopes: [...input.scopes],
        ...optionalFields,
      };
    else if (existing?.source !== 'admin') {
      const entry = {
        id,
        name: input.name,
        issuer: input.issuer,
        apiBase: input.apiBase,
        clientId: input.clientId,
        redirectUri: input.redirectUri,
        scopes: [...input.scopes],
        ...optionalFields,
      };
      next.environments = [...next.environments.filter((e) => e.id !== id), entry];
    }
    try {
      await this.write(next);
    } catch (error) {
      return fail('storage', describeWriteFailure(error, 'the environment'));
    }
    this.data = next;
    if (input.clientSecret) {
      try {
        await this.secrets.set(clientSecretKey(id), input.clientSecret);
        this.secretKnown.set(id, true);
      } catch {
        return fail(
          'keychain',
          'The environment was saved, but its Client Secret could not be stored in the keychain. Unlock the keychain and enter the secret again.',
        );
      }
    }
    return ok(await this.details(this.get(id)!));
  }

  /** Removes a user's environment and its secret; presets and admin environments stay. */
  async remove(id: string): Promise<Result<null>> {
    const env = this.get(id);
    if (!env) return fail('unknown-environment', 'That environment no longer exists.');
    if (env.source !== 'user')
      return fail('invalid-argument', `${env.name} is built in or set by your IT team, so it cannot be removed.`);
    const next = { ...this.data, environments: this.data.environments.filter((e) => e.id !== id) };
    try {
      await this.write(next);
    } catch (error) {
      return fail('storage', describeWriteFailure(error, 'the change'));
    }
    this.data = next;
    await this.secrets.delete(clientSecretKey(id)).catch(() => false);
    this.secretKnown.delete(id);
    return ok(null);
  }
}

function newId(name: string, taken: ReadonlySet<string>): string {
  const slug =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 30) || 'environment';
  let id = slug;
  while (taken.has(id)) id = `${slug}-${randomBytes(2).toString('hex')}`;
  return id;
}
