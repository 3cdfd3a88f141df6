import { parsingCanonicalForm, type Schema } from '@charter/schema';
import { BinaryReader } from './binary/reader.js';
import { BinaryWriter } from './binary/writer.js';
import { compileDecoder, type DecodeFn } from './compile/decoder.js';
import { compileEncoder, type EncodeFn } from './compile/encoder.js';
import { applyDefaults } from './create.js';
import {
  DecodeError,
  EncodeError,
  EncodeTypeError,
  InvalidValueError,
  type ValidationIssue,
} from './errors.js';
import type { CodecOptions } from './representation.js';
import { type SchemaLike, toSchema } from './schema-input.js';
import { validateValue } from './validate.js';

/** One writer for every encoder: encoding is synchronous, so it is never shared mid-write. */
const scratch = new BinaryWriter();

/**
 * Messages left to decode with every string checked. Decoding is optimistic (strings are not looked at,
 * see `BinaryReader`) until a message turns out to have a non-ASCII string; that message is decoded again,
 * checked, and so are the next `CHECKED_RUN` messages, which bounds the cost of data that is not ASCII.
 */
let checkedLeft = 0;
const CHECKED_RUN = 64;

/** Reads one value with `fn` from `bytes[start..]`; the value must use every byte. */
export function decodeWith(fn: DecodeFn, bytes: Uint8Array, start = 0): unknown {
  if (checkedLeft > 0) {
    checkedLeft--;
    return decodeChecked(fn, bytes, start);
  }
  const r = new BinaryReader(bytes, start, bytes.length, true);
  let value: unknown;
  try {
    value = fn(r);
    finished(r);
  } catch (error) {
    // strings that were not ASCII may have sent decoding astray: only a checked reading tells
    if (r.usedText) return decodeChecked(fn, bytes, start);
    throw error;
  }
  if (!r.stringsWereAscii()) {
    checkedLeft = CHECKED_RUN;
    return decodeChecked(fn, bytes, start);
  }
  return value;
}

function decodeChecked(fn: DecodeFn, bytes: Uint8Array, start: number): unknown {
  const r = new BinaryReader(bytes, start, bytes.length, false);
  const value = fn(r);
  finished(r);
  return value;
}

/** Throws unless the value used every byte. */
function finished(r: BinaryReader): void {
  if (r.pos !== r.end) {
    if (r.pos > r.end) throw r.truncated();
    throw new DecodeError(`${r.end - r.pos} trailing bytes after the value`);
  }
}

/**
 * Avro binary codec of one schema, in the representation described in `representation.ts`. Encoders and
 * decoders are compiled on first use; decoders for other writer schemas are compiled once per writer.
 */
export class AvroCodec<T = unknown, TInit = T> {
  readonly schema: Schema;
  readonly options: Readonly<CodecOptions>;
  readonly typeName: string;
  #encode: EncodeFn | undefined;
  #decode: DecodeFn | undefined;
  #canonical: string | undefined;
  /** Decoders by the writer's canonical form, and by the writer schema as given (text or object). */
  readonly #resolvers = new Map<string, DecodeFn>();
  readonly #byText = new Map<string, DecodeFn>();
  readonly #byObject = new WeakMap<object, DecodeFn>();

  constructor(schema: SchemaLike, options: CodecOptions = {}) {
    this.schema = toSchema(schema);
    this.options = { longs: options.longs ?? 'number' };
    this.typeName = 'fullName' in this.schema ? this.schema.fullName : this.schema.type;
  }

  /** Parsing Canonical Form of the schema. */
  get canonical(): string {
    this.#canonical ??= parsingCanonicalForm(this.schema);
    return this.#canonical;
  }

  private get encoder(): EncodeFn {
    this.#encode ??= compileEncoder(this.schema, this.options);
    return this.#encode;
  }

  private get decoder(): DecodeFn {
    this.#decode ??= compileDecoder(this.schema, this.schema, this.options);
    return this.#decode;
  }

  /** Avro binary of a value; throws `EncodeError` listing every bad value. */
  encode(value: T): Buffer {
    const fn = this.encoder;
    scratch.begin();
    try {
      fn(scratch, value);
    } catch (error) {
      throw this.failure(error, value);
    }
    return scratch.finish();
  }

  /** The Confluent wire format: magic byte 0, the schema id (4 bytes, big-endian), Avro binary. */
  encodeFramed(schemaId: number, value: T): Buffer {
    const fn = this.encoder;
    scratch.begin();
    scratch.ensure(5);
    const buf = scratch.buf;
    const pos = scratch.pos;
    buf[pos] = 0;
    buf[pos + 1] = schemaId >>> 24;
    buf[pos + 2] = (schemaId >>> 16) & 0xff;
    buf[pos + 3] = (schemaId >>> 8) & 0xff;
    buf[pos + 4] = schemaId & 0xff;
    scratch.pos = pos + 5;
    try {
      fn(scratch, value);
    } catch (error) {
      throw this.failure(error, value);
    }
    return scratch.finish();
  }

  private failure(error: unknown, value: unknown): unknown {
    scratch.abandon();
    if (!(error instanceof EncodeTypeError) && !(error instanceof TypeError)) return error;
    const issues = this.validate(value);
    return issues.length > 0 ? new EncodeError(this.typeName, issues) : error;
  }

  /**
   * Decodes Avro binary. Without `writer` the bytes must have been written with this schema; with it,
   * the writer's schema is resolved into this one (Avro schema resolution), compiled once per writer.
   */
  decode(bytes: Uint8Array, writer?: SchemaLike, start = 0): T {
    const fn = writer === undefined ? this.decoder : this.resolver(writer);
    return decodeWith(fn, bytes, start) as T;
  }

  /** The decoder for data written with `writer` (compiled once per canonical form, looked up by input). */
  resolver(writer: SchemaLike): DecodeFn {
    const known = typeof writer === 'string' ? this.#byText.get(writer) : this.#byObject.get(writer);
    if (known) return known;
    const fn = this.compileResolver(toSchema(writer));
    if (typeof writer === 'string') this.#byText.set(writer, fn);
    else this.#byObject.set(writer, fn);
    return fn;
  }

  private compileResolver(schema: Schema): DecodeFn {
    if (schema === this.schema) return this.decoder;
    const key = parsingCanonicalForm(schema);
    if (key === this.canonical) return this.decoder;
    let fn = this.#resolvers.get(key);
    if (!fn) {
      fn = compileDecoder(schema, this.schema, this.options);
      this.#resolvers.set(key, fn);
    }
    return fn;
  }

  /** Every bad value with its path; empty when `encode` accepts the value. */
  validate(value: unknown): ValidationIssue[] {
    return validateValue(this.schema, value, this.options);
  }

  isValid(value: unknown): value is T {
    return this.validate(value).length === 0;
  }

  /** A value with every omitted field set to its default (at any depth); throws when the result is invalid. */
  create(init: TInit): T {
    const value = applyDefaults(this.schema, init, this.options);
    const issues = this.validate(value);
    if (issues.length > 0) throw new InvalidValueError('create', this.typeName, issues);
    return value as T;
  }
}
