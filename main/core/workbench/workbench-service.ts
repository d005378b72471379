import type {
  Catalogue,
  ConnectionView,
  CopyReceipt,
  Endpoint,
  ExportFormat,
  RequestPreview,
  Result,
  RunResult,
  WorkbenchRequest,
} from '../../../preload/contract';
import type { CopyService } from '../app/copy-service';
import type { ConnectionService } from '../connections/connection-service';
import type { EnvironmentStore } from '../environments/environment-store';
import type { Environment } from '../environments/environments';
import { toCurl } from '../ping/curl';
import type { ExternalBrowser, Logger, SaveDialog } from '../ports';
import { isOpenableWebLink } from '../urls';
import { fail, ok } from '../result';
import type { Catalogues } from './catalogues';
import { toCsv } from './csv';
import { describeExportFailure, writeFileAtomically, type FileWriter } from './export-file';
import { buildRequest, type BuiltRequest } from './request-builder';
import type { Runs } from './runs';

/** What the workbench needs besides its catalogues and runs. */
export interface WorkbenchDeps {
  readonly environments: Pick<EnvironmentStore, 'get'>;
  readonly connections: Pick<ConnectionService, 'list' | 'accessTokenFor'>;
  readonly catalogues: Catalogues;
  readonly runs: Runs;
  readonly copier: CopyService;
  readonly browser: Pick<ExternalBrowser, 'openWebPage'>;
  readonly saveDialog?: SaveDialog;
  readonly logger: Logger;
  readonly writeFile?: FileWriter;
}

type Resolved = { connection: ConnectionView; env: Environment };
type Prepared = Resolved & { endpoint: Endpoint; built: BuiltRequest };

/** The API workbench: endpoints, the request as it is built, runs of pages, cURL copies and exports. Reads only. */
export class WorkbenchService {
  constructor(private readonly deps: WorkbenchDeps) {}

  async catalogue(connectionId: string, refresh = false): Promise<Result<Catalogue>> {
    const resolved = this.resolve(connectionId);
    if (!resolved.ok) return resolved;
    const { env } = resolved.value;
    const token = async () => {
      const answer = await this.deps.connections.accessTokenFor(connectionId);
      return answer.ok ? answer.value.token : null;
    };
    return ok(await this.deps.catalogues.get(env, token, refresh));
  }

  async preview(request: WorkbenchRequest): Promise<Result<RequestPreview>> {
    const prepared = await this.prepare(request);
    if (!prepared.ok) return prepared;
    const { url, problems, notes } = prepared.value.built;
    return ok({ method: 'GET', url, problems, notes });
  }

  async start(request: WorkbenchRequest): Promise<Result<RunResult>> {
    const prepared = await this.prepare(request);
    if (!prepared.ok) return prepared;
    const { connection, env, endpoint, built } = prepared.value;
    const problems = Object.values(built.problems);
    if (problems.length > 0 || built.path === null)
      return fail('invalid-argument', `The request cannot be sent yet. ${problems.join(' ')}`.trim());
    const companyId = endpoint.parameters.some((p) => p.kind === 'company')
      ? (request.values.companyId?.trim() ?? null)
      : null;
    const organisation = companyId
      ? (connection.organisations.find((o) => o.companyId === companyId)?.name ?? `the organisation ${companyId}`)
      : null;
    return this.deps.runs.start({
      connectionId: connection.id,
      connectionLabel: connection.label,
      environmentId: env.id,
      endpoint,
      path: built.path,
      companyId,
      organisation,
    });
  }

  /** "Copy as cURL": the token as `$TOKEN`, or the real one (wiped from the clipboard after 60 s). */
  async copyCurl(request: WorkbenchRequest, withToken: boolean): Promise<Result<CopyReceipt>> {
    const prepared = await this.prepare(request);
    if (!prepared.ok) return prepared;
    const { url } = prepared.value.built;
    if (url === null)
      return fail(
        'invalid-argument',
        `There is no request to copy yet. ${Object.values(prepared.value.built.problems).join(' ')}`.trim(),
      );
    const curl = (token?: string) =>
      toCurl(
        {
          url,
          headers: [
            ['Accept', 'application/json'],
            ['Authorization', 'Bearer $TOKEN'],
          ],
        },
        token,
      );
    if (!withToken) {
      await this.deps.copier.copy(curl());
      return ok({ clearsAt: null });
    }
    const answer = await this.deps.connections.accessTokenFor(request.connectionId);
    if (!answer.ok) return answer;
    const clearsAt = await this.deps.copier.copySecret(curl(answer.value.token));
    return ok({ clearsAt: new Date(clearsAt).toISOString() });
  }

