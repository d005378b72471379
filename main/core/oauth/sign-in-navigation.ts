/** True for pages a sign-in window may show: https anywhere, plus the environment's own issuer (e.g. a local simulator). */
export function mayNavigate(url: string, issuerOrigin: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.origin === issuerOrigin;
  } catch {
    return false;
  }
}

/** A page that finished loading in the sign-in window, as the adapters report it. */
export interface LoadedSignInPage {
  readonly url: string;
  /** The HTTP status of the page, when the window reports it. */
  readonly status: number | null;
  readonly title: string;
}

/**
 * True when a loaded sign-in page is the identity server's own error: on the issuer's origin, with an
 * HTTP error status or an OAuth `error` (IdentityServer: `errorId`) in its address. Such a page never
 * redirects back, so the app says so at once instead of waiting out the window's timeout.
 */
export function isSignInPageProblem(page: LoadedSignInPage, issuerOrigin: string): boolean {
  let url: URL;
  try {
    url = new URL(page.url);
  } catch {
    return false;
  }
  if (url.origin !== issuerOrigin) return false;
  return (
    (page.status !== null && page.status >= 400) || url.searchParams.has('error') || url.searchParams.has('errorId')
  );
}
