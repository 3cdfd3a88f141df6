import { existsSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LOG_FILE, LockedError, startRegistryServer } from '../src/index.js';
import { spawnServer } from './child-process.js';
import { tempDir } from './harness.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function dataDir(): string {
  const dir = tempDir();
  dirs.push(dir);
  return dir;
}

describe('the data directory lock', () => {
  it('does not take over a LOCK another starter has created and not yet written', async () => {
    const dir = dataDir();
    const lock = join(dir, 'LOCK');
    writeFileSync(lock, '');
    await expect(startRegistryServer({ dataDir: dir, port: 0, quiet: true })).rejects.toThrow(
      /another registry server is starting on .*; try again in a few seconds/,
    );
    // Refused before anything was opened or written.
    expect(existsSync(join(dir, LOG_FILE))).toBe(false);
    expect(readFileSync(lock, 'utf8')).toBe('');

    // Left empty by a starter that crashed: taken over once it is older than the grace period.
    const then = new Date(Date.now() - 5_000);
    utimesSync(lock, then, then);
    const registry = await startRegistryServer({ dataDir: dir, port: 0, quiet: true });
    try {
      expect(JSON.parse(readFileSync(lock, 'utf8')).pid).toBe(process.pid);
    } finally {
      await registry.close();
    }
    expect(existsSync(lock)).toBe(false);
  });

  it('names the live server of another process that holds it, and takes over after it was killed', async () => {
    const dir = dataDir();
    const child = await spawnServer(dir);
    try {
      const refused = startRegistryServer({ dataDir: dir, port: 0, quiet: true });
      await expect(refused).rejects.toThrow(LockedError);
      await expect(refused).rejects.toThrow(`another registry server (pid ${child.child.pid}) is using`);
    } finally {
      child.child.kill('SIGKILL');
      await child.exited;
    }
    expect(JSON.parse(readFileSync(join(dir, 'LOCK'), 'utf8')).pid).toBe(child.child.pid);
    const registry = await startRegistryServer({ dataDir: dir, port: 0, quiet: true });
    await registry.close();
  }, 60_000);

  it('tells a second server of the same process apart', async () => {
    const dir = dataDir();
    const first = await startRegistryServer({ dataDir: dir, port: 0, quiet: true });
    try {
      await expect(startRegistryServer({ dataDir: dir, port: 0, quiet: true })).rejects.toThrow(
        'another registry server in this process is using',
      );
    } finally {
      await first.close();
    }
  });
});
