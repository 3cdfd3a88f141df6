import { Errors } from './errors.js';
import type { JsonMap, SchemaReference } from './store/ops.js';

/** The parts of a RegisterSchemaRequest the registry uses; unknown fields are ignored. */
export interface SchemaRequest {
  schema: string | undefined;
  schemaType: string;
  references: SchemaReference[];
  metadata: JsonMap | undefined;
  ruleSet: JsonMap | undefined;
  id: number | undefined;
  version: number | undefined;
}

function isMap(value: unknown): value is JsonMap {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function optionalInt(body: JsonMap, key: string): number | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^-?[0-9]+$/.test(value)) return Number(value);
  throw Errors.invalidSchema(`: "${key}" must be an integer`);
}

function optionalMap(body: JsonMap, key: string): JsonMap | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (isMap(value)) return value;
  throw Errors.invalidSchema(`: "${key}" must be an object`);
}

function references(value: unknown): SchemaReference[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw Errors.invalidSchema(': "references" must be an array');
  return value.map((ref, i) => {
    if (
      !isMap(ref) ||
      typeof ref.name !== 'string' ||
      typeof ref.subject !== 'string' ||
      typeof ref.version !== 'number' ||
      !Number.isInteger(ref.version)
    ) {
      throw Errors.invalidSchema(`: references[${i}] needs a string name and subject and an integer version`);
    }
    return { name: ref.name, subject: ref.subject, version: ref.version };
  });
}

/** Reads a register / lookup / compatibility body. */
export function readSchemaRequest(body: unknown): SchemaRequest {
  const map = body === undefined || body === null ? {} : body;
  if (!isMap(map)) throw Errors.badRequest('The request body must be a JSON object');
  const schema = map.schema;
  let text: string | undefined;
  if (typeof schema === 'string') text = schema;
  else if (typeof schema === 'number' || typeof schema === 'boolean') text = String(schema);
  else if (schema !== undefined && schema !== null) throw Errors.invalidSchema(': "schema" must be a string');
  const type = map.schemaType;
  if (type !== undefined && type !== null && typeof type !== 'string') {
    throw Errors.invalidSchemaType(String(JSON.stringify(type)));
  }
  return {
    schema: text,
    schemaType: typeof type === 'string' ? type.toUpperCase() : 'AVRO',
    references: references(map.references),
    metadata: optionalMap(map, 'metadata'),
    ruleSet: optionalMap(map, 'ruleSet'),
    id: optionalInt(map, 'id'),
    version: optionalInt(map, 'version'),
  };
}
