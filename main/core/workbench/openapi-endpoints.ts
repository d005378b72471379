import SwaggerParser from '@apidevtools/swagger-parser';
import type { Endpoint, EndpointParameter } from '../../../preload/contract';
import { groupOfPath, nameOfPath, platformOfPath, words } from './endpoint-words';

/** A document with more than this many reads is cut: no screen lists more. */
const MAX_ENDPOINTS = 2000;
const MAX_PARAMETERS = 50;

type Json = Record<string, unknown>;

/** Why a document gave no endpoints, completing "… could not be used because ___". */
export class UnusableDocument extends Error {
  override readonly name = 'UnusableDocument';
}

/**
 * The GET operations of an OpenAPI (or Swagger 2) document as endpoints, its `$ref`s to components
 * dereferenced in memory. Nothing outside the document is ever read: no files, no URLs. Throws
 * UnusableDocument when the document is not one the parser accepts, or holds no GET operation.
 */
export async function endpointsFromOpenApi(document: unknown): Promise<Endpoint[]> {
  if (!isJson(document)) throw new UnusableDocument('it is not a JSON object');
  let api: Json;
  try {
    api = (await SwaggerParser.dereference(document as never, {
      resolve: { external: false, file: false, http: false },
      // A schema that refers to itself stays a $ref: the parameters never need its inside.
      dereference: { circular: 'ignore' },
    })) as unknown as Json;
  } catch (error) {
    throw new UnusableDocument(
      `it is not an OpenAPI document this app can read (${error instanceof Error ? error.message.slice(0, 200) : 'unknown problem'})`,
    );
  }
  const endpoints: Endpoint[] = [];
  for (const [path, item] of Object.entries(isJson(api.paths) ? api.paths : {})) {
    if (!isJson(item) || !isJson(item.get) || !path.startsWith('/')) continue;
    endpoints.push(endpointOf(path, item, item.get));
    if (endpoints.length >= MAX_ENDPOINTS) break;
  }
  if (endpoints.length === 0) throw new UnusableDocument('it lists no GET operations');
  return endpoints.sort(
    (a, b) => a.platform.localeCompare(b.platform) || a.group.localeCompare(b.group) || a.path.localeCompare(b.path),
  );
}

function endpointOf(path: string, item: Json, operation: Json): Endpoint {
  const platform = platformOfPath(path) ?? tagOf(operation) ?? 'General';
  const parameters = mergeParameters(item.parameters, operation.parameters);
  return {
    id: `GET ${path}`,
    path,
    name: text(operation.summary) ?? operationName(operation.operationId) ?? nameOfPath(path, platform),
    platform,
    group: groupOfPath(path),
    description: text(operation.description),
    paged: parameters.some((p) => p.in === 'query' && p.name === 'continuationToken'),
    parameters,
  };
}

/** Path-level parameters, replaced by the operation's own of the same name and place; path and query only. */
function mergeParameters(shared: unknown, own: unknown): EndpointParameter[] {
  const byKey = new Map<string, EndpointParameter>();
  for (const list of [shared, own]) {
    for (const raw of Array.isArray(list) ? list : []) {
      const parameter = parameterOf(raw);
      if (parameter) byKey.set(`${parameter.in} ${parameter.name}`, parameter);
    }
  }
  // Path parameters first, in the order the form shows them.
  return [...byKey.values()].sort((a, b) => Number(b.in === 'path') - Number(a.in === 'path')).slice(0, MAX_PARAMETERS);
}

function parameterOf(raw: unknown): EndpointParameter | null {
  if (!isJson(raw)) return null;
  const name = text(raw.name);
  const place = raw.in;
  if (!name || (place !== 'path' && place !== 'query')) return null;
  // OpenAPI 3 describes the value in `schema`; Swagger 2 on the parameter itself.
  const schema = flatten(isJson(raw.schema) ? raw.schema : raw);
  const values = Array.isArray(schema.enum) ? schema.enum.filter(isScalar).map(String) : [];
  return {
    name,
    in: place,
    required: place === 'path' || raw.required === true,
    kind: place === 'path' && name === 'companyId' ? 'company' : kindOf(schema, values),
    values,
    description: text(raw.description) ?? text(schema.description),
    minimum: typeof schema.minimum === 'number' ? schema.minimum : null,
    maximum: typeof schema.maximum === 'number' ? schema.maximum : null,
    defaultValue: isScalar(schema.default) ? String(schema.default) : null,
  };
}

/** A schema with its first `allOf`/`oneOf`/`anyOf` part merged in (how generators wrap an enum $ref). */
function flatten(schema: Json): Json {
  const parts = [schema.allOf, schema.oneOf, schema.anyOf].flatMap((p) => (Array.isArray(p) ? p.filter(isJson) : []));
  const typed = parts.find((p) => p.type !== 'null' && (p.type !== undefined || p.enum !== undefined));
  return typed ? { ...flatten(typed), ...withoutParts(schema) } : schema;
}

function withoutParts(schema: Json): Json {
  const { allOf: _a, oneOf: _o, anyOf: _n, ...rest } = schema;
  return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
}

function kindOf(schema: Json, values: readonly string[]): EndpointParameter['kind'] {
  if (values.length > 0) return 'enum';
  // OpenAPI 3.1 writes a nullable type as ["string", "null"].
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (type === 'integer') return 'integer';
  if (type === 'number') return 'number';
  if (type === 'boolean') return 'boolean';
  if (schema.format === 'date') return 'date';
  if (schema.format === 'date-time') return 'date-time';
  return 'text';
}

/** The first tag, when it names something a person reads ("Xero", "Standalone"). */
function tagOf(operation: Json): string | null {
  const first: unknown = Array.isArray(operation.tags) ? operation.tags[0] : undefined;
  return text(first);
}

/** "GetXeroBills" → "Get xero bills". */
function operationName(value: unknown): string | null {
  const id = text(value);
  if (!id) return null;
  const spaced = words(id).toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

function isJson(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}
