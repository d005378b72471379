// The login and consent steps: oidc-provider hands the browser to these pages and back.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import type { InteractionResults } from 'oidc-provider';
import type { ConnectionStore } from './connections';
import type { FaultSwitchboard } from './faults';
import { API_SCOPES, DEMO_USER, OIDC_SCOPES, type Organisation } from './fixtures';
import { readBody, sendHtml } from './http-util';
import { PUBLIC_API_RESOURCE } from './endpoints';
import { consentPage, errorPage, loginPage } from './pages';

/** What the interaction pages need to know. */
export interface InteractionDeps {
  provider: Provider;
  clientId: string;
  organisations: readonly Organisation[];
  faults: FaultSwitchboard;
  connections: ConnectionStore;
}

type Details = Awaited<ReturnType<Provider['interactionDetails']>>;

const DENIED: InteractionResults = {
  error: 'access_denied',
  error_description: 'The user did not allow access to their ApprovalMax organisations.',
};

function requestedScopes(details: Details): string[] {
  return typeof details.params.scope === 'string' ? details.params.scope.split(' ').filter(Boolean) : [];
}

async function showStep(
  deps: InteractionDeps,
  req: IncomingMessage,
  res: ServerResponse,
  details: Details,
): Promise<void> {
  const base = `/interaction/${details.uid}`;
  if (details.prompt.name === 'login') {
    sendHtml(res, 200, loginPage({ action: `${base}/login` }));
  } else if (deps.faults.current.denyConsent) {
    await deps.provider.interactionFinished(req, res, DENIED, { mergeWithLastSubmission: false });
  } else {
    const page = consentPage({
      action: `${base}/consent`,
      clientId: deps.clientId,
      organisations: deps.organisations,
      scopes: requestedScopes(details),
    });
    sendHtml(res, 200, page);
  }
}

async function submitLogin(
  deps: InteractionDeps,
  req: IncomingMessage,
  res: ServerResponse,
  details: Details,
  form: URLSearchParams,
): Promise<void> {
  const email = (form.get('email') ?? '').trim();
  if (email.toLowerCase() !== DEMO_USER.email || form.get('password') !== DEMO_USER.password) {
    const error = 'The email or password is not right. Check them and try again.';
    sendHtml(res, 200, loginPage({ action: `/interaction/${details.uid}/login`, email, error }));
    return;
  }
  const result: InteractionResults = { login: { accountId: DEMO_USER.accountId, amr: ['external'] } };
  await deps.provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
}

async function submitConsent(
  deps: InteractionDeps,
  req: IncomingMessage,
  res: ServerResponse,
  details: Details,
  form: URLSearchParams,
): Promise<void> {
  if (form.get('decision') !== 'allow' || deps.faults.current.denyConsent) {
    await deps.provider.interactionFinished(req, res, DENIED, { mergeWithLastSubmission: false });
    return;
  }
  const known = new Set(deps.organisations.map((o) => o.companyId));
  const ticked = form.getAll('organisations').filter((id) => known.has(id));
  const scopes = requestedScopes(details);
  if (ticked.length === 0) {
    const error = 'Tick at least one organisation, or choose Deny.';
    const page = consentPage({
      action: `/interaction/${details.uid}/consent`,
      clientId: deps.clientId,
      organisations: deps.organisations,
      scopes,
      error,
    });
    sendHtml(res, 200, page);
    return;
  }
  const accountId = details.session?.accountId ?? DEMO_USER.accountId;
  const grant = new deps.provider.Grant({ accountId, clientId: String(details.params.client_id) });
  const oidcScopes = scopes.filter((s) => (OIDC_SCOPES as readonly string[]).includes(s));
  const apiScopes = scopes.filter((s) => (Object.values(API_SCOPES) as string[]).includes(s));
  if (oidcScopes.length) grant.addOIDCScope(oidcScopes);
  if (apiScopes.length) grant.addResourceScope(PUBLIC_API_RESOURCE, apiScopes);
  const grantId = await grant.save();
  deps.connections.create(grantId, ticked);
  await deps.provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
}

/** Builds the handler for every `/interaction/...` request. */
export function createInteractionHandler(deps: InteractionDeps) {
  return async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    try {
      const [, , uid, action] = path.split('/');
      const details = await deps.provider.interactionDetails(req, res);
      if (details.uid !== uid)
        throw new Error('This sign-in page belongs to another sign-in attempt. Start again from the application.');
      if (req.method === 'GET' && action === undefined) return await showStep(deps, req, res, details);
      if (req.method !== 'POST') throw new Error('This page only accepts form submissions.');
      const form = new URLSearchParams(await readBody(req));
      if (action === 'login' && details.prompt.name === 'login')
        return await submitLogin(deps, req, res, details, form);
      if (action === 'consent' && details.prompt.name === 'consent')
        return await submitConsent(deps, req, res, details, form);
      throw new Error('This step of the sign-in is not expected now. Start again from the application.');
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (!res.headersSent) sendHtml(res, 400, errorPage('Sign-in could not continue', { problem: message }));
      else res.end();
    }
  };
}
