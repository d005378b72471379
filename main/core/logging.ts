import type { Logger } from './ports';

const SECRET_KEY = /^(code|state|code_?verifier|((access|refresh|id)_?)?token|client_?secret|secret|authorization|password)$/i;
const JWT_LIKE = /\beyJ[\w-]+\.[\w-]+\.[\w-]*/g;
const SECRET_PARAM = /([?&#](?:code|state|code_verifier|code_challenge|(?:access_|refresh_|id_)?token|client_secret)=)[^&#\s"]*/gi;

/** Removes tokens from free text: JWT-shaped strings and secret query parameters of URLs. */
export function redactText(text: string): string {
  return text.replace(JWT_LIKE, '[redacted token]').replace(SECRET_PARAM, '$1[redacted]');
}

/** Removes secrets from log fields, by key name and by shape (anything that looks like a JWT). */
export function redactFields(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(fields).map(([key, value]) => [
      key,
      SECRET_KEY.test(key) ? '[redacted]' : typeof value === 'string' ? redactText(value) : value,
    ]),
  );
}

const LEVELS = ['debug', 'info', 'warn', 'error'] as const;
type Level = (typeof LEVELS)[number];

/** A line-per-entry logger over any writer (stderr, a file); every entry goes through redaction. */
export function createLineLogger(write: (line: string) => void, minimum: string | undefined): Logger {
  const floor = Math.max(0, LEVELS.indexOf((minimum ?? 'info') as Level));
  const log = (level: Level) => (message: string, fields: Record<string, unknown> = {}) => {
    if (LEVELS.indexOf(level) < floor) return;
    write(JSON.stringify({ at: new Date().toISOString(), level, message: redactText(message), ...redactFields(fields) }));
  };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}
