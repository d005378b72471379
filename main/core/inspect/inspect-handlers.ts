import type { ClaimChange, InspectedRow, PasteInspection, Result } from '../../../preload/contract';
import type { CopyService } from '../app/copy-service';
import type { ConnectionService } from '../connections/connection-service';
import type { FeatureHandlers } from '../../../preload/contract';
import type { EnvironmentStore } from '../environments/environment-store';
import { extractTokens, inspectToken, SignatureVerifier } from './index';
import type { Ports } from '../ports';
import { fail, ok } from '../result';

/** The token inspector's calls: pasted tokens, a connection's token (revealed only on request), copies through main. */
export function inspectHandlers(
  ports: Ports,
  environments: EnvironmentStore,
  connections: ConnectionService,
  copies: CopyService,
): FeatureHandlers<'inspect'> {
  const verifier = new SignatureVerifier({
    http: ports.http,
    clock: ports.clock,
    knownIssuers: () => environments.list().map((e) => e.issuer),
  });
  const previous = new PreviousClaims();
  connections.onBeforeRefresh((id, accessToken) => previous.remember(id, inspect(accessToken)));
  const inspect = (token: string) => inspectToken(token, { now: ports.clock.now(), environments: environments.list() });

  /** A connection's current access token; it stays in main unless the user reveals it. */
  const tokenOf = async <T>(id: string, use: (token: string) => Promise<T> | T): Promise<Result<T>> => {
    const token = await connections.storedAccessToken(id);
    if (token === null)
      return fail('unknown-connection', 'This connection has no access token stored. Reconnect it, then try again.');
    return ok(await use(token));
  };

  return {
    paste: async ({ text }) => {
      const found = extractTokens(text);
      const result: PasteInspection = {
        tokens: found.found.map((t) => ({ label: t.label, token: t.token, inspection: inspect(t.token) })),
        notes: found.notes,
        opaque: found.opaque,
        problem: found.problem ?? null,
      };
      return ok(result);
    },
    verify: async ({ token, allowUnknownIssuer }) => ok(await verifier.verify(token.trim(), { allowUnknownIssuer })),
    connection: ({ id }) =>
      tokenOf(id, (token) => {
        const inspection = inspect(token);
        const label = connections.list().find((c) => c.id === id)?.label ?? 'Connection';
        return {
          connectionId: id,
          label,
          inspection,
          changes: previous.changes(id, inspection.ok ? inspection.claims : null),
        };
      }),
    verifyConnection: ({ id, allowUnknownIssuer }) =>
      tokenOf(id, (token) => verifier.verify(token, { allowUnknownIssuer })),
    revealConnectionToken: ({ id }) => tokenOf(id, (token) => ({ token })),
    copyConnectionToken: ({ id }) =>
      tokenOf(id, async (token) => ({ clearsAt: new Date(await copies.copySecret(token)).toISOString() })),
  };
}

/** The claims of each connection's token before its last refresh (claims only, never the token). */
class PreviousClaims {
  private readonly byConnection = new Map<string, readonly InspectedRow[]>();

  remember(id: string, inspection: ReturnType<typeof inspectToken>): void {
    if (inspection.ok) this.byConnection.set(id, inspection.claims);
  }

  /** What differs from the remembered claims; null when nothing earlier is known. */
  changes(id: string, current: readonly InspectedRow[] | null): ClaimChange[] | null {
    const before = this.byConnection.get(id);
    if (!before || !current) return null;
    const was = new Map(before.map((r) => [r.name, r.display]));
    const now = new Map(current.map((r) => [r.name, r.display]));
    const names = [...new Set([...was.keys(), ...now.keys()])];
    return names
      .filter((name) => was.get(name) !== now.get(name))
      .map((name) => ({ name, before: was.get(name) ?? null, after: now.get(name) ?? null }));
  }
}
