import { isIntegralNumber, isJsonNumber, isJsonObject, JsonDouble, type JsonValue } from './json-value.js';
import type { Schema } from './model.js';

const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;
const NON_FINITE = new Set(['NaN', 'Infinity', '-Infinity']);

/**
 * Whether `value` is a valid default for `schema`, with Avro Java 1.12's rules: a union default may match
 * any branch (AVRO-2236), string-like types take a JSON string, records take an object whose missing
 * fields have defaults.
 */
export function isValidDefault(schema: Schema, value: JsonValue): boolean {
  switch (schema.type) {
    case 'union':
      return schema.branches.some((b) => isValidDefault(b, value));
    case 'null':
      return value === null;
    case 'boolean':
      return typeof value === 'boolean';
    case 'int':
      return isIntegralNumber(value) && Number(value) >= INT_MIN && Number(value) <= INT_MAX;
    case 'long':
      return isIntegralNumber(value) && BigInt(value) >= LONG_MIN && BigInt(value) <= LONG_MAX;
    case 'float':
    case 'double':
      return isJsonNumber(value) || (typeof value === 'string' && NON_FINITE.has(value));
    case 'string':
    case 'bytes':
    case 'enum':
    case 'fixed':
      return typeof value === 'string';
    case 'array':
      return Array.isArray(value) && value.every((v) => isValidDefault(schema.items, v));
    case 'map':
      return isJsonObject(value) && Object.values(value).every((v) => isValidDefault(schema.values, v));
    case 'record':
    case 'error':
      return (
        isJsonObject(value) &&
        schema.fields.every((f) =>
          f.name in value ? isValidDefault(f.type, value[f.name]!) : f.default !== undefined,
        )
      );
  }
}

/** A short description of a JSON value for messages: `"abc"`, `12`, `1.5`, `an object`. */
export function describeJson(value: JsonValue): string {
  if (value === null) return 'null';
  if (value instanceof JsonDouble) return String(value.value);
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}
