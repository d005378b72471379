/** True for pages a sign-in window may show: https anywhere, plus the environment's own issuer (e.g. a local simulator). */
export function mayNavigate(url: string, issuerOrigin: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.origin === issuerOrigin;
  } catch {
    return false;
  }
}
