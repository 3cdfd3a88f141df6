/**
 * Attributes that are part of a schema's definition rather than custom properties (Avro Java's
 * `SCHEMA_RESERVED`, `ENUM_RESERVED`, `FIELD_RESERVED`): a property may not be called like one.
 */
export const SCHEMA_RESERVED: ReadonlySet<string> = new Set([
  'doc',
  'fields',
  'items',
  'name',
  'namespace',
  'size',
  'symbols',
  'values',
  'type',
  'aliases',
]);

export const ENUM_RESERVED: ReadonlySet<string> = new Set([...SCHEMA_RESERVED, 'default']);

export const FIELD_RESERVED: ReadonlySet<string> = new Set([
  'default',
  'doc',
  'name',
  'order',
  'type',
  'aliases',
]);
