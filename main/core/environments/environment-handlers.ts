import type { EnvironmentInput } from '../../../preload/contract';
import type { ConnectionService } from '../connections/connection-service';
import type { FeatureHandlers } from '../../../preload/contract';
import { adminEnvironmentSchema } from './environment-schema';
import type { EnvironmentStore } from './environment-store';
import { fail, ok } from '../result';

const FIELD_LABELS: Record<string, string> = {
  name: 'Name',
  issuer: 'Identity server address',
  apiBase: 'API address',
  clientId: 'Client ID',
  redirectUri: 'Redirect URI',
  scopes: 'Scopes',
};

/** The Settings screen's calls: list, save (checked like the admin file), remove. */
export function environmentHandlers(
  environments: EnvironmentStore,
  connections: ConnectionService,
): FeatureHandlers<'environments'> {
  return {
    list: async () => ok(await Promise.all(environments.list().map((e) => environments.details(e)))),
    save: async (input) => {
      const problem = checkEnvironment(input);
      return problem ? fail('invalid-argument', problem) : environments.save(input);
    },
    remove: async ({ id }) =>
      connections.list().some((c) => c.environmentId === id)
        ? fail('invalid-argument', 'This environment still has connections. Disconnect them first, then remove it.')
        : environments.remove(id),
  };
}

/** The first problem of a settings form in plain words, naming the field as the form labels it. */
function checkEnvironment(input: EnvironmentInput): string | null {
  const parsed = adminEnvironmentSchema.omit({ id: true, clientSecret: true }).safeParse(input);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  return `${FIELD_LABELS[String(issue?.path[0])] ?? 'A field'} ${issue?.message ?? 'is not valid'}.`;
}
