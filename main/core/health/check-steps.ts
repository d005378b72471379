// The steps of "Check connection" as plain words: pure functions from what each request found to a
// passed / warning / failed step, so every classification is unit-tested without a server.
import type {
  CheckReport,
  CheckResult,
  CheckStep,
  ClockSkew,
  Organisation,
  OrganisationProblem,
  Verdict,
} from '../../../preload/contract';
import type { RefreshOutcome } from '../tokens/token-refresher';
import type { OrganisationRead } from './organisation-read';

/** What the discovery request found: a document, an answer without one, or no answer. */
export type DiscoveryAnswer =
  | { readonly kind: 'document' }
  | { readonly kind: 'no-document'; readonly status: number }
  | { readonly kind: 'no-answer'; readonly verdict: Verdict };

export function identityServerStep(answer: DiscoveryAnswer, serverName: string): CheckStep {
  const title = 'Identity server';
  if (answer.kind === 'document')
    return step(
      'identity-server',
      title,
      'passed',
      `${serverName}'s identity server answered and published its settings (discovery).`,
    );
  if (answer.kind === 'no-document' && answer.status < 500)
    return step(
      'identity-server',
      title,
      'passed',
      `${serverName}'s identity server answered (HTTP ${answer.status}) without a discovery document, so the app uses its standard addresses.`,
    );
  if (answer.kind === 'no-document')
    return step(
      'identity-server',
      title,
      'failed',
      `${serverName}'s identity server had a problem on its side (HTTP ${answer.status}).`,
      'Wait a few minutes and check again; if it persists, contact the server’s administrators.',
    );
  return step(
    'identity-server',
    title,
    'failed',
    `${answer.verdict.headline} ${answer.verdict.explanation}`,
    answer.verdict.nextStep,
  );
}

/** The real refresh, or why there was none. */
export function tokenStep(
  outcome: RefreshOutcome | { kind: 'no-refresh-token'; note: string },
  lifetimeWords: string | null,
): CheckStep {
  const title = 'Token renewal';
  switch (outcome.kind) {
    case 'refreshed':
      return step(
        'token',
        title,
        'passed',
        `The token endpoint renewed the token.${lifetimeWords ? ` ${lifetimeWords}` : ''}`,
      );
    case 'no-refresh-token':
      return step('token', title, 'warning', outcome.note);
    case 'needs-reconnect':
      return step(
        'token',
        title,
        'failed',
        outcome.message,
        'Reconnect the connection (the Reconnect button on its card).',
      );
    case 'failed':
      return step('token', title, 'failed', outcome.message, 'Check again in a few minutes.');
  }
}

/** `/ping` with the connection's token. */
export function apiStep(verdict: Verdict): CheckStep {
  const result: CheckResult = verdict.tone === 'good' ? 'passed' : verdict.tone === 'warning' ? 'warning' : 'failed';
  return step(
    'api',
    'API',
    result,
    result === 'passed'
      ? 'The API answered /ping and accepted the token.'
      : `${verdict.headline} ${verdict.explanation}`,
    result === 'passed' ? null : verdict.nextStep,
  );
}

/** `/api/v1/companies` against the organisations stored when connecting: added and missing ones named. */
export function organisationsStep(
  stored: readonly Organisation[],
  listed: { ok: true; organisations: readonly Organisation[] } | { ok: false; message: string },
): CheckStep {
  const title = 'Organisation list';
  if (!listed.ok)
    return step(
      'organisations',
      title,
      'failed',
      `The organisations could not be listed: ${listed.message}`,
      'Check again in a few minutes.',
    );
  const ids = (list: readonly Organisation[]) => new Set(list.map((o) => o.companyId));
  const listedIds = ids(listed.organisations);
  const storedIds = ids(stored);
  const missing = stored.filter((o) => !listedIds.has(o.companyId));
  const added = listed.organisations.filter((o) => !storedIds.has(o.companyId));
  if (missing.length === 0 && added.length === 0)
    return step(
      'organisations',
      title,
      'passed',
      `ApprovalMax lists the same ${count(stored.length, 'organisation')} as when you connected.`,
    );
  const parts = [
    ...(missing.length ? [`no longer lists ${names(missing)}`] : []),
    ...(added.length ? [`now also lists ${names(added)}`] : []),
  ];
  return step(
    'organisations',
    title,
    'warning',
    `ApprovalMax ${parts.join(', and ')} for this connection.`,
    missing.length
      ? 'If that organisation should still be covered, reconnect and tick it; otherwise nothing to do.'
      : 'Reconnect to show the new list on this card.',
  );
}

