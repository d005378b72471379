import type { Catalogue } from '../../../preload/contract';
import type { Environment } from '../environments/environments';
import type { Clock, HttpTransport, Logger } from '../ports';
import { joinUrl } from '../urls';
import { BUILT_IN_ENDPOINTS } from './builtin-catalogue';
import type { CatalogueStore } from './catalogue-store';
import { fetchOpenApiDocument, OPENAPI_PATH } from './openapi-document';
import { endpointsFromOpenApi, UnusableDocument } from './openapi-endpoints';

/** What the catalogues need: the network, time, the file cache, and how long a fetch may take. */
export interface CatalogueDeps {
  readonly http: HttpTransport;
  readonly clock: Pick<Clock, 'now'>;
  readonly logger: Logger;
  readonly store: CatalogueStore;
  readonly timeoutMs?: number;
}

/**
 * Each environment's endpoints: from its OpenAPI document (kept in memory and in the file cache with
 * the time it was fetched), else the built-in list with the reason in plain words.
 */
export class Catalogues {
  /** The catalogue each environment last showed, the built-in one included, with the API base it was for. */
  private readonly shown = new Map<string, { apiBase: string; catalogue: Catalogue }>();
  private readonly loading = new Map<string, Promise<Catalogue>>();

  constructor(private readonly deps: CatalogueDeps) {}

  /** The catalogue already shown for an environment this session (no fetch), if any. */
  current(env: Environment): Catalogue | undefined {
    const shown = this.shown.get(env.id);
    return shown?.apiBase === env.apiBase ? shown.catalogue : undefined;
  }

  /** The environment's catalogue; `refresh` fetches the document again. One fetch per environment at a time. */
  get(env: Environment, token: () => Promise<string | null>, refresh = false): Promise<Catalogue> {
    if (!refresh) {
      const known = this.current(env) ?? this.fromFile(env);
      if (known) return Promise.resolve(known);
    }
    const running = this.loading.get(env.id);
    if (running) return running;
    const load = this.load(env, token).finally(() => this.loading.delete(env.id));
    this.loading.set(env.id, load);
    return load;
  }

  private fromFile(env: Environment): Catalogue | undefined {
    const cached = this.deps.store.get(env.id);
    if (cached?.apiBase !== env.apiBase) return undefined;
    return this.show(env, {
      environmentId: env.id,
      source: 'openapi',
      fetchedAt: cached.fetchedAt,
      note: null,
      endpoints: cached.endpoints,
    });
  }

  private async load(env: Environment, token: () => Promise<string | null>): Promise<Catalogue> {
    const { http, clock, logger, store, timeoutMs } = this.deps;
    const fetched = await fetchOpenApiDocument(http, env.apiBase, await token().catch(() => null), timeoutMs);
    let reason: string;
    if (fetched.ok) {
      try {
        const endpoints = await endpointsFromOpenApi(fetched.json);
        const fetchedAt = new Date(clock.now()).toISOString();
        await store.put(env.id, { apiBase: env.apiBase, fetchedAt, endpoints });
        logger.info('workbench: endpoints read from the OpenAPI document', {
          environment: env.id,
          count: endpoints.length,
        });
        return this.show(env, { environmentId: env.id, source: 'openapi', fetchedAt, note: null, endpoints });
      } catch (error) {
        if (!(error instanceof UnusableDocument)) throw error;
        reason = error.message;
      }
    } else reason = fetched.reason;
    logger.warn('workbench: OpenAPI document not used', { environment: env.id, reason });
    const cached = store.get(env.id);
    if (cached?.apiBase === env.apiBase)
      return this.show(env, {
        environmentId: env.id,
        source: 'openapi',
        fetchedAt: cached.fetchedAt,
        note: `The list of endpoints could not be refreshed because ${reason}. This is the list read from the OpenAPI document on ${cached.fetchedAt.slice(0, 10)}; try "Refresh" again later.`,
        endpoints: cached.endpoints,
      });
    return this.show(env, {
      environmentId: env.id,
      source: 'built-in',
      fetchedAt: null,
      note:
        `The OpenAPI document of ${env.name} (${joinUrl(env.apiBase, OPENAPI_PATH)}) could not be used because ${reason}, ` +
        "so the app's own list of the known reads is shown. Its parameters may differ a little from what this server takes; " +
        '"Refresh" tries the document again.',
      endpoints: BUILT_IN_ENDPOINTS,
    });
  }

  private show(env: Environment, catalogue: Catalogue): Catalogue {
    this.shown.set(env.id, { apiBase: env.apiBase, catalogue });
    return catalogue;
  }
}
