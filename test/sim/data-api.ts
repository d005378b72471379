// The Public API's data endpoints: organisation checks, the rate limit, then a page or one item.
import type { JWTPayload } from 'jose';
import { generateItems } from './data-generator';
import { dataListByPath, type DataList } from './data-lists';
import { pageOf, parseListQuery } from './data-query';
import type { FaultSwitchboard } from './faults';
import { delay } from './http-util';
import { ApiProblem, invalidInput } from './problems';
import type { SlidingWindowLimiter } from './rate-limit';

/** What a data request needs from the API around it. */
export interface DataApiDeps {
  faults: FaultSwitchboard;
  limiter: SlidingWindowLimiter;
  /** The organisations the token's connection covers now. */
  coveredCompanyIds(payload: JWTPayload): ReadonlySet<string>;
  /** Aborted when the API stops, so a page delay never outlives it. */
  stopping: AbortSignal;
}

/** A matched data path: which organisation, which list, and the item's id for a one-item read. */
export interface DataRoute {
  companyId: string;
  list: DataList;
  requestId: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATA_PATH = /^\/api\/v1\/companies\/([^/]+)\/(.+)$/i;

/** Matches `/api/v1/companies/{companyId}/<list>` and, for requests, `…/<list>/{requestId}`. */
export function matchDataRoute(pathname: string): DataRoute | undefined {
  const match = DATA_PATH.exec(pathname);
  if (!match) return undefined;
  const companyId = decoded(match[1]!);
  const rest = match[2]!.replace(/\/$/, '');
  const whole = dataListByPath(rest);
  if (companyId === undefined) return undefined;
  if (whole) return { companyId, list: whole, requestId: null };
  const slash = rest.lastIndexOf('/');
  const list = slash > 0 ? dataListByPath(rest.slice(0, slash)) : undefined;
  const requestId = decoded(rest.slice(slash + 1));
  return list?.request && requestId !== undefined ? { companyId, list, requestId } : undefined;
}

function decoded(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** Returns the organisation's id as the connection spells it (ids match in any case, like GUIDs). */
function checkOrganisation(deps: DataApiDeps, payload: JWTPayload, companyId: string): string {
  const same = (id: string) => id.toLowerCase() === companyId.toLowerCase();
  const covered = [...deps.coveredCompanyIds(payload)].find(same);
  if (covered === undefined)
    throw new ApiProblem(403, `The connection of this token has no access to this organisation (${companyId}).`);
  if (deps.faults.current.planDisabled.some(same)) throw new ApiProblem(400, `The ${covered} is disabled.`);
  return covered;
}

function checkRate(deps: DataApiDeps, payload: JWTPayload, companyId: string): void {
  const { readsPerMinute: limit, rateWindowSeconds: window } = deps.faults.current;
  const wait = deps.limiter.take(`${String(payload.client_id)}|${companyId}`, limit, Date.now(), window * 1000);
  const per = window === 60 ? 'a minute' : `in ${window} seconds`;
  if (wait !== null)
    throw new ApiProblem(
      429,
      `Too many requests: at most ${limit} reads ${per} per application and organisation. Try again in ${wait} seconds.`,
      { 'Retry-After': String(wait) },
    );
}

function oneItem(url: URL, route: DataRoute, companyId: string): unknown {
  const [name] = url.searchParams.keys();
  if (name !== undefined) throw new ApiProblem(404, `The query parameter '${name}' is not supported here.`);
  const id = route.requestId!;
  if (!UUID.test(id))
    throw invalidInput(url.pathname, [
      {
        path: 'requestId',
        name: 'requestId',
        value: id,
        errorMessage: `The value '${id}' is not valid for requestId.`,
      },
    ]);
  const item = generateItems(companyId, route.list).find(
    (candidate) => 'requestId' in candidate && candidate.requestId === id.toLowerCase(),
  );
  if (!item) throw new ApiProblem(404, `There is no ${route.list.singular} with the request id ${id}.`);
  return item;
}

/** Answers one data request, or throws the problem to answer instead. */
export async function answerDataRequest(
  deps: DataApiDeps,
  payload: JWTPayload,
  url: URL,
  route: DataRoute,
): Promise<unknown> {
  const companyId = checkOrganisation(deps, payload, route.companyId);
  checkRate(deps, payload, companyId);
  if (route.requestId !== null) return oneItem(url, route, companyId);
  const query = parseListQuery(url, route.list, companyId);
  const { failPage, pageDelayMs } = deps.faults.current;
  if (failPage === query.page) throw new ApiProblem(500, `Simulated: page ${query.page} failed.`);
  if (pageDelayMs > 0) await delay(pageDelayMs, deps.stopping);
  return pageOf(generateItems(companyId, route.list), query);
}
