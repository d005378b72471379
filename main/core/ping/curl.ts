import type { HeaderPair } from '../../../preload/contract';

/** What a cURL command needs: the request as sent, with the bearer token given separately. */
export interface CurlRequest {
  readonly url: string;
  readonly headers: readonly HeaderPair[];
}

/**
 * The request as a POSIX-shell cURL command. Without `token` the Authorization header reads
 * `Bearer $TOKEN` (double-quoted so the shell fills it in); with one, the real token is written out.
 */
export function toCurl(request: CurlRequest, token?: string): string {
  const lines = [`curl --request GET ${shellQuote(request.url)}`];
  for (const [name, value] of request.headers) {
    if (name.toLowerCase() !== 'authorization') lines.push(`--header ${shellQuote(`${name}: ${value}`)}`);
    else
      lines.push(
        token === undefined
          ? '--header "Authorization: Bearer $TOKEN"'
          : `--header ${shellQuote(`Authorization: Bearer ${token}`)}`,
      );
  }
  return lines.join(' \\\n  ');
}

/** Single quotes protect everything in a POSIX shell; a single quote itself is closed, escaped and reopened. */
export function shellQuote(value: string): string {
  return value.includes("'") ? `'${value.replace(/'/g, `'\\''`)}'` : `'${value}'`;
}
