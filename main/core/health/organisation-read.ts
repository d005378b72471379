// What one organisation's cheap read (a data list with limit=1) says about it, in plain words.
import type { CheckResult, OrganisationAccess, PingReport } from '../../../preload/contract';

/** The cheapest data read there is: one purchase order (approvalmax-api.md, "Public API"). */
export const organisationReadPath = (companyId: string) =>
  `/api/v1/companies/${encodeURIComponent(companyId)}/xero/purchase-orders?limit=1`;

/** How one organisation's read ended. */
export interface OrganisationRead {
  readonly access: OrganisationAccess;
  readonly result: Exclude<CheckResult, 'skipped'>;
  readonly detail: string;
  readonly action: string | null;
}

/**
 * Classifies the answer: readable (2xx); the plan has no API access (400 "The … is disabled.", which
 * ApprovalMax sends even though /companies still lists the organisation); not covered by this
 * connection (403); otherwise the failure class the ping verdicts name.
 */
export function classifyOrganisationRead(
  name: string,
  report: Pick<PingReport, 'response' | 'verdict'>,
): OrganisationRead {
  const status = report.response?.status ?? null;
  const { verdict } = report;
  if (status !== null && status >= 200 && status < 300)
    return {
      access: 'readable',
      result: 'passed',
      detail: 'Data readable. The API answered a one-item read of its purchase orders.',
      action: null,
    };
  if (verdict.outcome === 'api-access-disabled')
    return {
      access: 'plan-disabled',
      result: 'failed',
      detail: `Its ApprovalMax plan has no API access. ApprovalMax still lists ${name}, but answered "… is disabled" when its data was read (HTTP 400).`,
      action: `Ask ${name}'s Account Owner to check its ApprovalMax plan (API access needs a Premium plan or a trial), or contact ApprovalMax about API access.`,
    };
  if (status === 403)
    return {
      access: 'not-covered',
      result: 'failed',
      detail: `Not covered by this connection. ApprovalMax refused its data (HTTP 403): it was probably removed from the connection in ApprovalMax, or the person who connected no longer has a role in it.`,
      action: `Reconnect and tick ${name}, signed in as someone with the Account Owner or Administrator role in it.`,
    };
  if (status === 404)
    return {
      access: 'not-checked',
      result: 'warning',
      detail:
        'Its data could not be tried. The API has no Xero purchase-order list for it (HTTP 404); it may use another accounting system.',
      action: null,
    };
  if (verdict.tone === 'warning')
    return {
      access: 'not-checked',
      result: 'warning',
      detail: `${verdict.headline} ${verdict.explanation}`,
      action: verdict.nextStep,
    };
  return {
    access: 'failed',
    result: 'failed',
    detail: `${verdict.headline} ${verdict.explanation}`,
    action: verdict.nextStep,
  };
}
