// One plain sentence for every rule a form field or bridge argument breaks, wherever it is checked
// (the bridge's choke point, the settings form, the admin file): never a schema library's own text.

/** What the user calls each field, as the forms label them. */
const FIELD_LABELS: Record<string, string> = {
  name: 'Name',
  issuer: 'Identity server address',
  apiBase: 'API address',
  clientId: 'Client ID',
  clientSecret: 'Client Secret',
  redirectUri: 'Redirect URI',
  scopes: 'Scopes',
  prompt: 'Prompt',
  signInHint: 'Sign-in note',
  refreshTokenLifetimeDays: 'Refresh-token lifetime',
  readsPerMinute: 'Reads per minute',
  label: 'Connection name',
  accessToken: 'Access token',
  token: 'Token',
  text: 'Text',
  path: 'API path',
  landedUrl: 'Address the browser ended on',
  username: 'User name',
  password: 'Password',
};

/** The parts of a validation issue the words are made from (zod's issue shape). */
export interface FieldIssue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly maximum?: number | bigint;
  readonly minimum?: number | bigint;
  readonly origin?: string;
}

/** "Name", "Scopes (item 3)", or "This request" for the argument as a whole. */
export function fieldName(path: readonly PropertyKey[]): string {
  const field = [...path].reverse().find((p) => typeof p === 'string');
  const label = field === undefined ? 'This request' : (FIELD_LABELS[field as string] ?? humanise(field as string));
  const index = path.find((p) => typeof p === 'number');
  return typeof index === 'number' ? `${label} (item ${index + 1})` : label;
}

/** The issue as one sentence: "Name must be at most 80 characters." */
export function describeIssue(issue: FieldIssue): string {
  return `${fieldName(issue.path)} ${describeRule(issue)}.`;
}

/** The broken rule alone, to follow any name: "must be at most 80 characters". */
export function describeRule(issue: FieldIssue): string {
  // Our own rules carry plain words already, written to follow the field's name; a library's do not.
  if (/^(must|is|has)\b/.test(issue.message)) return issue.message.replace(/\.$/, '');
  const unit = issue.origin === 'array' ? 'entries' : 'characters';
  switch (issue.code) {
    case 'too_big':
      return `must be at most ${String(issue.maximum)} ${unit}`;
    case 'too_small':
      return Number(issue.minimum) <= 1
        ? issue.origin === 'array'
          ? 'must list at least one entry'
          : 'must not be empty'
        : `must be at least ${String(issue.minimum)} ${unit}`;
    case 'invalid_type':
      return 'is missing or not of the expected kind';
    case 'unrecognized_keys':
      return 'holds something this app does not expect';
    case 'invalid_value':
    case 'invalid_union':
      return 'is not one of the allowed values';
    default:
      return 'is not valid';
  }
}

function humanise(key: string): string {
  const words = key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
