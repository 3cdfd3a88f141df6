export { LongRangeError } from './binary/reader.js';
export { AvroCodec, decodeWith } from './codec.js';
export type { DecodeFn } from './compile/decoder.js';
export {
  type CompatibilityLevel,
  type ContractFingerprints,
  type ContractInfo,
  defineContract,
  type EventContract,
  type SubjectStrategy,
} from './contract.js';
export { defaultToValue } from './defaults.js';
export {
  DecodeError,
  EncodeError,
  InvalidValueError,
  ResolutionError,
  type ValidationIssue,
  WireFormatError,
} from './errors.js';
export {
  EVENT_ID_HEADER,
  EVENT_SOURCE_HEADER,
  eventIdOf,
  type Headers,
  type HeaderValue,
  newEventId,
  withEventId,
} from './event-id.js';
export type { Decimal } from './logical/decimal.js';
export type { Duration } from './logical/duration.js';
export {
  branchKey,
  type CodecOptions,
  type Longs,
  type TaggedBranch,
  type UnionShape,
  unionShape,
} from './representation.js';
export { type SchemaLike, toSchema } from './schema-input.js';
export { type SchemaRegistryLike, Serde, type SerdeOptions } from './serde.js';
export { uuidV7 } from './uuid-v7.js';
export { validateValue } from './validate.js';
export { frame, HEADER_SIZE, MAGIC_BYTE, payloadOf, readSchemaId } from './wire.js';
export type { ReferenceSource } from './writer-schema.js';
