// The API workbench: every Public API read, its parameters as a form, pages, a data table. It only reads.
import type { CopyReceipt } from './app';
import { call, push, type FeatureContract } from './define';
import type { PingReport } from './ping';

/** One parameter of an endpoint, as the form shows it. */
export interface EndpointParameter {
  readonly name: string;
  readonly in: 'path' | 'query';
  readonly required: boolean;
  /** How the form offers it: `company` is a picker of the connection's organisations by name. */
  readonly kind: 'company' | 'text' | 'integer' | 'number' | 'boolean' | 'date' | 'date-time' | 'enum';
  /** Allowed values for `enum` (free text is still accepted); empty otherwise. */
  readonly values: readonly string[];
  readonly description: string | null;
  readonly minimum: number | null;
  readonly maximum: number | null;
  /** What the form starts with, e.g. `limit` 100; null when empty. */
  readonly defaultValue: string | null;
}

/** One GET endpoint of the Public API. */
export interface Endpoint {
  /** Stable within a catalogue: `GET /api/v1/companies/{companyId}/xero/bills`. */
  readonly id: string;
  /** Path template under the API base, e.g. `/api/v1/companies/{companyId}/xero/bills`. */
  readonly path: string;
  /** A name people search for, e.g. "Xero bills" or "Xero bill by request id". */
  readonly name: string;
  /** "Xero", "QuickBooks Online", "Standalone", "General"… */
  readonly platform: string;
  /** The request type it reads, e.g. "Bills", "Purchase orders", "Organisations". */
  readonly group: string;
  readonly description: string | null;
  /** Answers `{ payload, continuationToken }` and takes `continuationToken`. */
  readonly paged: boolean;
  readonly parameters: readonly EndpointParameter[];
}

/** The endpoints one environment offers, and where the list came from. */
export interface Catalogue {
  readonly environmentId: string;
  /** `openapi`: read from the environment's OpenAPI document; `built-in`: the app's own list of known reads. */
  readonly source: 'openapi' | 'built-in';
  /** When the OpenAPI document was fetched (ISO), null for the built-in list. */
  readonly fetchedAt: string | null;
  /** Plain words on why the built-in list is shown (e.g. the document could not be fetched), else null. */
  readonly note: string | null;
  readonly endpoints: readonly Endpoint[];
}

/** What the user filled in: parameter name → value as typed (empty = left out). */
export type ParameterValues = Readonly<Record<string, string>>;

/** A request to build or start: a connection's token against one endpoint of its environment. */
export interface WorkbenchRequest {
  readonly connectionId: string;
  readonly endpointId: string;
  readonly values: ParameterValues;
}

/** The request as it is built, shown while the user types. */
export interface RequestPreview {
  readonly method: 'GET';
  /** The full URL; null while a required parameter is missing. */
  readonly url: string | null;
  /** Plain words for each missing or invalid value, by parameter name. */
  readonly problems: Readonly<Record<string, string>>;
  /** Plain words for values that are sent but may be refused (e.g. a status not in the document's list), by parameter name. */
  readonly notes: Readonly<Record<string, string>>;
}

/** One page of a run: its request and answer (the ping report's shape, token masked) and what it added. */
export interface WorkbenchPage {
  readonly runId: string;
  /** 1-based. */
  readonly number: number;
  readonly report: PingReport;
  /** The items this page added (the `payload` array, or the body itself when it is an array or one object). */
  readonly items: readonly unknown[];
  /** Whether the answer carried a continuation token, i.e. there is a next page. */
  readonly hasMore: boolean;
}

/** Where a run stands; pushed whenever it changes, so "Load all" can show progress and waits. */
export interface RunProgress {
  readonly runId: string;
  readonly state: 'loading' | 'waiting' | 'done' | 'more' | 'cancelled' | 'failed' | 'capped';
  readonly pages: number;
  readonly items: number;
  /** For `waiting`: what it waits for, in plain words, and until when (ISO). */
  readonly waitingFor: string | null;
  readonly waitingUntil: string | null;
  /** For `failed`: the page that failed, to retry from. */
  readonly failedPage: number | null;
  /** Page cap of the current "Load all". */
  readonly maxPages: number | null;
}

/** What a run's user action ended with. */
export interface RunResult {
  readonly progress: RunProgress;
  /** The pages this action loaded (the renderer appends them; they also arrive one by one as `page` events). */
  readonly pages: readonly WorkbenchPage[];
}

/** Export formats: CSV of the table as shown, or JSON of every item loaded. */
export type ExportFormat = 'csv' | 'json';

/** Calls and events of the API workbench. */
export const workbench = {
  calls: {
    /** The environment's endpoints, from its OpenAPI document (cached) or the built-in list. */
    catalogue: call<{ connectionId: string; refresh?: boolean }, Catalogue>(),
    preview: call<WorkbenchRequest, RequestPreview>(),
    /** Starts a run with its first page. */
    start: call<WorkbenchRequest, RunResult>(),
    /** The next page (or retries the page that failed). */
    next: call<{ runId: string }, RunResult>(),
    /** Every remaining page up to `maxPages` in all, within the rate budget; pages arrive as `page` events. */
    loadAll: call<{ runId: string; maxPages: number }, RunResult>(),
    cancel: call<{ runId: string }, null>(),
    /** "Copy as cURL": `$TOKEN` by default; with the token, wiped from the clipboard after 60 s. */
    copyCurl: call<WorkbenchRequest & { withToken: boolean }, CopyReceipt>(),
    /** Saves through the save dialog: CSV of the given cells (the table as shown), or JSON of the run's items. */
    /** Opens an item's `externalUrl` (e.g. the document in Xero) in the browser: https links only. `item` is its 0-based place in load order. */
    openLink: call<{ runId: string; item: number }, null>(),
    export: call<
      { runId: string; format: ExportFormat; columns?: string[]; rows?: string[][] },
      { saved: boolean; path: string | null }
    >(),
  },
  events: {
    page: push<WorkbenchPage>(),
    progress: push<RunProgress>(),
  },
} satisfies FeatureContract;
