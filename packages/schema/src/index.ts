export { type CanonicalFormOptions, parsingCanonicalForm } from './canonical-form.js';
export { SchemaCode } from './codes.js';
export { describeJson, isValidDefault } from './defaults.js';
export { crc64Avro, type Fingerprints, fingerprints } from './fingerprint.js';
export { formatJavaDouble, stringifyJson, stringifyJsonPretty } from './json-format.js';
export { appendPointer, displayPointer, escapePointerToken } from './json-pointer.js';
export {
  isIntegralNumber,
  isJsonNumber,
  isJsonObject,
  JsonDouble,
  type JsonObject,
  type JsonValue,
  jsonEquals,
  numberValue,
  toJsonValue,
} from './json-value.js';
export { checkLogicalType, maxDecimalPrecision } from './logical-types.js';
export {
  type ArraySchema,
  type EnumSchema,
  type Field,
  type FieldOrder,
  type FixedSchema,
  isNamed,
  isPrimitive,
  isRecord,
  type LogicalType,
  type MapSchema,
  type NamedSchema,
  type NamedTypeName,
  PRIMITIVE_TYPES,
  type PrimitiveSchema,
  type PrimitiveTypeName,
  type Properties,
  type RecordSchema,
  type Schema,
  schemaName,
  type UnionSchema,
} from './model.js';
export { namedTypesOf } from './named-types.js';
export {
  isValidName,
  isValidNamespace,
  namespaceOf,
  type QualifiedName,
  qualifyName,
  relativeName,
  simpleNameOf,
} from './names.js';
export {
  loadSchema,
  type NamedTypes,
  type ParseOptions,
  type ParseResult,
  parseSchema,
  parseSchemaText,
} from './parse.js';
export { type JsonSourceMap, type PositionedJson, parseJsonWithPositions } from './positioned-json.js';
export { ENUM_RESERVED, FIELD_RESERVED, SCHEMA_RESERVED } from './reserved.js';
export {
  fieldToAvroJson,
  type JsonWriteContext,
  type JsonWriteOptions,
  newWriteContext,
  schemaToString,
  toAvroJson,
} from './write-json.js';
