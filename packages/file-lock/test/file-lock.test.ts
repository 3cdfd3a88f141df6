import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireFileLock, DEFAULT_GRACE_MS, FileLockedError } from '../src/index.js';
import { LockChild } from './support/children.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function lockPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'charter-file-lock-'));
  dirs.push(dir);
  return join(dir, 'LOCK');
}

function refusal(path: string): FileLockedError {
  try {
    acquireFileLock(path).release();
  } catch (error) {
    if (error instanceof FileLockedError) return error;
    throw error;
  }
  throw new Error('expected the lock to be refused');
}

/** Moves a file's modification time into the past, as if it had been left there that long ago. */
function age(path: string, ms: number): void {
  const then = new Date(Date.now() - ms);
  utimesSync(path, then, then);
}

function ownerPid(path: string): number {
  return (JSON.parse(readFileSync(path, 'utf8')) as { pid: number }).pid;
}

/** The pid of a process that has exited. */
function deadPid(): number {
  return Number(spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' }).stdout);
}

describe('acquireFileLock', () => {
  it('writes the owner into a new lock file and removes it on release', () => {
    const path = lockPath();
    const lock = acquireFileLock(path);
    const owner = JSON.parse(readFileSync(path, 'utf8'));
    expect(owner).toMatchObject({ pid: process.pid, host: hostname(), token: lock.owner.token });
    expect(typeof owner.start).toBe('string');
    lock.release();
    expect(existsSync(path)).toBe(false);
    lock.release();
  });

  it('does not take over an empty or half-written lock before the grace period, and does after it', async () => {
    const path = lockPath();
    // A starter between its exclusive create and its write: a real process that holds the file open.
    const starter = spawn(
      process.execPath,
      [
        '-e',
        `const fs=require('fs');const fd=fs.openSync(${JSON.stringify(path)},'wx');fs.writeSync(fd,'{"pid":');console.log('half');setInterval(()=>{},1000)`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      await new Promise<void>((resolve) => starter.stdout!.once('data', () => resolve()));
      const error = refusal(path);
      expect(error.reason).toBe('starting');
      expect(error.owner).toBeUndefined();
      expect(readFileSync(path, 'utf8')).toBe('{"pid":');
    } finally {
      starter.kill('SIGKILL');
    }
    // The starter died mid-write; the lock stays refused until the grace period has passed.
    expect(refusal(path).reason).toBe('starting');
    age(path, DEFAULT_GRACE_MS + 500);
    const lock = acquireFileLock(path);
    expect(ownerPid(path)).toBe(process.pid);
    lock.release();

    // `: > LOCK`, an empty file just created.
    writeFileSync(path, '');
    expect(refusal(path).reason).toBe('starting');
    expect(readFileSync(path, 'utf8')).toBe('');
    age(path, DEFAULT_GRACE_MS + 500);
    acquireFileLock(path).release();
  });

  it('refuses a lock held by a live process, and takes it once that process released it', async () => {
    const path = lockPath();
    const holder = await new LockChild(path).ready();
    try {
      expect(await holder.take()).toBe(`HELD ${holder.pid}`);
      const error = refusal(path);
      expect(error.reason).toBe('held');
      expect(error.owner?.pid).toBe(holder.pid);
      expect(error.message).toContain(`held by process ${holder.pid} on ${hostname()}`);
      expect(ownerPid(path)).toBe(holder.pid);
    } finally {
      await holder.stop();
    }
    expect(existsSync(path)).toBe(false);
    acquireFileLock(path).release();
  });

  it('refuses a second lock in the same process', () => {
    const path = lockPath();
    const lock = acquireFileLock(path);
    try {
      const error = refusal(path);
      expect(error.reason).toBe('held');
      expect(error.owner?.pid).toBe(process.pid);
      expect(error.owner?.token).toBe(lock.owner.token);
    } finally {
      lock.release();
    }
  });

  it('takes over the lock of a process that was killed', async () => {
    const path = lockPath();
    const holder = await new LockChild(path).ready();
    expect(await holder.take()).toBe(`HELD ${holder.pid}`);
    await holder.stop('SIGKILL');
    expect(ownerPid(path)).toBe(holder.pid);
    const lock = acquireFileLock(path);
    expect(ownerPid(path)).toBe(process.pid);
    lock.release();
  });

  it('takes over a lock whose pid now belongs to another process (start time differs)', () => {
    const path = lockPath();
    writeFileSync(
      path,
      JSON.stringify({ pid: process.pid, host: hostname(), start: '1', since: 'then', token: 'x' }),
    );
    const lock = acquireFileLock(path);
    expect(lock.owner.token).not.toBe('x');
    lock.release();
  });

  it('reads the lock files of earlier versions (registry {pid, start}, consumer kit pidStart)', () => {
    const path = lockPath();
    // This process's pid with another start time: a reused pid, so the lock is stale.
    writeFileSync(path, JSON.stringify({ pid: process.pid, start: '1' }));
    acquireFileLock(path).release();
    writeFileSync(
      path,
      JSON.stringify({ pid: process.pid, host: hostname(), pidStart: '1', since: 'then', token: 't' }),
    );
    acquireFileLock(path).release();
    // Without a start time, the live pid alone holds it.
    writeFileSync(path, JSON.stringify({ pid: process.pid }));
    expect(refusal(path).owner?.pid).toBe(process.pid);
  });

  it('refuses a lock taken on another host, whose owner cannot be checked from here', () => {
    const path = lockPath();
    writeFileSync(
      path,
      JSON.stringify({ pid: deadPid(), host: `not-${hostname()}`, since: 'now', token: 't' }),
    );
    const error = refusal(path);
    expect(error.reason).toBe('held');
    expect(error.owner?.host).toBe(`not-${hostname()}`);
  });

  it('release leaves a lock that is no longer its own', () => {
    const path = lockPath();
    const lock = acquireFileLock(path);
    const other = JSON.stringify({ pid: process.pid, host: hostname(), since: 'now', token: 'other' });
    writeFileSync(path, other);
    lock.release();
    expect(readFileSync(path, 'utf8')).toBe(other);
  });
});

describe('acquireFileLock races between processes', () => {
  const STARTERS = 4;

  it('gives the lock to exactly one of several processes, whatever the lock file held before', async () => {
    const path = lockPath();
    const children = await Promise.all(Array.from({ length: STARTERS }, () => new LockChild(path).ready()));
    try {
      const before: Record<string, () => void> = {
        absent: () => rmSync(path, { force: true }),
        'dead owner': () =>
          writeFileSync(
            path,
            JSON.stringify({ pid: deadPid(), host: hostname(), since: 'then', token: 'dead' }),
          ),
        'half-written, past the grace period': () => {
          writeFileSync(path, '{"pid":12');
          age(path, DEFAULT_GRACE_MS + 500);
        },
        'empty, past the grace period': () => {
          writeFileSync(path, '');
          age(path, DEFAULT_GRACE_MS + 500);
        },
      };
      for (let round = 0; round < 3; round++) {
        for (const [name, setup] of Object.entries(before)) {
          setup();
          for (const child of children) child.send('take');
          const answers = await Promise.all(children.map((c) => c.next()));
          const winners = children.filter((_, i) => answers[i]!.startsWith('HELD'));
          expect(winners.length, `${name}: ${answers.join(', ')}`).toBe(1);
          expect(ownerPid(path), name).toBe(winners[0]!.pid);
          for (const answer of answers)
            expect(answer).toMatch(/^(HELD \d+|REFUSED (held|starting|contended))$/);
          expect(existsSync(`${path}.break`)).toBe(false);
          winners[0]!.send('release');
          expect(await winners[0]!.next()).toBe('RELEASED');
          expect(existsSync(path)).toBe(false);
        }
      }
    } finally {
      await Promise.all(children.map((c) => c.stop()));
    }
  }, 60_000);

  it('never lets a process take a lock a live process is still writing', async () => {
    const path = lockPath();
    const children = await Promise.all(Array.from({ length: STARTERS }, () => new LockChild(path).ready()));
    try {
      writeFileSync(path, '');
      for (const child of children) child.send('take');
      const answers = await Promise.all(children.map((c) => c.next()));
      expect(answers).toEqual(children.map(() => 'REFUSED starting'));
      expect(readFileSync(path, 'utf8')).toBe('');
    } finally {
      await Promise.all(children.map((c) => c.stop()));
    }
  }, 60_000);
});
