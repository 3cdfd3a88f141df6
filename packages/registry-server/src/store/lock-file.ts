import { closeSync, openSync, readFileSync, realpathSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** Directories locked by this process (a pid check cannot tell two servers of one process apart). */
const heldHere = new Set<string>();

export class LockedError extends Error {}

/** The kernel's start time of a process (`/proc/PID/stat` field 22), to tell a live owner from a reused pid. */
function processStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces; fields after it are space separated.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19];
  } catch {
    return undefined;
  }
}

function isAlive(pid: number, start: string | undefined): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  if (start === undefined) return true;
  const current = processStart(pid);
  return current === undefined || current === start;
}

/**
 * Takes DIR/LOCK for this process, or throws `LockedError` when another live server holds it. A lock
 * left by a killed server (its process gone) is taken over.
 */
export function acquireLock(dir: string): { release(): void } {
  const real = realpathSync(dir);
  const path = join(real, 'LOCK');
  if (heldHere.has(real)) throw new LockedError(`another registry server in this process is using ${dir}`);
  const content = `${JSON.stringify({ pid: process.pid, start: processStart(process.pid) })}\n`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      try {
        writeSync(fd, content);
      } finally {
        closeSync(fd);
      }
      heldHere.add(real);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          heldHere.delete(real);
          try {
            unlinkSync(path);
          } catch {
            // already gone
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let owner: { pid?: unknown; start?: unknown } = {};
    try {
      owner = JSON.parse(readFileSync(path, 'utf8')) as typeof owner;
    } catch {
      // unreadable or half-written: treat as stale
    }
    const pid = typeof owner.pid === 'number' ? owner.pid : undefined;
    const start = typeof owner.start === 'string' ? owner.start : undefined;
    if (pid !== undefined && pid !== process.pid && isAlive(pid, start)) {
      throw new LockedError(
        `another registry server (pid ${pid}) is using ${dir}; stop it, or remove ${path} if it is not running`,
      );
    }
    try {
      unlinkSync(path);
    } catch {
      // raced with another starter; retry
    }
  }
  throw new LockedError(`cannot lock ${dir}`);
}
