import type { EnvironmentInput } from '../../../preload/contract';
import type { ConnectionService } from '../connections/connection-service';
import type { FeatureHandlers } from '../../../preload/contract';
import { adminEnvironmentSchema } from './environment-schema';
import type { EnvironmentStore } from './environment-store';
import type { EndpointDiscovery } from '../oauth/oidc-discovery';
import { describeIssue } from '../field-words';
import { fail, ok } from '../result';
import { isSafeServerUrl } from '../urls';

/** The Settings screen's calls: list, save (checked like the admin file), remove. */
export function environmentHandlers(
  environments: EnvironmentStore,
  connections: ConnectionService,
  discovery: EndpointDiscovery,
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
    // Only addresses the form itself would accept are asked: https, or http on this computer.
    scopesSupported: async ({ issuer }) =>
      ok({
        scopes: isSafeServerUrl(issuer)
          ? ((await discovery.endpoints(issuer.trim())).scopesSupported?.slice() ?? null)
          : null,
      }),
  };
}

/** The first problem of a settings form in plain words, naming the field as the form labels it. */
function checkEnvironment(input: EnvironmentInput): string | null {
  const parsed = adminEnvironmentSchema.omit({ id: true, clientSecret: true }).safeParse(input);
  const issue = parsed.success ? undefined : parsed.error.issues[0];
  return issue ? describeIssue(issue) : null;
}
