export { authFromEnv, REGISTRY_ENV, type RegistryAuth } from './auth.js';
export { CONTENT_TYPE, RegistryClient, type RegistryClientOptions, type VersionRef } from './client.js';
export { isNotFound, RegistryError } from './errors.js';
export { toSchemaRequest } from './schema-input.js';
export {
  COMPATIBILITY_LEVELS,
  type CompatibilityLevel,
  type CompatibilityResult,
  type ConfigUpdate,
  MODES,
  type Mode,
  type RegisterResult,
  type RegistryConfig,
  type RuleSet,
  type SchemaById,
  type SchemaInput,
  type SchemaMetadata,
  type SchemaReference,
  type SchemaRequest,
  type SchemaType,
  type SubjectVersion,
  type SubjectVersionSchema,
} from './types.js';
