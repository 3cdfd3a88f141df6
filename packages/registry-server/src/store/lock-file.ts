import { realpathSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { acquireFileLock, type FileLock, FileLockedError } from '@charter/file-lock';

/** The data directory belongs to another registry server (of this process or another). */
export class LockedError extends Error {}

function refusal(dir: string, path: string, error: FileLockedError): string {
  const owner = error.owner;
  if (owner === undefined) {
    return `another registry server is starting on ${dir}; try again in a few seconds (${path} is being ${error.reason === 'starting' ? 'written' : 'taken over'})`;
  }
  if (owner.pid === process.pid) return `another registry server in this process is using ${dir}`;
  const where = owner.host === hostname() ? '' : ` on ${owner.host}`;
  return `another registry server (pid ${owner.pid}${where}) is using ${dir}; stop it, or remove ${path} if it is not running`;
}

/**
 * Takes DIR/LOCK for this process, or throws `LockedError` when another live server holds it or is
 * writing it. A lock left by a killed server (its process gone) is taken over.
 */
export function acquireLock(dir: string): FileLock {
  const path = join(realpathSync(dir), 'LOCK');
  try {
    return acquireFileLock(path);
  } catch (error) {
    if (error instanceof FileLockedError) throw new LockedError(refusal(dir, path, error), { cause: error });
    throw error;
  }
}
