import { joinUrl } from '../urls';

/** A path the ping tester may call, resolved against the API base, or the reason it may not. */
export type CheckedPath =
  { readonly ok: true; readonly url: string; readonly path: string } | { readonly ok: false; readonly reason: string };

/** Keeps the free path under the environment's API base: a path only (no scheme or host), GET only, no escaping upwards. */
export function checkApiPath(apiBase: string, input: string): CheckedPath {
  const path = input.trim();
  const fix = 'Type a path under the API address, such as /api/v1/companies.';
  if (path === '') return { ok: false, reason: `Enter the path to call. ${fix}` };
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('//'))
    return {
      ok: false,
      reason: `Only a path can be entered here, not a full address: the server is the environment's API address. ${fix}`,
    };
  if (!path.startsWith('/')) return { ok: false, reason: `The path must start with "/". ${fix}` };
  if (/[^\x21-\x7e]|[\\#]/.test(path))
    return {
      ok: false,
      reason: `The path contains spaces, backslashes or other characters an address cannot hold (write them %-encoded). ${fix}`,
    };
  let url: URL;
  let base: URL;
  try {
    base = new URL(apiBase);
    url = new URL(joinUrl(apiBase, path));
  } catch {
    return { ok: false, reason: `This path does not make a valid address. ${fix}` };
  }
  const basePath = base.pathname.replace(/\/+$/, '') + '/';
  if (url.origin !== base.origin || !(url.pathname + '/').startsWith(basePath))
    return { ok: false, reason: `The path leads outside the API address (for example with "/../"). ${fix}` };
  return { ok: true, url: url.toString(), path };
}
