import type { Environment } from './environments';

/** How messages name an environment's identity server: "ApprovalMax" only where it is ApprovalMax's. */
export interface ProviderWords {
  /** "ApprovalMax", or the environment's name ("Acme staging"). */
  readonly name: string;
  /** Where the application's settings live: the ApprovalMax developer portal, or the server's own. */
  readonly portal: string;
  /** Who to ask when the server keeps refusing. */
  readonly support: string;
}

/** The words for ApprovalMax's own servers, and the default where no environment is known. */
export const APPROVALMAX_WORDS: ProviderWords = {
  name: 'ApprovalMax',
  portal: 'the ApprovalMax developer portal',
  support: 'ApprovalMax support',
};

/** True for ApprovalMax's identity servers (production and its other environments). */
export function isApprovalMaxIssuer(issuer: string): boolean {
  try {
    const host = new URL(issuer).hostname.toLowerCase();
    return host === 'approvalmax.com' || host.endsWith('.approvalmax.com');
  } catch {
    return false;
  }
}

/** The words for one environment. */
export function providerWords(env: Pick<Environment, 'name' | 'issuer'>): ProviderWords {
  if (isApprovalMaxIssuer(env.issuer)) return APPROVALMAX_WORDS;
  return {
    name: env.name,
    portal: `the application's settings on ${env.name}'s identity server`,
    support: `the administrators of ${env.name}`,
  };
}
