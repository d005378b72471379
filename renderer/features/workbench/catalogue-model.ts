// The endpoint catalogue and the parameter form, without React: endpoints grouped by platform and
// request type and searched by name; the values a form starts with; the request run by run.
import type { Endpoint, EndpointParameter, Organisation, ParameterValues } from '../../../preload/contract';

export interface EndpointGroup {
  /** "Bills", "Purchase orders"… */
  readonly name: string;
  readonly endpoints: readonly Endpoint[];
}

export interface PlatformGroup {
  /** "Xero", "General"… */
  readonly platform: string;
  readonly groups: readonly EndpointGroup[];
}

const words = (text: string) => text.toLocaleLowerCase().split(/\s+/).filter(Boolean);

/** Whether every word searched for is in the endpoint's name, group, platform or path. */
export function endpointMatches(endpoint: Endpoint, search: string): boolean {
  const haystack = `${endpoint.name} ${endpoint.group} ${endpoint.platform} ${endpoint.path}`.toLocaleLowerCase();
  return words(search).every((word) => haystack.includes(word));
}

/** The endpoints that match the search, by platform then request type, each in the catalogue's own order. */
export function groupEndpoints(endpoints: readonly Endpoint[], search: string): PlatformGroup[] {
  const platforms = new Map<string, Map<string, Endpoint[]>>();
  for (const endpoint of endpoints) {
    if (!endpointMatches(endpoint, search)) continue;
    const groups = platforms.get(endpoint.platform) ?? new Map<string, Endpoint[]>();
    platforms.set(endpoint.platform, groups);
    groups.set(endpoint.group, [...(groups.get(endpoint.group) ?? []), endpoint]);
  }
  return [...platforms].map(([platform, groups]) => ({
    platform,
    groups: [...groups].map(([name, list]) => ({ name, endpoints: list })),
  }));
}

/**
 * What the form holds for a newly chosen endpoint: what the user already typed for a parameter of the
 * same name, else its default; an organisation the connection covers for `company` (the one chosen
 * before if it is still there, else the first).
 */
export function initialValues(
  endpoint: Endpoint,
  previous: ParameterValues,
  organisations: readonly Organisation[],
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const parameter of endpoint.parameters) {
    const before = previous[parameter.name];
    if (parameter.kind === 'company') {
      const kept = before !== undefined && before !== '' ? before : undefined;
      values[parameter.name] = kept ?? organisations[0]?.companyId ?? '';
    } else values[parameter.name] = before ?? parameter.defaultValue ?? '';
  }
  return values;
}

/** The hint under a parameter: its description, its range, whether it may be left out. */
export function parameterHint(parameter: EndpointParameter): string {
  const range =
    parameter.minimum !== null && parameter.maximum !== null
      ? `From ${parameter.minimum} to ${parameter.maximum}.`
      : parameter.minimum !== null
        ? `At least ${parameter.minimum}.`
        : parameter.maximum !== null
          ? `At most ${parameter.maximum}.`
          : '';
  const optional = parameter.required ? '' : 'Optional: leave it empty to leave it out.';
  return [parameter.description?.trim() ?? '', range, optional].filter(Boolean).join(' ');
}

/** The values actually sent: empty ones are left out. */
export function filledValues(values: ParameterValues): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value.trim() !== ''));
}