/** One organisation's read, titled with its name. */
export function organisationStep(organisation: Organisation, read: OrganisationRead): CheckStep {
  return {
    ...step('organisation', organisation.name, read.result, read.detail, read.action),
    companyId: organisation.companyId,
  };
}

/** Clock skew from the API's `Date` header. */
export function clockStep(skew: ClockSkew | null): CheckStep {
  const title = 'Clock';
  if (!skew)
    return step('clock', title, 'skipped', 'The API sent no time to compare with, so the clock was not checked.');
  if (skew.warning) return step('clock', title, 'warning', skew.warning);
  return step('clock', title, 'passed', "This computer's clock agrees with the API's (within a minute).");
}

/** A step that could not run because an earlier one failed. */
export function skippedStep(kind: CheckStep['kind'], title: string, why: string, companyId?: string): CheckStep {
  return { ...step(kind, title, 'skipped', why), ...(companyId ? { companyId } : {}) };
}

/** The organisations the card marks: every one whose read was not "data readable". */
export function organisationProblems(
  reads: readonly { organisation: Organisation; read: OrganisationRead | null }[],
): OrganisationProblem[] {
  return reads.flatMap(({ organisation, read }) => {
    if (!read) {
      const { companyId, name } = organisation;
      return [{ companyId, name, access: 'not-checked' as const, words: 'Not checked: an earlier step failed.' }];
    }
    const { access } = read;
    if (access === 'readable') return [];
    return [{ companyId: organisation.companyId, name: organisation.name, access, words: PROBLEM_WORDS[access] }];
  });
}

const PROBLEM_WORDS: Record<OrganisationProblem['access'], string> = {
  'plan-disabled': 'Its ApprovalMax plan has no API access.',
  'not-covered': 'Not covered by this connection.',
  failed: 'Its data could not be read.',
  'not-checked': 'Its data could not be tried.',
};

/** The whole run's result and one-sentence summary. */
export function overall(steps: readonly CheckStep[]): Pick<CheckReport, 'result' | 'summary'> {
  const failed = steps.filter((s) => s.result === 'failed');
  const warnings = steps.filter((s) => s.result === 'warning');
  const result = failed.length ? 'failed' : warnings.length ? 'warning' : 'passed';
  if (result === 'passed') return { result, summary: 'Every step passed: the connection works.' };
  const problems = [...failed, ...warnings];
  const shown = problems.slice(0, 3).map((s) => `${s.title}: ${firstSentence(s.detail)}`);
  const more = problems.length > 3 ? ` (and ${problems.length - 3} more)` : '';
  return {
    result,
    summary: `${count(problems.length, failed.length ? 'problem' : 'warning')}: ${shown.join(' ')}${more}`,
  };
}

/** "Passed — API: The API answered /ping…", one line per step for the Activity entry and the report. */
export function stepLine(s: CheckStep): string {
  const word = { passed: 'Passed', warning: 'Warning', failed: 'Failed', skipped: 'Skipped' }[s.result];
  return `${word} — ${s.title}: ${s.detail}${s.action ? ` ${s.action}` : ''}`;
}

function step(
  kind: CheckStep['kind'],
  title: string,
  result: CheckResult,
  detail: string,
  action: string | null = null,
): CheckStep {
  return { kind, title, result, detail, action };
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function names(list: readonly Organisation[]): string {
  const all = list.map((o) => o.name);
  return all.length <= 1 ? (all[0] ?? '') : `${all.slice(0, -1).join(', ')} and ${all.at(-1)}`;
}

function firstSentence(text: string): string {
  const match = /^.*?[.!?](\s|$)/.exec(text);
  return (match ? match[0] : text).trim();
}
