import { DiagnosticError } from '@charter/diagnostics';
import { acquireFileLock, FileLockedError, type LockOwner } from '@charter/file-lock';

export interface LockHandle {
  readonly path: string;
  release(): void;
}

function lockedError(resource: string, path: string, owner: LockOwner | undefined): DiagnosticError {
  const since = owner?.since ? ` (since ${owner.since})` : '';
  const by = owner ? `process ${owner.pid} on ${owner.host}${since}` : 'another process';
  return new DiagnosticError([
    {
      code: 'CON001',
      severity: 'error',
      message: `${resource} is locked by ${by}; PGlite lets a second process open it and then silently loses rows`,
      file: path,
      hint: 'stop the other consumer, or use a shared PostgreSQL store for a group with several instances',
    },
  ]);
}

/**
 * Takes an exclusive lock file (see `@charter/file-lock`: O_EXCL, holding pid, host and process start
 * time). A lock whose owner is no longer alive on this host is taken over; a live owner, one on
 * another host, or a lock still being written is refused with CON001 before anything is written.
 */
export function acquireLockFile(path: string, resource: string): LockHandle {
  try {
    return acquireFileLock(path);
  } catch (error) {
    if (error instanceof FileLockedError) throw lockedError(resource, path, error.owner);
    throw error;
  }
}
