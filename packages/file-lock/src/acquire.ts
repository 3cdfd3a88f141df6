import { closeSync, fsyncSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { currentOwner, type LockOwner, parseOwner, serializeOwner } from './lock-owner.js';
import { inspectLock } from './lock-state.js';
import { FileLockedError } from './locked-error.js';

export interface AcquireOptions {
  /**
   * How long an incomplete lock file (created, owner not yet written) counts as held by a starter
   * before it is treated as left by a crash. Default 2000 ms.
   */
  graceMs?: number;
}

export interface FileLock {
  readonly path: string;
  readonly owner: LockOwner;
  /** Removes the lock file if it is still this lock's; idempotent. */
  release(): void;
}

export const DEFAULT_GRACE_MS = 2_000;
/** A takeover guard left behind by a crash is ignored after this long. */
const BREAKER_AGE_MS = 10_000;

/** Creates `path` exclusively (O_CREAT | O_EXCL) with `text`, synced; false if it exists. */
function createExclusive(path: string, text: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return true;
}

function olderThan(path: string, ms: number): boolean {
  try {
    return Date.now() - statSync(path).mtimeMs >= ms;
  } catch {
    return true;
  }
}

function unlinkIfPresent(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/**
 * Removes a stale lock under a guard file (`PATH.break`, itself created exclusively), so two starters
 * that both found it stale cannot both remove it, nor one remove the lock the other has just taken:
 * the lock is judged again while the guard is held, and a fresh one is never stale.
 */
function removeStale(path: string, graceMs: number, me: LockOwner): void {
  const guard = `${path}.break`;
  const text = serializeOwner(me);
  if (!createExclusive(guard, text)) {
    if (!olderThan(guard, BREAKER_AGE_MS)) throw new FileLockedError(path, 'contended', undefined);
    unlinkIfPresent(guard);
    if (!createExclusive(guard, text)) throw new FileLockedError(path, 'contended', undefined);
  }
  try {
    const now = inspectLock(path, graceMs);
    if (now.state === 'held') throw new FileLockedError(path, 'held', now.owner);
    if (now.state === 'starting') throw new FileLockedError(path, 'starting', undefined);
    if (now.state === 'stale') unlinkIfPresent(path);
  } finally {
    unlinkIfPresent(guard);
  }
}

/**
 * Takes the lock file `path` for this process: created exclusively, holding the owner's pid, host,
 * process start time and a token. An existing lock whose owner is alive (this process included) or
 * on another host is refused, and so is one still being written (younger than `graceMs`); a lock
 * left by a dead process, or left incomplete past `graceMs`, is taken over. Throws
 * `FileLockedError` when refused, having changed nothing.
 */
export function acquireFileLock(path: string, options: AcquireOptions = {}): FileLock {
  const graceMs = options.graceMs ?? DEFAULT_GRACE_MS;
  const me = currentOwner();
  const text = serializeOwner(me);
  for (let attempt = 0; attempt < 3; attempt++) {
    if (createExclusive(path, text)) return handle(path, me);
    const seen = inspectLock(path, graceMs);
    if (seen.state === 'held') throw new FileLockedError(path, 'held', seen.owner);
    if (seen.state === 'starting') throw new FileLockedError(path, 'starting', undefined);
    if (seen.state === 'stale') removeStale(path, graceMs, me);
  }
  throw new FileLockedError(path, 'contended', undefined);
}

function handle(path: string, owner: LockOwner): FileLock {
  let released = false;
  return {
    path,
    owner,
    release() {
      if (released) return;
      released = true;
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch {
        return;
      }
      if (parseOwner(text)?.token === owner.token) unlinkIfPresent(path);
    },
  };
}
