import { DiagnosticError } from '@charter/diagnostics';
import { parseSchema, parseSchemaText, type Schema } from '@charter/schema';

/** A schema as the model, its Avro JSON text, or parsed Avro JSON. */
export type SchemaLike = Schema | string | object;

function isModel(value: object): value is Schema {
  const v = value as { props?: unknown; type?: unknown; branches?: unknown };
  return v.props instanceof Map || (v.type === 'union' && Array.isArray(v.branches));
}

/**
 * The schema model of a schema given in any form. Foreign schemas (a writer's, from a registry) are parsed
 * leniently: names and defaults are not re-validated, as Confluent's deserializers do.
 */
export function toSchema(input: SchemaLike): Schema {
  if (typeof input === 'object' && !Array.isArray(input) && isModel(input)) return input;
  const options = { validateNames: false, validateDefaults: false };
  const result = typeof input === 'string' ? parseSchemaText(input, options) : parseSchema(input, options);
  if (!result.schema) throw new DiagnosticError(result.diagnostics);
  return result.schema;
}
