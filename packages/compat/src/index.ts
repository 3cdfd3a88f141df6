export { checkCompatibility } from './check.js';
export { type ChangeKind, classifyChange, classifySchemas, compareChangeKinds } from './classify.js';
export { CompatCode } from './codes.js';
export { pairMessages, type Roles } from './confluent-messages.js';
export {
  InvalidSchemaError,
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
export { describePath } from './report/describe-schema.js';
export { type Explanation, explainError, explainIncompatibility, type PairLabels } from './report/explain.js';
export {
  type Finding,
  findingToDiagnostic,
  joinLabels,
  type LevelReportOptions,
  levelFindings,
  type PairReportOptions,
  pairFindings,
} from './report/findings.js';
export { type FormatFindingsOptions, formatFindings } from './report/format.js';
export {
  avscSourceLocator,
  type SourceLocation,
  type SourceLocator,
  type SourceTarget,
} from './report/source-locator.js';
export { semanticForm } from './semantic-form.js';
export {
  COMPATIBILITY_LEVELS,
  type CompatibilityError,
  type CompatibilityLevel,
  type Incompatibility,
  type IncompatibilityType,
  isCompatibilityLevel,
  type PairResult,
  type SchemaContext,
} from './types.js';
