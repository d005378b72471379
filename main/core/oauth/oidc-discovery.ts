import { z } from 'zod';
import type { HttpTransport } from '../ports';
import { isSafeServerUrl, joinUrl } from '../urls';

/** Where an identity server takes sign-ins, tokens and (if it has one) revocations. */
export interface IdentityEndpoints {
  readonly authorizationEndpoint: string;
  readonly tokenEndpoint: string;
  readonly revocationEndpoint: string | null;
  readonly discovered: boolean;
  /** The discovery document's `scopes_supported`, when it lists them; suggestions, not a rule. */
  readonly scopesSupported: readonly string[] | null;
}

const discoverySchema = z.object({
  authorization_endpoint: z.string().refine(isSafeServerUrl),
  token_endpoint: z.string().refine(isSafeServerUrl),
  revocation_endpoint: z.string().refine(isSafeServerUrl).optional(),
  scopes_supported: z.array(z.string().max(200)).max(500).optional().catch(undefined),
});

/** Reads /.well-known/openid-configuration, falling back to IdentityServer's /connect/* paths; cached per issuer. */
export class EndpointDiscovery {
  private readonly cache = new Map<string, IdentityEndpoints>();
  /** Lookups under way, shared: a storm of refreshes asks the issuer once. */
  private readonly inFlight = new Map<string, Promise<IdentityEndpoints>>();

  constructor(private readonly http: HttpTransport) {}

  async endpoints(issuer: string): Promise<IdentityEndpoints> {
    const cached = this.cache.get(issuer);
    if (cached) return cached;
    const running = this.inFlight.get(issuer);
    if (running) return running;
    const lookup = this.discover(issuer).then((found) => {
      // Only a real discovery document is remembered; a fallback is retried next time.
      if (found.discovered) this.cache.set(issuer, found);
      return found;
    });
    this.inFlight.set(issuer, lookup);
    try {
      return await lookup;
    } finally {
      this.inFlight.delete(issuer);
    }
  }

  private async discover(issuer: string): Promise<IdentityEndpoints> {
    const fallback = {
      authorizationEndpoint: joinUrl(issuer, '/connect/authorize'),
      tokenEndpoint: joinUrl(issuer, '/connect/token'),
      revocationEndpoint: null,
      discovered: false,
      scopesSupported: null,
    };
    try {
      const response = await this.http(joinUrl(issuer, '/.well-known/openid-configuration'), {
        headers: { Accept: 'application/json' },
        signal: AbortSignal.timeout(5000),
      });
      if (!response.ok) return fallback;
      const parsed = discoverySchema.safeParse(await response.json());
      if (!parsed.success) return fallback;
      const sameOrigin = (url: string) => new URL(url).origin === new URL(issuer).origin;
      const { authorization_endpoint, token_endpoint, revocation_endpoint, scopes_supported } = parsed.data;
      if (!sameOrigin(authorization_endpoint) || !sameOrigin(token_endpoint)) return fallback;
      return {
        authorizationEndpoint: authorization_endpoint,
        tokenEndpoint: token_endpoint,
        revocationEndpoint: revocation_endpoint && sameOrigin(revocation_endpoint) ? revocation_endpoint : null,
        discovered: true,
        scopesSupported: scopes_supported ?? null,
      };
    } catch {
      return fallback;
    }
  }
}
