import {
  type NamedTypes,
  namedTypesOf,
  newWriteContext,
  parseSchemaText,
  type Schema,
  stringifyJson,
  toAvroJson,
} from '@charter/schema';
import { Errors, RestError } from './errors.js';
import { nestsDeeperThan } from './json-depth.js';
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

/** Parses the referenced schemas' text (dependencies first) into one name table, as Confluent does. */
function parseReferencedNames(dependencies: readonly StoredSchema[]): NamedTypes {
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
 * The name table of the referenced schemas (dependencies first), built from their cached parses
 * (`parsed`). Their text is parsed again only when the cached parses disagree (two references
 * defining one name differently) or one fails, so that the error is the one parsing gives.
 */
export function referencedNames(
  dependencies: readonly StoredSchema[],
  parsed: (stored: StoredSchema) => Schema,
): NamedTypes {
  const names: NamedTypes = new Map();
  try {
    for (const dep of dependencies) {
      for (const type of namedTypesOf(parsed(dep))) {
        const known = names.get(type.fullName);
        if (known === undefined) names.set(type.fullName, type);
        else if (known !== type) return parseReferencedNames(dependencies);
      }
    }
  } catch (error) {
    if (error instanceof RestError) return parseReferencedNames(dependencies);
    throw error;
  }
  return names;
}

/**
 * Parses Avro schema text against the named types of its references (`referenced`, a table this
 * call may add to) and computes the text the registry stores. Throws a 42201 `RestError` for
 * anything that is not a valid schema.
 */
export function parseAvro(text: string, referenced: NamedTypes, options: ParseAvroOptions): ParsedAvro {
  if (nestsDeeperThan(text, MAX_SCHEMA_DEPTH)) {
    throw Errors.invalidSchema(`: nested deeper than ${MAX_SCHEMA_DEPTH} levels`);
  }
  const known = [...referenced.keys()];
  const result = parseSchemaText(text, {
    names: referenced,
    validateNames: options.strict,
    validateDefaults: options.strict,
  });
  if (!result.schema) throw Errors.invalidSchema(`: ${describe(result.diagnostics)}`);
  // Referenced types are written by name, never in full.
  const ctx = newWriteContext(undefined, { normalize: options.normalize === true });
  for (const name of known) ctx.written.add(name);
  return { schema: result.schema, canonical: stringifyJson(toAvroJson(result.schema, ctx)) };
}
