import { readFileSync } from 'node:fs';

/**
 * The kernel's start time of a process (`/proc/PID/stat` field 22, clock ticks since boot), so a pid
 * the system reused for another process is not taken for the lock's owner. Undefined where there is
 * no procfs (the pid check alone then decides).
 */
export function processStartTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is parenthesised and may contain spaces; the fields after it do not.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

/** True while process `pid` exists and, when `start` is known, is still the process that started then. */
export function isProcessAlive(pid: number, start: string | undefined): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  if (start === undefined) return true;
  const current = processStartTime(pid);
  return current === undefined || current === start;
}
