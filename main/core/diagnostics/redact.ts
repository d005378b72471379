import { redactText, SECRET_KEY } from '../logging';
/** Opaque secrets shorter than this are not scrubbed by value: too likely to match ordinary words. */
const MIN_KNOWN_SECRET = 8;

/** Replaces every occurrence of each known secret (tokens, client secrets the app holds), whatever its shape. */
export function scrubKnown(text: string, knownSecrets: readonly string[]): string {
  let out = text;
  for (const secret of [...knownSecrets].sort((a, b) => b.length - a.length)) {
    if (secret.length >= MIN_KNOWN_SECRET) out = out.split(secret).join('[redacted]');
  }
  return out;
}

/** Free text made safe: known secrets, JWT-shaped strings, secret URL parameters and bearer values removed. */
export function redactString(text: string, knownSecrets: readonly string[]): string {
  return redactText(scrubKnown(text, knownSecrets)).replace(
    /\b(Bearer|Basic)\s+(?!\[redacted)[A-Za-z0-9\-._~+/]{8,}=*/g,
    '$1 [redacted]',
  );
}

/** Deep redaction for reports: secret keys by name, every string by shape and by known value. */
export function redactDeep(value: unknown, knownSecrets: readonly string[]): unknown {
  if (typeof value === 'string') return redactString(value, knownSecrets);
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, knownSecrets));
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        SECRET_KEY.test(k) && v !== null ? '[redacted]' : redactDeep(v, knownSecrets),
      ]),
    );
  return value;
}
