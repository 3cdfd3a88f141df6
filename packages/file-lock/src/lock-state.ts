import { readFileSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import { type LockOwner, parseOwner } from './lock-owner.js';
import { isProcessAlive } from './process-identity.js';

/**
 * What an existing lock file means to a process that wants it:
 * - `gone`: removed meanwhile (try again);
 * - `held`: its owner is alive on this host, or on another host (which cannot be checked from here);
 * - `starting`: not a complete owner record yet, and younger than the grace period (its creator is
 *   between the exclusive create and the write);
 * - `stale`: its owner is dead, or the record stayed incomplete past the grace period.
 */
export type LockState =
  | { state: 'gone' }
  | { state: 'held'; owner: LockOwner }
  | { state: 'starting' }
  | { state: 'stale'; owner: LockOwner | undefined };

export function inspectLock(path: string, graceMs: number): LockState {
  let text: string;
  let mtimeMs: number;
  try {
    mtimeMs = statSync(path).mtimeMs;
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'gone' };
    throw error;
  }
  const owner = parseOwner(text);
  if (owner === undefined) {
    return Date.now() - mtimeMs < graceMs ? { state: 'starting' } : { state: 'stale', owner: undefined };
  }
  if (owner.host !== hostname() || isProcessAlive(owner.pid, owner.start)) return { state: 'held', owner };
  return { state: 'stale', owner };
}
