// How endpoints are named and grouped, the same for the OpenAPI document and the built-in list.

/** Accounting platforms by their path segment (`/companies/{companyId}/<segment>/…`). */
const PLATFORMS: Readonly<Record<string, string>> = {
  xero: 'Xero',
  qbooks: 'QuickBooks Online',
  quickbooks: 'QuickBooks Online',
  qbo: 'QuickBooks Online',
  netsuite: 'NetSuite',
  dear: 'Dear',
  cin7: 'Cin7 Core',
  standalone: 'Standalone',
};

/** Request types whose path segment does not read well as it is. */
const GROUPS: Readonly<Record<string, string>> = {
  companies: 'Organisations',
  userprofiles: 'User profiles',
  ping: 'Availability',
};

/** The platform a path reads, from its segment after `{companyId}`, or null when it names none. */
export function platformOfPath(path: string): string | null {
  const segment = /\/companies\/\{[^}]+\}\/([^/{]+)\//.exec(path)?.[1]?.toLowerCase();
  return segment ? (PLATFORMS[segment] ?? null) : null;
}

/** The request type a path reads: its last segment that is not a parameter, in words ("purchase-orders" → "Purchase orders"). */
export function groupOfPath(path: string): string {
  const segments = path.split('/').filter((s) => s !== '' && !s.startsWith('{'));
  const last = segments.at(-1) ?? '';
  return GROUPS[last.toLowerCase()] ?? (last ? sentence(words(last)) : 'Other');
}

/** "Xero bills", "Xero bill by request id", "Organisations", "Standalone documents". */
export function nameOfPath(path: string, platform: string): string {
  const group = groupOfPath(path).toLowerCase();
  const byId = /\{([^}]+)\}\/?$/.exec(path)?.[1];
  const what = byId ? `${singular(group)} by ${words(byId).toLowerCase()}` : group;
  return platform === 'General' ? sentence(what) : `${platform} ${what}`;
}

/** "purchase-orders", "userProfiles", "request_id" → "purchase orders", "user Profiles", "request id". */
export function words(identifier: string): string {
  return identifier
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_]+/g, ' ')
    .trim();
}

function sentence(text: string): string {
  const lower = text.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

function singular(text: string): string {
  if (text.endsWith('ies')) return `${text.slice(0, -3)}y`;
  if (text.endsWith('s') && !text.endsWith('ss')) return text.slice(0, -1);
  return text;
}
