import path from 'node:path';
import { z } from 'zod';
import type { Endpoint } from '../../../preload/contract';
import type { Logger } from '../ports';
import { openJsonFile, readNotice, type JsonFileWriter } from '../storage/json-file';

/** An environment's endpoints as last read from its OpenAPI document (never the built-in list, never a token). */
export interface CachedCatalogue {
  /** The API base it was read from: a changed address means a different document. */
  readonly apiBase: string;
  readonly fetchedAt: string;
  readonly endpoints: readonly Endpoint[];
}

const parameterSchema = z.object({
  name: z.string(),
  in: z.enum(['path', 'query']),
  required: z.boolean(),
  kind: z.enum(['company', 'text', 'integer', 'number', 'boolean', 'date', 'date-time', 'enum']),
  values: z.array(z.string()),
  description: z.string().nullable(),
  minimum: z.number().nullable(),
  maximum: z.number().nullable(),
  defaultValue: z.string().nullable(),
});
const endpointSchema = z.object({
  id: z.string(),
  path: z.string(),
  name: z.string(),
  platform: z.string(),
  group: z.string(),
  description: z.string().nullable(),
  paged: z.boolean(),
  parameters: z.array(parameterSchema),
});
const cachedSchema = z.object({ apiBase: z.string(), fetchedAt: z.string(), endpoints: z.array(endpointSchema) });
const fileSchema = z.object({ version: z.literal(1), catalogues: z.record(z.string(), cachedSchema) });

/** workbench-catalogues.json: each environment's endpoints with their fetch time, so the screen opens without a fetch. */
export class CatalogueStore {
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    private readonly write: JsonFileWriter,
    private readonly catalogues: Map<string, CachedCatalogue>,
    private readonly logger: Logger,
  ) {}

  /** Reads the file; a damaged one is kept aside and reported, and the endpoints are simply fetched again. */
  static async open(
    dataDir: string,
    now: () => number,
    logger: Logger,
  ): Promise<{ store: CatalogueStore; notices: string[] }> {
    const file = path.join(dataDir, 'workbench-catalogues.json');
    const { read, write } = await openJsonFile(file, fileSchema, now);
    const notices = readNotice(read, 'The saved list of API endpoints', file, {
      corrupt: 'the endpoints are fetched again when the API workbench opens',
      unreadable: 'The API workbench fetches the endpoints each session instead.',
    });
    const entries = read.kind === 'ok' ? Object.entries(read.value.catalogues) : [];
    return { store: new CatalogueStore(write, new Map(entries), logger), notices };
  }

  get(environmentId: string): CachedCatalogue | undefined {
    return this.catalogues.get(environmentId);
  }

  /** Keeps it in memory at once; writes one at a time, each the whole list as it is then; a failed write is logged only. */
  put(environmentId: string, catalogue: CachedCatalogue): Promise<void> {
    this.catalogues.set(environmentId, catalogue);
    this.writing = this.writing.then(async () => {
      try {
        await this.write({ version: 1, catalogues: Object.fromEntries(this.catalogues) }, { compact: true });
      } catch (error) {
        this.logger.warn('workbench: could not save the endpoint list', {
          code: (error as NodeJS.ErrnoException).code ?? 'unknown',
        });
      }
    });
    return this.writing;
  }
}
