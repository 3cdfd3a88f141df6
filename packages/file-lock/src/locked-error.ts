import type { LockOwner } from './lock-owner.js';

/** Why a lock was refused. */
export type LockedReason =
  /** A live process holds it (this one included), or a process on another host. */
  | 'held'
  /** Another process has just created it and is writing its owner record. */
  | 'starting'
  /** Another process is taking over a stale lock right now. */
  | 'contended';

/** Thrown by `acquireFileLock` when the lock belongs to someone else; nothing was changed on disk. */
export class FileLockedError extends Error {
  constructor(
    readonly path: string,
    readonly reason: LockedReason,
    /** The holder, when the lock file names one. */
    readonly owner: LockOwner | undefined,
  ) {
    super(
      owner
        ? `${path} is held by process ${owner.pid} on ${owner.host}${owner.since ? ` (since ${owner.since})` : ''}`
        : reason === 'starting'
          ? `${path} is being taken by another process`
          : `${path} is being taken over by another process`,
    );
    this.name = 'FileLockedError';
  }
}
