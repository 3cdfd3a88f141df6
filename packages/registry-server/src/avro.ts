import {
  type NamedTypes,
  newWriteContext,
  parseSchemaText,
  type Schema,
  stringifyJson,
  toAvroJson,
} from '@charter/schema';
import { Errors } from './errors.js';
import { nestsDeeperThan } from './json-depth.js';
import { normalizeAvro } from './normalize.js';
import type { StoredSchema } from './store/state.js';

/** Deeper schemas are refused (42201) rather than risking the recursive parser's stack. */
export const MAX_SCHEMA_DEPTH = 256;

export interface ParsedAvro {
  schema: Schema;
  /** Avro Java's compact `Schema.toString()`, referenced types by name: the stored text. */
  canonical: string;
}

export interface ParseAvroOptions {
  /** Validate names and defaults, as for a new registration (Confluent's default). */
  strict: boolean;
  /** Confluent's `normalize=true`. */
  normalize?: boolean;
}

type Diagnostics = ReturnType<typeof parseSchemaText>['diagnostics'];

function describe(diagnostics: Diagnostics): string {
  const first = diagnostics.find((d) => d.severity === 'error') ?? diagnostics[0];
  if (!first) return 'unknown error';
  return first.path && first.path !== '/' ? `${first.message} at ${first.path}` : first.message;
}

/** Parses the referenced schemas (dependencies first) into one name table. */
function referencedNames(dependencies: readonly StoredSchema[]): NamedTypes {
  const names: NamedTypes = new Map();
  for (const dep of dependencies) {
    const result = parseSchemaText(dep.schema, { names, validateNames: false, validateDefaults: false });
    if (!result.schema) {
      throw Errors.invalidSchema(
        `: referenced schema ${dep.id} does not parse: ${describe(result.diagnostics)}`,
      );
    }
  }
  return names;
}

/**
 * Parses Avro schema text against its references and computes the text the registry stores.
 * Throws a 42201 `RestError` for anything that is not a valid schema.
 */
export function parseAvro(
  text: string,
  dependencies: readonly StoredSchema[],
  options: ParseAvroOptions,
): ParsedAvro {
  if (nestsDeeperThan(text, MAX_SCHEMA_DEPTH)) {
    throw Errors.invalidSchema(`: nested deeper than ${MAX_SCHEMA_DEPTH} levels`);
  }
  const names = referencedNames(dependencies);
  const known = new Set(names.keys());
  const result = parseSchemaText(text, {
    names,
    validateNames: options.strict,
    validateDefaults: options.strict,
  });
  if (!result.schema) throw Errors.invalidSchema(`: ${describe(result.diagnostics)}`);
  const ctx = newWriteContext();
  for (const name of known) ctx.written.add(name);
  const json = options.normalize ? normalizeAvro(result.schema, known) : toAvroJson(result.schema, ctx);
  return { schema: result.schema, canonical: stringifyJson(json) };
}
