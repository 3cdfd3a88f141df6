export type { CompatibilityLevel } from './levels.js';
export { LOG_FILE, type RegistryServerOptions, type RunningRegistry, startRegistryServer } from './start.js';
export { LockedError } from './store/lock-file.js';
export { LogCorruptError } from './store/log-file.js';
