import type { JsonValue } from './json-value.js';

export type PrimitiveTypeName = 'null' | 'boolean' | 'int' | 'long' | 'float' | 'double' | 'bytes' | 'string';
export type NamedTypeName = 'record' | 'error' | 'enum' | 'fixed';
export type FieldOrder = 'ascending' | 'descending' | 'ignore';

/** Properties other than the reserved attributes, in the order they were written (`logicalType` included). */
export type Properties = Map<string, JsonValue>;

/** A logical type that Avro recognised and validated; invalid ones are ignored, as Avro Java does. */
export type LogicalType =
  | { name: 'decimal'; precision: number; scale: number }
  | {
      name:
        | 'uuid'
        | 'date'
        | 'time-millis'
        | 'time-micros'
        | 'timestamp-millis'
        | 'timestamp-micros'
        | 'timestamp-nanos'
        | 'local-timestamp-millis'
        | 'local-timestamp-micros'
        | 'local-timestamp-nanos'
        | 'duration'
        | 'big-decimal';
    };

interface SchemaBase {
  props: Properties;
  logicalType?: LogicalType;
}

export interface PrimitiveSchema extends SchemaBase {
  type: PrimitiveTypeName;
}

export interface NamedSchemaBase extends SchemaBase {
  /** The simple name (`OrderPlaced`). */
  name: string;
  /** The namespace, `undefined` for the null namespace. */
  namespace: string | undefined;
  /** `namespace.name`, or `name` in the null namespace. */
  fullName: string;
  /** Full names of the aliases, in the order written. */
  aliases: string[];
  doc?: string;
}

export interface RecordSchema extends NamedSchemaBase {
  type: 'record' | 'error';
  fields: Field[];
}

export interface Field {
  name: string;
  type: Schema;
  doc?: string;
  /** Present only when the field declares a default. */
  default?: JsonValue;
  order: FieldOrder;
  /** Field aliases, as written (simple names). */
  aliases: string[];
  props: Properties;
  /** The field's index in its record. */
  position: number;
}

export interface EnumSchema extends NamedSchemaBase {
  type: 'enum';
  symbols: string[];
  default?: string;
}

export interface FixedSchema extends NamedSchemaBase {
  type: 'fixed';
  size: number;
}

export interface ArraySchema extends SchemaBase {
  type: 'array';
  items: Schema;
}

export interface MapSchema extends SchemaBase {
  type: 'map';
  values: Schema;
}

export interface UnionSchema {
  type: 'union';
  branches: Schema[];
}

export type NamedSchema = RecordSchema | EnumSchema | FixedSchema;
/** A resolved Avro schema. Named types are shared objects, so a recursive schema is a cyclic graph. */
export type Schema = PrimitiveSchema | NamedSchema | ArraySchema | MapSchema | UnionSchema;

export const PRIMITIVE_TYPES: ReadonlySet<string> = new Set<PrimitiveTypeName>([
  'null',
  'boolean',
  'int',
  'long',
  'float',
  'double',
  'bytes',
  'string',
]);

export function isPrimitive(schema: Schema): schema is PrimitiveSchema {
  return PRIMITIVE_TYPES.has(schema.type);
}

export function isNamed(schema: Schema): schema is NamedSchema {
  return (
    schema.type === 'record' || schema.type === 'error' || schema.type === 'enum' || schema.type === 'fixed'
  );
}

export function isRecord(schema: Schema): schema is RecordSchema {
  return schema.type === 'record' || schema.type === 'error';
}

/** The name Avro uses for a schema in messages and union branch lookup: the full name, or the type name. */
export function schemaName(schema: Schema): string {
  return isNamed(schema) ? schema.fullName : schema.type;
}
