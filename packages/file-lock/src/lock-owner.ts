import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { processStartTime } from './process-identity.js';

/** What a lock file holds: who took it, so another process can tell a live owner from a dead one. */
export interface LockOwner {
  pid: number;
  host: string;
  /** The owner's process start time (see `processStartTime`), when the platform tells it. */
  start?: string;
  /** When the lock was taken (ISO 8601). */
  since: string;
  /** Tells this lock from a later one of the same process, so a release never removes another's lock. */
  token: string;
}

/** The owner record for a lock this process takes now. */
export function currentOwner(): LockOwner {
  const owner: LockOwner = {
    pid: process.pid,
    host: hostname(),
    since: new Date().toISOString(),
    token: randomUUID(),
  };
  const start = processStartTime(process.pid);
  if (start !== undefined) owner.start = start;
  return owner;
}

export function serializeOwner(owner: LockOwner): string {
  return `${JSON.stringify(owner)}\n`;
}

/**
 * The owner a lock file names, or undefined when its text is not a complete record (a starter has
 * created the file and not yet written it, or crashed in between). Lock files written before this
 * package (`{pid, start}` of the registry, `{pid, host, pidStart, …}` of the consumer kit) are read too.
 */
export function parseOwner(text: string): LockOwner | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.pid !== 'number' || !Number.isSafeInteger(v.pid) || v.pid <= 0) return undefined;
  const owner: LockOwner = {
    pid: v.pid,
    host: typeof v.host === 'string' ? v.host : hostname(),
    since: typeof v.since === 'string' ? v.since : '',
    token: typeof v.token === 'string' ? v.token : '',
  };
  const start = typeof v.start === 'string' ? v.start : v.pidStart;
  if (typeof start === 'string') owner.start = start;
  return owner;
}
