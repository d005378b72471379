import { useEffect, useState } from 'react';
import type { Result } from '../../../preload/contract';
import { bridge } from '../../bridge';
import { useQuery } from '../../shared/use-query';

/** How long the issuer field must stay unchanged before its discovery document is asked for. */
const SETTLE_MS = 500;

interface Listed {
  readonly issuer: string;
  readonly scopes: readonly string[] | null;
}

/**
 * The scopes the identity server lists in its discovery document (`scopes_supported`), once the
 * issuer field holds an address and the user stopped typing; null while unknown or when it lists none.
 */
export function useScopeSuggestions(issuer: string, enabled: boolean): readonly string[] | null {
  const wanted = enabled && looksLikeAddress(issuer) ? issuer.trim() : '';
  const settled = useSettled(wanted, SETTLE_MS);
  const listed = useQuery<Listed>(() => listScopes(settled), { deps: [settled] });
  // Only the answer for the address in the field now: nothing while it is being typed.
  const data = listed.data;
  return data && data.issuer === wanted && wanted !== '' && data.scopes && data.scopes.length > 0 ? data.scopes : null;
}

async function listScopes(issuer: string): Promise<Result<Listed>> {
  if (!issuer) return { ok: true, value: { issuer, scopes: null } };
  const result = await bridge.environments.scopesSupported({ issuer });
  // Suggestions are a help, never a failure: an unreachable server simply suggests nothing.
  return { ok: true, value: { issuer, scopes: result.ok ? result.value.scopes : null } };
}

/** An http(s) address with a host: worth asking (the core decides which it actually fetches). */
function looksLikeAddress(value: string): boolean {
  try {
    const url = new URL(value.trim());
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** The value once it has stopped changing for `ms`. */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
