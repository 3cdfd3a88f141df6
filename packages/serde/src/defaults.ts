import { isValidDefault, JsonDouble, type JsonValue, type Schema } from '@charter/schema';
import { logicalCodec } from './logical/codecs.js';
import { type CodecOptions, setProperty, unionShape } from './representation.js';

function latin1Bytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
  return out;
}

function numeric(value: JsonValue): number {
  if (value instanceof JsonDouble) return value.value;
  if (typeof value === 'string') return Number(value); // "NaN", "Infinity", "-Infinity"
  return Number(value);
}

/** The raw value of a default for the schema's underlying type (before any logical conversion). */
function rawDefault(schema: Schema, value: JsonValue, options: CodecOptions): unknown {
  switch (schema.type) {
    case 'null':
      return null;
    case 'boolean':
    case 'string':
    case 'enum':
      return value;
    case 'int':
      return Number(value);
    case 'long': {
      if (options.longs === 'bigint' || schema.logicalType) return BigInt(value as number | bigint);
      const n = Number(value);
      if (!Number.isSafeInteger(n)) throw new RangeError(`default ${String(value)} is not a safe integer`);
      return n;
    }
    case 'float':
      return Math.fround(numeric(value));
    case 'double':
      return numeric(value);
    case 'bytes':
    case 'fixed':
      return latin1Bytes(value as string);
    case 'array':
      return (value as JsonValue[]).map((v) => defaultToValue(schema.items, v, options));
    case 'map': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value as Record<string, JsonValue>))
        setProperty(out, k, defaultToValue(schema.values, v, options));
      return out;
    }
    case 'record':
    case 'error': {
      const object = value as Record<string, JsonValue>;
      const out: Record<string, unknown> = {};
      for (const field of schema.fields) {
        const v = Object.hasOwn(object, field.name) ? object[field.name] : field.default;
        if (v === undefined) throw new TypeError(`default of ${schema.fullName} lacks field ${field.name}`);
        setProperty(out, field.name, defaultToValue(field.type, v, options));
      }
      return out;
    }
    case 'union': {
      const shape = unionShape(schema);
      const index = schema.branches.findIndex((b) => isValidDefault(b, value));
      const branch = schema.branches[Math.max(index, 0)]!;
      const converted = defaultToValue(branch, value, options);
      if (shape.kind !== 'tagged' || branch.type === 'null') return converted;
      const tagged = shape.branches.find((b) => b.schema === branch)!;
      return { type: tagged.key, value: converted };
    }
  }
}

/** A field default (Avro JSON) as a represented value: what `create()` fills in and resolution supplies. */
export function defaultToValue(schema: Schema, value: JsonValue, options: CodecOptions = {}): unknown {
  const raw = rawDefault(schema, value, options);
  const logical = logicalCodec(schema);
  return logical ? logical.fromRaw(raw) : raw;
}
