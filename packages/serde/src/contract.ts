import { AvroCodec } from './codec.js';
import type { DecodeFn } from './compile/decoder.js';
import type { ValidationIssue } from './errors.js';
import type { Longs } from './representation.js';
import type { SchemaLike } from './schema-input.js';

export type SubjectStrategy = 'TopicNameStrategy' | 'RecordNameStrategy' | 'TopicRecordNameStrategy';
export type CompatibilityLevel =
  | 'NONE'
  | 'BACKWARD'
  | 'BACKWARD_TRANSITIVE'
  | 'FORWARD'
  | 'FORWARD_TRANSITIVE'
  | 'FULL'
  | 'FULL_TRANSITIVE';

/** Fingerprints of the schema's Parsing Canonical Form. */
export interface ContractFingerprints {
  /** CRC-64-AVRO as 16 hex digits, little-endian (as in Avro single-object encoding). */
  crc64: string;
  md5: string;
  sha256: string;
}

/** What a generated package knows about its event: identity, registry subject and topic. */
export interface ContractInfo {
  /** Simple name of the event's record (`OrderPlaced`). */
  name: string;
  /** Full name (`com.acme.orders.OrderPlaced`). */
  fullName: string;
  /** The schema as Avro JSON (the package's `schema/<FullName>.avsc`). */
  schema: string;
  /** npm package name (`@acme-events/order-placed`). */
  package: string;
  topic: string;
  role: 'key' | 'value';
  subjectStrategy: SubjectStrategy;
  /** Registry subject the schema is registered under. */
  subject: string;
  compatibility: CompatibilityLevel;
  fingerprints: ContractFingerprints;
  /** How plain `long` values are represented (`number` range-checked, or `bigint`). */
  longs: Longs;
}

/**
 * One event contract: its metadata plus a codec whose value type is the generated TypeScript type. The
 * codec is compiled on first use, so importing a package costs nothing until an event is encoded.
 */
export interface EventContract<T, TInit = T> extends Readonly<ContractInfo> {
  readonly codec: AvroCodec<T, TInit>;
  /** Avro binary (no framing); throws `EncodeError` with the paths of bad values. */
  encode(value: T): Buffer;
  /** Avro binary to a value; with the writer's schema, its data is resolved into this schema. */
  decode(bytes: Uint8Array, writerSchema?: SchemaLike): T;
  /** The decoder for data written with `writerSchema` (compiled once per writer schema). */
  resolver(writerSchema: SchemaLike): DecodeFn;
  /** Every bad value with its path (`lines[2].price`); empty when the value can be encoded. */
  validate(value: unknown): ValidationIssue[];
  isValid(value: unknown): value is T;
  /** A complete value: omitted fields that have defaults get them, at any depth. */
  create(init: TInit): T;
}

class Contract<T, TInit> implements EventContract<T, TInit> {
  readonly name: string;
  readonly fullName: string;
  readonly schema: string;
  readonly package: string;
  readonly topic: string;
  readonly role: 'key' | 'value';
  readonly subjectStrategy: SubjectStrategy;
  readonly subject: string;
  readonly compatibility: CompatibilityLevel;
  readonly fingerprints: ContractFingerprints;
  readonly longs: Longs;
  #codec: AvroCodec<T, TInit> | undefined;

  constructor(info: ContractInfo) {
    this.name = info.name;
    this.fullName = info.fullName;
    this.schema = info.schema;
    this.package = info.package;
    this.topic = info.topic;
    this.role = info.role;
    this.subjectStrategy = info.subjectStrategy;
    this.subject = info.subject;
    this.compatibility = info.compatibility;
    this.fingerprints = Object.freeze({ ...info.fingerprints });
    this.longs = info.longs;
  }

  get codec(): AvroCodec<T, TInit> {
    this.#codec ??= new AvroCodec<T, TInit>(this.schema, { longs: this.longs });
    return this.#codec;
  }

  encode(value: T): Buffer {
    return this.codec.encode(value);
  }

  decode(bytes: Uint8Array, writerSchema?: SchemaLike): T {
    return this.codec.decode(bytes, writerSchema);
  }

  resolver(writerSchema: SchemaLike): DecodeFn {
    return this.codec.resolver(writerSchema);
  }

  validate(value: unknown): ValidationIssue[] {
    return this.codec.validate(value);
  }

  isValid(value: unknown): value is T {
    return this.codec.isValid(value);
  }

  create(init: TInit): T {
    return this.codec.create(init);
  }

  toJSON(): ContractInfo {
    return {
      name: this.name,
      fullName: this.fullName,
      schema: this.schema,
      package: this.package,
      topic: this.topic,
      role: this.role,
      subjectStrategy: this.subjectStrategy,
      subject: this.subject,
      compatibility: this.compatibility,
      fingerprints: this.fingerprints,
      longs: this.longs,
    };
  }
}

/** The contract object a generated package exports (`export const OrderPlaced = defineContract(...)`). */
export function defineContract<T, TInit = T>(info: ContractInfo): EventContract<T, TInit> {
  return new Contract<T, TInit>(info);
}
