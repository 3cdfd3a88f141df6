import { type Field, isRecord, type NamedSchema, type RecordSchema, type Schema } from '@charter/schema';

/** Avro Java's `Schema.Type` name of a node, as it appears in messages (`RECORD`, `INT`, `UNION`). */
export function javaTypeName(schema: Schema): string {
  return isRecord(schema) ? 'RECORD' : schema.type.toUpperCase();
}

/** Avro Java's `Schema.getType()`: `error` is a record. */
export function javaType(schema: Schema): string {
  return isRecord(schema) ? 'record' : schema.type;
}

/**
 * Avro Java's `schemaNameEquals`: equal unqualified names, or the writer's full name among the reader's
 * aliases (which the parser qualified with the reader's namespace). Writer aliases are never used.
 */
export function schemaNameEquals(reader: NamedSchema, writer: NamedSchema): boolean {
  return reader.name === writer.name || reader.aliases.includes(writer.fullName);
}

/**
 * Avro Java's `lookupWriterField`: the writer fields named like the reader field or one of its aliases
 * (aliases are a set, so a repeated alias counts once). More than one hit makes Java throw.
 */
export function lookupWriterFields(writer: RecordSchema, readerField: Field): Field[] {
  const hits: Field[] = [];
  const direct = findField(writer, readerField.name);
  if (direct) hits.push(direct);
  const seen = new Set<string>();
  for (const alias of readerField.aliases) {
    if (seen.has(alias)) continue;
    seen.add(alias);
    const hit = findField(writer, alias);
    if (hit) hits.push(hit);
  }
  return hits;
}

const fieldMaps = new WeakMap<RecordSchema, Map<string, Field>>();

/** Avro Java's `getField(name)`: by field name only (writer field aliases are not consulted). */
function findField(record: RecordSchema, name: string): Field | undefined {
  let map = fieldMaps.get(record);
  if (!map || map.size !== record.fields.length) {
    map = new Map(record.fields.map((f) => [f.name, f]));
    fieldMaps.set(record, map);
  }
  return map.get(name);
}
