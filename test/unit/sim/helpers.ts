// Shared helpers for the simulator's own tests.
import { ROUTES } from '../../sim/endpoints';
import type { Simulator, SimulatorTokens } from '../../sim/index';

/** Calls a Public API path with a bearer token (or none). */
export function callApi(sim: Simulator, path: string, token?: string): Promise<Response> {
  return fetch(new URL(path, sim.apiBase), {
    headers: token === undefined ? {} : { Authorization: `Bearer ${token}` },
  });
}

/** Posts a form to the token endpoint the way an ApprovalMax client does (client_secret_post). */
export function postToken(sim: Simulator, params: Record<string, string>): Promise<Response> {
  return fetch(new URL(ROUTES.token, sim.issuer), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: sim.clientId, client_secret: sim.clientSecret, ...params }),
  });
}

/** Runs the refresh grant and returns the raw response. */
export function refresh(sim: Simulator, tokens: SimulatorTokens): Promise<Response> {
  return postToken(sim, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token ?? '' });
}

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
