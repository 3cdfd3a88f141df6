import type { Schema, UnionSchema } from '@charter/schema';

/**
 * How JavaScript values represent Avro values. Types (@charter/codegen) and codecs (this package) both
 * follow these rules, and the property tests hold them to it.
 *
 * - null → `null`; boolean → `boolean`; int, float, double → `number`; string → `string`
 * - long → `number` (a safe integer; larger values throw) or `bigint` with `longs: 'bigint'`
 * - bytes, fixed → `Uint8Array`; enum → its symbol (`'PAID'`); array → `T[]`; map → `Record<string, T>`
 * - record → a plain object with one property per field
 * - union of one branch → that branch's value; `null` plus one branch → `T | null`;
 *   any other union → `{ type: '<branch name>', value: T }` (plus `null` when null is a branch), where
 *   the branch name is the full name of a named type or the type name (`string`, `int`, `array`, `map`)
 * - logical types: see `logicalCodec` (decimal → string, timestamp-millis → Date, uuid → string, ...)
 */
export type Longs = 'number' | 'bigint';

export interface CodecOptions {
  /** How `long` values without a logical type are represented (default `number`, range-checked). */
  longs?: Longs;
}

/** The name of a union branch in the tagged representation (and in Avro's JSON encoding). */
export function branchKey(schema: Schema): string {
  switch (schema.type) {
    case 'record':
    case 'error':
    case 'enum':
    case 'fixed':
      return schema.fullName;
    default:
      return schema.type;
  }
}

export interface TaggedBranch {
  index: number;
  key: string;
  schema: Schema;
}

/** A union's representation: unwrapped single branch, `T | null`, or tagged `{ type, value }`. */
export type UnionShape =
  | { kind: 'single'; schema: Schema }
  | { kind: 'nullable'; nullIndex: number; valueIndex: number; schema: Schema }
  | { kind: 'tagged'; nullIndex: number | undefined; branches: TaggedBranch[] };

export function unionShape(union: UnionSchema): UnionShape {
  const { branches } = union;
  if (branches.length === 1) return { kind: 'single', schema: branches[0]! };
  const nullIndex = branches.findIndex((b) => b.type === 'null');
  if (branches.length === 2 && nullIndex >= 0) {
    const valueIndex = 1 - nullIndex;
    return { kind: 'nullable', nullIndex, valueIndex, schema: branches[valueIndex]! };
  }
  const tagged: TaggedBranch[] = [];
  branches.forEach((schema, index) => {
    if (schema.type !== 'null') tagged.push({ index, key: branchKey(schema), schema });
  });
  return { kind: 'tagged', nullIndex: nullIndex >= 0 ? nullIndex : undefined, branches: tagged };
}

/** Deep copy of a represented value (defaults are shared templates and must not leak mutations). */
export function cloneValue<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (value instanceof Uint8Array) return value.slice() as T;
  if (Array.isArray(value)) return value.map(cloneValue) as T;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) setProperty(out, k, cloneValue(v));
  return out as T;
}

/** Sets a map entry or field without `__proto__` turning into a prototype change. */
export function setProperty(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** Reads a record field; `__proto__` is read as an own property, never as the prototype. */
export function fieldOf(record: object, name: string): unknown {
  if (name === '__proto__') return Object.getOwnPropertyDescriptor(record, name)?.value;
  return (record as Record<string, unknown>)[name];
}
