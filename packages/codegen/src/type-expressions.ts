import type { NamedSchema, RecordSchema, Schema } from '@charter/schema';
import { type Longs, unionShape } from '@charter/serde';
import type { TypeNames } from './names.js';
import { quote } from './ts-literal.js';

/** Value types (what decode returns and encode takes) or init types (what `create()` takes). */
export type TypeMode = 'value' | 'init';

const LOGICAL_TYPES: Record<string, string> = {
  decimal: 'string',
  uuid: 'string',
  date: 'string',
  'time-millis': 'string',
  'time-micros': 'string',
  'timestamp-millis': 'Date',
  'timestamp-micros': 'bigint',
  'timestamp-nanos': 'bigint',
  'local-timestamp-millis': 'string',
  'local-timestamp-micros': 'string',
  'local-timestamp-nanos': 'string',
  duration: 'Duration',
};

/** The TypeScript type of a logical type's values, or undefined when it keeps the underlying type. */
export function logicalTsType(schema: Schema): string | undefined {
  if (schema.type === 'union' || !schema.logicalType) return undefined;
  return LOGICAL_TYPES[schema.logicalType.name];
}

/** Plain-words description of a logical type for docs: `decimal(10,2)`, `timestamp-millis`. */
export function logicalLabel(schema: Schema): string | undefined {
  if (schema.type === 'union' || !schema.logicalType) return undefined;
  const lt = schema.logicalType;
  return lt.name === 'decimal' ? `decimal(${lt.precision},${lt.scale})` : lt.name;
}

/** What a value of each logical type looks like, for JSDoc. */
export function logicalHint(schema: Schema): string | undefined {
  if (schema.type === 'union' || !schema.logicalType) return undefined;
  const lt = schema.logicalType;
  switch (lt.name) {
    case 'decimal':
      return `decimal(${lt.precision},${lt.scale}): an exact decimal string such as "${lt.scale > 0 ? `12.${'3'.repeat(lt.scale)}` : '12'}", never a float`;
    case 'uuid':
      return 'uuid: "8-4-4-4-12" hex digits';
    case 'date':
      return 'date: "YYYY-MM-DD"';
    case 'time-millis':
      return 'time-millis: "HH:MM:SS.sss"';
    case 'time-micros':
      return 'time-micros: "HH:MM:SS.ssssss"';
    case 'timestamp-millis':
      return 'timestamp-millis: a Date';
    case 'timestamp-micros':
      return 'timestamp-micros: microseconds since the Unix epoch (bigint, exact)';
    case 'timestamp-nanos':
      return 'timestamp-nanos: nanoseconds since the Unix epoch (bigint, exact)';
    case 'local-timestamp-millis':
      return 'local-timestamp-millis: "YYYY-MM-DDTHH:MM:SS.sss" (no time zone)';
    case 'local-timestamp-micros':
      return 'local-timestamp-micros: "YYYY-MM-DDTHH:MM:SS.ssssss" (no time zone)';
    case 'local-timestamp-nanos':
      return 'local-timestamp-nanos: "YYYY-MM-DDTHH:MM:SS.sssssssss" (no time zone)';
    case 'duration':
      return 'duration: months, days and milliseconds';
    case 'big-decimal':
      return 'big-decimal: raw bytes (scale stored in the value)';
  }
}

/** Whether `T[]` needs to be written `Array<T>`. */
function needsArrayGeneric(type: string): boolean {
  return !/^[\w.$]+$/.test(type);
}

export class TypeExpressions {
  /** Records whose init type differs from their value type (they or a nested record have defaults). */
  private readonly withInit = new Set<RecordSchema>();

  constructor(
    private readonly names: TypeNames,
    private readonly longs: Longs,
    records: readonly RecordSchema[],
    private readonly initNames: Map<RecordSchema, string>,
  ) {
    // Fixed point: a record needs an init type when a field has a default or leads to one that does.
    let changed = true;
    while (changed) {
      changed = false;
      for (const r of records) {
        if (this.withInit.has(r)) continue;
        if (r.fields.some((f) => f.default !== undefined || this.reachesInit(f.type))) {
          this.withInit.add(r);
          changed = true;
        }
      }
    }
  }

  hasInit(record: RecordSchema): boolean {
    return this.withInit.has(record);
  }

  private reachesInit(s: Schema): boolean {
    switch (s.type) {
      case 'record':
      case 'error':
        return this.withInit.has(s);
      case 'array':
        return this.reachesInit(s.items);
      case 'map':
        return this.reachesInit(s.values);
      case 'union':
        return s.branches.some((b) => this.reachesInit(b));
      default:
        return false;
    }
  }

  private named(s: NamedSchema, mode: TypeMode): string {
    if (mode === 'init' && (s.type === 'record' || s.type === 'error') && this.withInit.has(s)) {
      return this.initNames.get(s)!;
    }
    return this.names.of(s);
  }

  /** The TypeScript type of values of `s`. */
  of(s: Schema, mode: TypeMode = 'value'): string {
    if (s.type !== 'fixed') {
      const logical = logicalTsType(s);
      if (logical) return logical;
    }
    switch (s.type) {
      case 'null':
        return 'null';
      case 'boolean':
        return 'boolean';
      case 'int':
      case 'float':
      case 'double':
        return 'number';
      case 'long':
        return this.longs === 'bigint' ? 'bigint' : 'number';
      case 'string':
        return 'string';
      case 'bytes':
        return 'Uint8Array';
      case 'record':
      case 'error':
      case 'enum':
      case 'fixed':
        return this.named(s, mode);
      case 'array': {
        const item = this.of(s.items, mode);
        return needsArrayGeneric(item) ? `Array<${item}>` : `${item}[]`;
      }
      case 'map':
        return `Record<string, ${this.of(s.values, mode)}>`;
      case 'union': {
        const shape = unionShape(s);
        if (shape.kind === 'single') return this.of(shape.schema, mode);
        if (shape.kind === 'nullable') return `${this.of(shape.schema, mode)} | null`;
        const parts = shape.branches.map(
          (b) => `{ type: ${quote(b.key)}; value: ${this.of(b.schema, mode)} }`,
        );
        if (shape.nullIndex !== undefined) parts.push('null');
        return parts.join(' | ');
      }
    }
  }
}
