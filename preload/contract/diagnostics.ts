// The redacted support report and the logs folder.
import { call, type FeatureContract } from './define';

/** The formats a diagnostics report comes in. */
export type ReportFormat = 'markdown' | 'json';

/** A diagnostics report, redacted, in both formats. */
export interface DiagnosticsReport {
  readonly generatedAt: string;
  readonly markdown: string;
  readonly json: string;
}

/** Calls of the diagnostics screen. */
export const diagnostics = {
  calls: {
    report: call<undefined, DiagnosticsReport>(),
    /** Asks where to save (a save dialog); `savedTo` is null when the user cancelled. */
    save: call<{ format: ReportFormat }, { savedTo: string | null }>(),
    copy: call<{ format: ReportFormat }, null>(),
    openLogsFolder: call<undefined, { folder: string }>(),
  },
  events: {},
} satisfies FeatureContract;
