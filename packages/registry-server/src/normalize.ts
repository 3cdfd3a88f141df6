import type { Field, JsonObject, JsonValue, NamedSchema, Properties, Schema } from '@charter/schema';

/**
 * Confluent's `normalize=true` form of an Avro schema: full names without `namespace` keys, a fixed key
 * order, sorted aliases and custom properties, a decimal `scale` of 0 dropped. Equivalent spellings of
 * one schema normalise to the same text (and so to one id). Names in `known` (referenced types) and
 * types already written appear by full name.
 */
export function normalizeAvro(schema: Schema, known: ReadonlySet<string> = new Set()): JsonValue {
  return write(schema, new Set(known));
}

function sortedProps(props: Properties, decimal: boolean): [string, JsonValue][] {
  return [...props]
    .filter(([key, value]) => !(decimal && key === 'scale' && value === 0))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function addProps(out: JsonObject, props: Properties, decimal = false): void {
  for (const [key, value] of sortedProps(props, decimal)) out[key] = value;
}

function writeField(field: Field, written: Set<string>): JsonObject {
  const out: JsonObject = { name: field.name, type: write(field.type, written) };
  if (field.doc !== undefined) out.doc = field.doc;
  if (field.default !== undefined) out.default = field.default;
  if (field.order !== 'ascending') out.order = field.order;
  if (field.aliases.length > 0) out.aliases = [...field.aliases].sort();
  addProps(out, field.props);
  return out;
}

function writeNamed(schema: NamedSchema, written: Set<string>): JsonValue {
  if (written.has(schema.fullName)) return schema.fullName;
  written.add(schema.fullName);
  const out: JsonObject = { type: schema.type, name: schema.fullName };
  if (schema.doc !== undefined) out.doc = schema.doc;
  switch (schema.type) {
    case 'record':
    case 'error':
      out.fields = schema.fields.map((f) => writeField(f, written));
      break;
    case 'enum':
      out.symbols = [...schema.symbols];
      if (schema.default !== undefined) out.default = schema.default;
      break;
    case 'fixed':
      out.size = schema.size;
      break;
  }
  if (schema.aliases.length > 0) out.aliases = [...schema.aliases].sort();
  addProps(out, schema.props, schema.logicalType?.name === 'decimal');
  return out;
}

function write(schema: Schema, written: Set<string>): JsonValue {
  switch (schema.type) {
    case 'record':
    case 'error':
    case 'enum':
    case 'fixed':
      return writeNamed(schema, written);
    case 'union':
      return schema.branches.map((b) => write(b, written));
    case 'array': {
      const out: JsonObject = { type: 'array', items: write(schema.items, written) };
      addProps(out, schema.props);
      return out;
    }
    case 'map': {
      const out: JsonObject = { type: 'map', values: write(schema.values, written) };
      addProps(out, schema.props);
      return out;
    }
    default: {
      if (schema.props.size === 0) return schema.type;
      const out: JsonObject = { type: schema.type };
      addProps(out, schema.props, schema.logicalType?.name === 'decimal');
      return out;
    }
  }
}