  /**
   * Opens a loaded item's `externalUrl` in the browser. The address is read here from the item main
   * holds, never taken from the renderer, and only a plain https link is opened.
   */
  async openLink(runId: string, item: number): Promise<Result<null>> {
    const run = this.deps.runs.items(runId);
    const found = run?.items[item];
    const url =
      typeof found === 'object' && found !== null ? (found as Record<string, unknown>).externalUrl : undefined;
    if (typeof url !== 'string' || url === '')
      return fail('invalid-argument', 'This item has no link to open. Load the pages again if the list was cleared.');
    if (!isOpenableWebLink(url))
      return fail(
        'invalid-argument',
        'This item’s link is not a plain https address, so it was not opened. Copy it from the JSON if you trust it.',
      );
    try {
      await this.deps.browser.openWebPage(url);
    } catch {
      return fail('internal', 'The browser could not be opened for this link. Copy the link and open it yourself.');
    }
    this.deps.logger.info('workbench: opened an item link', { host: new URL(url).host });
    return ok(null);
  }

  /** Saves the table as shown (CSV) or every item loaded (JSON) where the user chooses. */
  async export(
    runId: string,
    format: ExportFormat,
    columns?: readonly string[],
    rows?: readonly (readonly string[])[],
  ): Promise<Result<{ saved: boolean; path: string | null }>> {
    const run = this.deps.runs.items(runId);
    if (!run)
      return fail(
        'invalid-argument',
        'That run is no longer kept (only the latest 20 are). Load the pages again, then export.',
      );
    if (format === 'csv' && (!columns || !rows))
      return fail('invalid-argument', 'There is no table to export: load a page that lists items first.');
    const dialog = this.deps.saveDialog;
    if (!dialog)
      return fail(
        'storage',
        'This window cannot open a save dialog, so nothing was exported. Copy the response from the raw view instead.',
      );
    const extension = format === 'csv' ? 'csv' : 'json';
    let target: string | null;
    try {
      target = await dialog.choosePath({
        title: format === 'csv' ? 'Export the table as CSV' : 'Export the loaded items as JSON',
        defaultName: `approvalmax-${slug(run.endpoint.name)}.${extension}`,
        filters: [format === 'csv' ? { name: 'CSV', extensions: ['csv'] } : { name: 'JSON', extensions: ['json'] }],
      });
    } catch {
      return fail('storage', 'The save dialog could not be opened, so nothing was exported. Try again.');
    }
    if (target === null) return ok({ saved: false, path: null });
    const text = format === 'csv' ? toCsv(columns!, rows!) : `${JSON.stringify(run.items, null, 2)}\n`;
    try {
      await (this.deps.writeFile ?? writeFileAtomically)(target, text);
    } catch (error) {
      this.deps.logger.warn('workbench: export not written', {
        code: (error as NodeJS.ErrnoException).code ?? 'unknown',
      });
      return fail('storage', describeExportFailure(error));
    }
    this.deps.logger.info('workbench: exported', { format, items: run.items.length });
    return ok({ saved: true, path: target });
  }

  /** The connection, its environment, the endpoint in that environment's catalogue, and the request built. */
  private async prepare(request: WorkbenchRequest): Promise<Result<Prepared>> {
    const resolved = this.resolve(request.connectionId);
    if (!resolved.ok) return resolved;
    const { connection, env } = resolved.value;
    let catalogue = this.deps.catalogues.current(env);
    if (!catalogue) {
      const loaded = await this.catalogue(connection.id);
      catalogue = loaded.ok ? loaded.value : undefined;
    }
    const endpoint = catalogue?.endpoints.find((e) => e.id === request.endpointId);
    if (!endpoint)
      return fail(
        'invalid-argument',
        `That endpoint is not in the list for ${env.name} any more. Reload the list of endpoints and choose it again.`,
      );
    const built = buildRequest(env.apiBase, endpoint, request.values, connection.organisations);
    return ok({ connection, env, endpoint, built });
  }

  private resolve(connectionId: string): Result<Resolved> {
    const connection = this.deps.connections.list().find((c) => c.id === connectionId);
    if (!connection) return fail('unknown-connection', 'That connection no longer exists. Choose another one.');
    const env = this.deps.environments.get(connection.environmentId);
    if (!env)
      return fail(
        'unknown-environment',
        `The environment of ${connection.label} no longer exists. Reconnect the organisation in another environment.`,
      );
    return ok({ connection, env });
  }
}

function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'items'
  );
}
