export { checkCompatibility } from './check.js';
export { CompatCode } from './codes.js';
export {
  describeIncompatibility,
  differenceMessage,
  pairMessages,
  type Roles,
} from './confluent-messages.js';
export {
  InvalidSchemaError,
  isSchemaModel,
  type SchemaInput,
  type ToSchemaOptions,
  toSchema,
} from './input.js';
export {
  type CheckLevelOptions,
  checkLevel,
  type Direction,
  type LevelResult,
  type VersionCheck,
} from './levels.js';
export { checkSchemas } from './pair-checker.js';
export {
  COMPATIBILITY_LEVELS,
  type CompatibilityError,
  type CompatibilityLevel,
  INCOMPATIBILITY_TYPES,
  type Incompatibility,
  type IncompatibilityType,
  isCompatibilityLevel,
  type PairResult,
  type SchemaContext,
} from './types.js';
