import { randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { DiagnosticError } from '@charter/diagnostics';

interface LockOwner {
  pid: number;
  host: string;
  /** Linux process start time (clock ticks since boot), so a recycled pid is not taken for the owner. */
  pidStart?: string;
  since: string;
  token: string;
}

export interface LockHandle {
  readonly path: string;
  release(): void;
}

/** A lock file whose owner crashed mid-write is considered abandoned after this long. */
const TORN_LOCK_AGE_MS = 2_000;
/** A stale-lock breaker left behind by a crash is ignored after this long. */
const BREAKER_AGE_MS = 10_000;

function processStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22 (starttime) counted after the parenthesised command name, which may contain spaces.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

function isAlive(owner: LockOwner): boolean {
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  if (owner.pidStart === undefined) return true;
  const start = processStart(owner.pid);
  return start === undefined || start === owner.pidStart;
}

function readOwner(path: string): LockOwner | 'torn' | 'gone' {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw error;
  }
  try {
    const owner = JSON.parse(text) as LockOwner;
    if (typeof owner.pid === 'number' && typeof owner.token === 'string') return owner;
  } catch {}
  return 'torn';
}

function ageMs(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

function tryCreate(path: string, owner: LockOwner): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, `${JSON.stringify(owner)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return true;
}

function lockedError(resource: string, path: string, owner: LockOwner | undefined): DiagnosticError {
  const by = owner ? `process ${owner.pid} on ${owner.host} (since ${owner.since})` : 'another process';
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

/** Removes a lock left by a dead process, guarded by a breaker file so two starters cannot both break it. */
function breakStale(path: string, stale: LockOwner | 'torn'): boolean {
  const breaker = `${path}.break`;
  const guard: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString(), token: '' };
  if (!tryCreate(breaker, guard)) {
    if (ageMs(breaker) < BREAKER_AGE_MS) return false;
    unlinkSync(breaker);
    if (!tryCreate(breaker, guard)) return false;
  }
  try {
    const now = readOwner(path);
    const same =
      now === 'gone' || (now === 'torn' ? stale === 'torn' : stale !== 'torn' && now.token === stale.token);
    if (!same) return false;
    if (now !== 'gone') unlinkSync(path);
    return true;
  } finally {
    unlinkSync(breaker);
  }
}

/**
 * Takes an exclusive lock file (O_EXCL, holding pid, host and process start time). A lock whose owner
 * is no longer alive on this host is taken over; a live owner, or one on another host, is refused
 * with CON001 before anything is written.
 */
export function acquireLockFile(path: string, resource: string): LockHandle {
  const owner: LockOwner = {
    pid: process.pid,
    host: hostname(),
    since: new Date().toISOString(),
    token: randomUUID(),
  };
  const start = processStart(process.pid);
  if (start !== undefined) owner.pidStart = start;
  for (let attempt = 0; attempt < 3; attempt++) {
    if (tryCreate(path, owner)) {
      return {
        path,
        release() {
          const now = readOwner(path);
          if (now !== 'gone' && now !== 'torn' && now.token === owner.token) unlinkSync(path);
        },
      };
    }
    const current = readOwner(path);
    if (current === 'gone') continue;
    if (current === 'torn') {
      if (ageMs(path) < TORN_LOCK_AGE_MS) throw lockedError(resource, path, undefined);
    } else if (current.host !== owner.host || isAlive(current)) {
      throw lockedError(resource, path, current);
    }
    if (!breakStale(path, current))
      throw lockedError(resource, path, current === 'torn' ? undefined : current);
  }
  throw lockedError(resource, path, undefined);
}
