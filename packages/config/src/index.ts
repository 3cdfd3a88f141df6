export { ConfigCode } from './codes.js';
export {
  DURABILITY_MINIMUM,
  type DurabilityShortfall,
  durabilityShortfalls,
  durabilityWarnings,
} from './durability.js';
export { CONFIG_FILE, type LoadResult, loadContractIndex, parseContractIndex } from './load.js';
export {
  COMPATIBILITY_LEVELS,
  type CodegenSettings,
  type CompatibilityLevel,
  type ContractIndex,
  type EventDefaults,
  type EventEntry,
  type ResolvedEvent,
  type Role,
  SUBJECT_STRATEGIES,
  type SubjectStrategy,
  type TopicSettings,
} from './model.js';
export { kebabCase, subjectName } from './naming.js';
export {
  type ResolveEventsOptions,
  type ResolveEventsResult,
  resolveEvent,
  resolveEvents,
} from './resolve.js';
