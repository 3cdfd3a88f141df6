import { stringifyJson, stringifyJsonPretty } from './json-format.js';
import type { JsonObject, JsonValue } from './json-value.js';
import type { Field, NamedSchema, Properties, Schema } from './model.js';
import { isNamed } from './model.js';
import { relativeName } from './names.js';

/** State shared while writing several schemas in one document (a protocol's types and messages). */
export interface JsonWriteContext {
  /** Full names already written in full; later uses are written by name. */
  written: Set<string>;
  /** The enclosing namespace: names in it are written without it. */
  namespace: string | undefined;
  /** Write Confluent's `normalize=true` form instead of Avro Java's (see `JsonWriteOptions`). */
  normalize?: boolean;
}

export interface JsonWriteOptions {
  /**
   * Confluent's normalised form (`normalize=true`), so that equivalent spellings of one schema write
   * the same text: every name in full and no `namespace` key, aliases and custom properties sorted
   * (aliases before properties), a decimal `scale` of 0 left out.
   */
  normalize?: boolean;
}

export function newWriteContext(namespace?: string, options: JsonWriteOptions = {}): JsonWriteContext {
  const ctx: JsonWriteContext = { written: new Set(), namespace };
  if (options.normalize) ctx.normalize = true;
  return ctx;
}

function byKey([a]: [string, JsonValue], [b]: [string, JsonValue]): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Writes `props`; normalised, sorted by key and without a decimal's `scale` of 0 (`decimal`). */
function addProps(out: JsonObject, props: Properties, ctx: JsonWriteContext, decimal = false): void {
  if (!ctx.normalize) {
    for (const [key, value] of props) out[key] = value;
    return;
  }
  for (const [key, value] of [...props].sort(byKey)) {
    if (!(decimal && key === 'scale' && value === 0)) out[key] = value;
  }
}

function isDecimal(schema: Schema): boolean {
  return schema.type !== 'union' && schema.logicalType?.name === 'decimal';
}

function writeName(out: JsonObject, schema: NamedSchema, ctx: JsonWriteContext): void {
  if (ctx.normalize) {
    out.name = schema.fullName;
    return;
  }
  out.name = schema.name;
  if (schema.namespace !== undefined) {
    if (schema.namespace !== ctx.namespace) out.namespace = schema.namespace;
  } else if (ctx.namespace !== undefined) {
    out.namespace = '';
  }
}

/** Names of Avro's schema types: a named type called like one is always written with its namespace. */
const TYPE_NAMES = new Set([
  'record',
  'enum',
  'array',
  'map',
  'union',
  'fixed',
  'string',
  'bytes',
  'int',
  'long',
  'float',
  'double',
  'boolean',
  'null',
]);

/** Avro Java's `Name.getQualified`: the simple name inside its own namespace, unless it is a type name. */
function qualifiedName(fullName: string, namespace: string | undefined): string {
  const relative = relativeName(fullName, namespace);
  return relative !== fullName && TYPE_NAMES.has(relative) ? fullName : relative;
}

/** A record field (or message parameter) as Avro Java writes it, sharing `ctx` with the enclosing schema. */
export function fieldToAvroJson(field: Field, ctx: JsonWriteContext): JsonObject {
  const out: JsonObject = { name: field.name, type: toAvroJson(field.type, ctx) };
  if (field.doc !== undefined) out.doc = field.doc;
  if (field.default !== undefined) out.default = field.default;
  if (field.order !== 'ascending') out.order = field.order;
  if (field.aliases.length > 0) out.aliases = ctx.normalize ? [...field.aliases].sort() : [...field.aliases];
  addProps(out, field.props, ctx);
  return out;
}

function writeNamed(schema: NamedSchema, ctx: JsonWriteContext): JsonValue {
  if (ctx.written.has(schema.fullName)) {
    return ctx.normalize ? schema.fullName : qualifiedName(schema.fullName, ctx.namespace);
  }
  ctx.written.add(schema.fullName);
  const out: JsonObject = { type: schema.type };
  writeName(out, schema, ctx);
  if (schema.doc !== undefined) out.doc = schema.doc;
  const outer = ctx.namespace;
  if (!ctx.normalize) ctx.namespace = schema.namespace;
  try {
    switch (schema.type) {
      case 'record':
      case 'error':
        out.fields = schema.fields.map((f) => fieldToAvroJson(f, ctx));
        break;
      case 'enum':
        out.symbols = [...schema.symbols];
        if (schema.default !== undefined) out.default = schema.default;
        break;
      case 'fixed':
        out.size = schema.size;
        break;
    }
  } finally {
    ctx.namespace = outer;
  }
  if (ctx.normalize) {
    if (schema.aliases.length > 0) out.aliases = [...schema.aliases].sort();
    addProps(out, schema.props, ctx, isDecimal(schema));
    return out;
  }
  addProps(out, schema.props, ctx);
  if (schema.aliases.length > 0) out.aliases = schema.aliases.map((a) => qualifiedName(a, schema.namespace));
  return out;
}

/**
 * The JSON Avro Java writes for a schema (`Schema.toString()`): its key order, a named type in full at
 * its first use and by name after, `namespace` only where it differs from the enclosing one. With a
 * context made by `newWriteContext(ns, { normalize: true })`, Confluent's normalised form instead.
 */
export function toAvroJson(schema: Schema, ctx: JsonWriteContext = newWriteContext()): JsonValue {
  if (isNamed(schema)) return writeNamed(schema, ctx);
  switch (schema.type) {
    case 'union':
      return schema.branches.map((b) => toAvroJson(b, ctx));
    case 'array': {
      const out: JsonObject = { type: 'array', items: toAvroJson(schema.items, ctx) };
      addProps(out, schema.props, ctx);
      return out;
    }
    case 'map': {
      const out: JsonObject = { type: 'map', values: toAvroJson(schema.values, ctx) };
      addProps(out, schema.props, ctx);
      return out;
    }
    default: {
      if (schema.props.size === 0) return schema.type;
      const out: JsonObject = { type: schema.type };
      addProps(out, schema.props, ctx, isDecimal(schema));
      return out;
    }
  }
}

/** Avro Java's `Schema.toString()`: compact, or `toString(true)` pretty. Confluent stores the compact form. */
export function schemaToString(schema: Schema, pretty = false): string {
  const json = toAvroJson(schema);
  return pretty ? stringifyJsonPretty(json) : stringifyJson(json);
}
