export { type AcquireOptions, acquireFileLock, DEFAULT_GRACE_MS, type FileLock } from './acquire.js';
export type { LockOwner } from './lock-owner.js';
export { FileLockedError, type LockedReason } from './locked-error.js';
