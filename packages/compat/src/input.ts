import { type Diagnostic, DiagnosticError } from '@charter/diagnostics';
import { parseSchema, type Schema } from '@charter/schema';
import { CompatCode } from './codes.js';

/**
 * A schema as parsed JSON (a string, object or array), as an already resolved `Schema`, or as a
 * function returning either, called only when the schema is needed (`checkLevel` resolves only the
 * versions its level compares).
 */
export type SchemaInput = unknown;

/** Thrown when a schema given to the checker is not a valid Avro schema. */
export class InvalidSchemaError extends DiagnosticError {
  /** Which input was bad: `reader`, `writer`, `candidate`, `existing[2]`, ... */
  readonly role: string;
  /** JSON pointer of the first bad node in that input (`/fields/2/type`). */
  readonly path: string;

  constructor(role: string, diagnostics: readonly Diagnostic[]) {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    const first = errors[0] ?? diagnostics[0];
    const path = first?.path ?? '/';
    super([
      {
        code: CompatCode.InvalidSchema,
        severity: 'error',
        message: `the ${role} schema is invalid at ${path}: ${first?.message ?? 'unknown error'}`,
        path,
      },
      ...diagnostics,
    ]);
    this.name = 'InvalidSchemaError';
    this.role = role;
    this.path = path;
  }
}

/** True for an object of the resolved model (`@charter/schema`), never for parsed JSON. */
function isSchemaModel(value: unknown): value is Schema {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const v = value as { props?: unknown; type?: unknown; branches?: unknown };
  return v.props instanceof Map || (v.type === 'union' && Array.isArray(v.branches));
}

export interface ToSchemaOptions {
  /**
   * Validate names and defaults as a new registration would (default false: Confluent parses stored
   * versions leniently, and the compatibility check ignores default values).
   */
  strict?: boolean;
}

/** Resolves a schema input; throws `InvalidSchemaError` naming the role and the bad node's path. */
export function toSchema(input: SchemaInput, role: string, options: ToSchemaOptions = {}): Schema {
  if (typeof input === 'function') return toSchema((input as () => SchemaInput)(), role, options);
  if (isSchemaModel(input)) return input;
  const json = typeof input === 'string' ? parseStringInput(input) : input;
  const strict = options.strict ?? false;
  const result = parseSchema(json, { validateNames: strict, validateDefaults: strict });
  if (!result.schema) throw new InvalidSchemaError(role, result.diagnostics);
  return result.schema;
}

/** A bare string is a primitive name (`"int"`) or, if it looks like JSON, schema text. */
function parseStringInput(input: string): unknown {
  const trimmed = input.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[') || trimmed.startsWith('"')) {
    try {
      return JSON.parse(trimmed);
    } catch {
      return input;
    }
  }
  return input;
}
