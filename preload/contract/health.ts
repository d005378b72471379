// Connection health: "Check connection", and keeping connections alive in the background. No token crosses here.
import { call, push, type FeatureContract } from './define';

/** How one step of a check ended; `skipped` when an earlier failure made it impossible. */
export type CheckResult = 'passed' | 'warning' | 'failed' | 'skipped';

/** What a step looked at, in the order a check runs them. */
export type CheckStepKind = 'identity-server' | 'token' | 'api' | 'organisations' | 'organisation' | 'clock';

/** One step of a check, in plain words: what happened and why (`detail`), and what to do (`action`, null when nothing). */
export interface CheckStep {
  readonly kind: CheckStepKind;
  readonly title: string;
  readonly result: CheckResult;
  readonly detail: string;
  readonly action: string | null;
  /** The organisation an `organisation` step read. */
  readonly companyId?: string;
}

/** What one organisation's cheap read found. */
export type OrganisationAccess = 'readable' | 'plan-disabled' | 'not-covered' | 'failed' | 'not-checked';

/** An organisation the check found a problem with, as the card marks it. */
export interface OrganisationProblem {
  readonly companyId: string;
  readonly name: string;
  readonly access: Exclude<OrganisationAccess, 'readable'>;
  /** Plain words: "Its ApprovalMax plan has no API access." */
  readonly words: string;
}

/** One whole check of one connection. */
export interface CheckReport {
  readonly connectionId: string;
  readonly connectionLabel: string;
  readonly environmentName: string;
  readonly checkedAt: string;
  readonly result: Exclude<CheckResult, 'skipped'>;
  /** One sentence: "Every step passed." or the problems found. */
  readonly summary: string;
  readonly steps: readonly CheckStep[];
  readonly organisationProblems: readonly OrganisationProblem[];
}

/** The last check as the card shows it (the steps come with `health.report`). */
export interface CheckSummary {
  readonly checkedAt: string;
  readonly result: CheckReport['result'];
  readonly summary: string;
  readonly organisationProblems: readonly OrganisationProblem[];
}

/** "Keep connections alive in the background": the person's choice, unless the admin file decides. */
export interface KeepAliveSetting {
  readonly enabled: boolean;
  /** True when the admin file forces it on or off; the setting cannot be changed in the app then. */
  readonly setByAdmin: boolean;
  /** Whether this computer can start the app at login (Windows and macOS; not Linux or the Chromium shell). */
  readonly startsAtLogin: boolean;
}

/** Calls and events of connection checks and background keep-alive. */
export const health = {
  calls: {
    /** Runs every step for one connection; the steps also arrive one by one as `progress`. */
    check: call<{ id: string }, CheckReport>(),
    /** Checks every connection, a few at a time. */
    checkAll: call<undefined, CheckReport[]>(),
    /** The last check of a connection with its steps; null when it was never checked. */
    report: call<{ id: string }, CheckReport | null>(),
    keepAlive: call<undefined, KeepAliveSetting>(),
    setKeepAlive: call<{ enabled: boolean }, KeepAliveSetting>(),
  },
  events: {
    /** A step finished while a check runs. */
    progress: push<{ connectionId: string; step: CheckStep }>(),
  },
} satisfies FeatureContract;
