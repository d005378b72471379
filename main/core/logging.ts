import type { Logger } from './ports';

/** Field names whose values are secrets whatever they hold (OAuth parameters, tokens, credentials). */
export const SECRET_KEY =
  /^(code|state|code_?verifier|code_?challenge|((access|refresh|id)_?)?token|client_?secret|secret|authorization|proxy-authorization|password|cookie|set-cookie)$/i;
const JWT_LIKE = /\beyJ[\w-]+\.[\w-]+\.[\w-]*/g;
const SECRET_PARAM =
  /([?&#](?:code|state|code_verifier|code_challenge|(?:access_|refresh_|id_)?token|client_secret)=)[^&#\s"]*/gi;

/** Removes tokens from free text: JWT-shaped strings and secret query parameters of URLs. */
export function redactText(text: string): string {
  return text.replace(JWT_LIKE, '[redacted token]').replace(SECRET_PARAM, '$1[redacted]');
}

/** Removes secrets from log fields, by key name (at any depth) and by shape (anything that looks like a JWT). */
export function redactFields(fields: Record<string, unknown>): Record<string, unknown> {
  return redactValue(fields, 0) as Record<string, unknown>;
}

function redactValue(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return redactText(value);
  if (depth > 6 || typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((v) => redactValue(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [key, SECRET_KEY.test(key) ? '[redacted]' : redactValue(v, depth + 1)]),
  );
}

const LEVELS = ['debug', 'info', 'warn', 'error'] as const;
type Level = (typeof LEVELS)[number];

/** A line-per-entry logger over any writer (stderr, a file); every entry goes through redaction. */
export function createLineLogger(write: (line: string) => void, minimum: string | undefined): Logger {
  const floor = Math.max(0, LEVELS.indexOf((minimum ?? 'info') as Level));
  const log =
    (level: Level) =>
    (message: string, fields: Record<string, unknown> = {}) => {
      if (LEVELS.indexOf(level) < floor) return;
      write(
        JSON.stringify({ at: new Date().toISOString(), level, message: redactText(message), ...redactFields(fields) }),
      );
    };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}
