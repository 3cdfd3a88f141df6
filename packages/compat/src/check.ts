import { type SchemaInput, toSchema } from './input.js';
import { checkSchemas } from './pair-checker.js';
import type { PairResult } from './types.js';

/**
 * Can `reader` decode everything written with `writer`? Avro Java's `SchemaCompatibility` verdict
 * (1.11.3+, as Confluent runs it) with every incompatibility, not just the first.
 *
 * Schemas are parsed JSON or resolved `Schema` objects; JSON is parsed leniently (as Confluent parses
 * stored versions). Throws `InvalidSchemaError` for a schema that does not parse.
 */
export function checkCompatibility(reader: SchemaInput, writer: SchemaInput): PairResult {
  return checkSchemas(toSchema(reader, 'reader'), toSchema(writer, 'writer'));
}
