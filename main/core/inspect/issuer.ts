import { isLoopbackHost } from '../urls';
import type { EnvironmentRef, IssuerSummary } from './types';

/** The one production identity server (approvalmax-api.md). */
const PRODUCTION_HOST = 'identity.approvalmax.com';

/** Compares issuers as a server would: case-insensitive scheme and host, no trailing slash. */
export function normaliseIssuer(issuer: string): string {
  try {
    const url = new URL(issuer.trim());
    return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}${url.search}`;
  } catch {
    return issuer.trim().replace(/\/+$/, '');
  }
}

/** Says which server an issuer is, without any configured environment to go on. */
export function describeIssuerHost(issuer: string): string {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return 'Not a web address, so it cannot be matched to a server';
  }
  const host = url.hostname.toLowerCase();
  if (isLoopbackHost(host)) return 'A server on this computer (e.g. the simulator)';
  if (host === PRODUCTION_HOST)
    return url.protocol === 'https:'
      ? 'ApprovalMax Production'
      : 'ApprovalMax Production, but over an insecure (http) address';
  const approvalMax = /^([a-z0-9-]+)\.approvalmax\.com$/.exec(host);
  if (approvalMax) {
    const name = approvalMax[1]!;
    return /dev/.test(name)
      ? `${name} — an ApprovalMax development server`
      : `${name} — an ApprovalMax server other than Production`;
  }
  return url.protocol === 'https:'
    ? `${host} — not an ApprovalMax server`
    : `${host} — not an ApprovalMax server, and not a secure (https) address`;
}

/** Matches the token's issuer to one of the user's environments, else describes the server. */
export function summariseIssuer(value: unknown, environments: readonly EnvironmentRef[]): IssuerSummary | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const wanted = normaliseIssuer(value);
  const match = environments.find((environment) => normaliseIssuer(environment.issuer) === wanted);
  const host = describeIssuerHost(value);
  if (!match) return { value, environment: null, description: host };
  return {
    value,
    environment: { id: match.id, name: match.name },
    description: `Your “${match.name}” environment. ${host}`,
  };
}
