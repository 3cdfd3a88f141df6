import { spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DiagnosticError } from '@charter/diagnostics';
import { describe, expect, inject, it } from 'vitest';
import {
  acquireLockFile,
  migrateStore,
  openPgliteStore,
  pgliteLockPath,
  STORE_SCHEMA_VERSION,
} from '../src/index.js';

function freshDir(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'charter-lock-')), 'store');
  cpSync(inject('pgliteTemplate'), dir, { recursive: true });
  return dir;
}

function listing(dir: string): string[] {
  return readdirSync(join(dir, '..'), { recursive: true }).map(String).sort();
}

async function refusal(run: () => Promise<unknown>): Promise<DiagnosticError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof DiagnosticError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('the PGlite store lock', () => {
  it('refuses a second opener in the same process with CON001 and touches no file', async () => {
    const dir = freshDir();
    const store = await openPgliteStore({ dir });
    try {
      const before = listing(dir);
      const error = await refusal(() => openPgliteStore({ dir }));
      expect(error.diagnostics[0]).toMatchObject({
        code: 'CON001',
        severity: 'error',
        file: pgliteLockPath(dir),
      });
      expect(error.diagnostics[0]?.message).toContain(`locked by process ${process.pid}`);
      expect(listing(dir)).toEqual(before);
    } finally {
      await store.close();
    }
    expect(existsSync(pgliteLockPath(dir))).toBe(false);
    const again = await openPgliteStore({ dir });
    await again.close();
  });

  it('refuses a store held by another live process', async () => {
    const dir = freshDir();
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `const fs=require('fs');fs.writeFileSync(${JSON.stringify(pgliteLockPath(dir))},JSON.stringify({pid:process.pid,host:require('os').hostname(),since:'now',token:'t'}));console.log('held');setInterval(()=>{},1000)`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      await new Promise<void>((resolve) => holder.stdout!.once('data', () => resolve()));
      const error = await refusal(() => openPgliteStore({ dir }));
      expect(error.diagnostics[0]?.code).toBe('CON001');
      expect(error.diagnostics[0]?.message).toContain(`process ${holder.pid}`);
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it('takes over the lock of a process that died', async () => {
    const dir = freshDir();
    const dead = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    const pid = Number(dead.stdout.trim());
    writeFileSync(
      pgliteLockPath(dir),
      JSON.stringify({ pid, host: (await import('node:os')).hostname(), since: 'then', token: 'stale' }),
    );
    const store = await openPgliteStore({ dir });
    await store.close();
    expect(existsSync(pgliteLockPath(dir))).toBe(false);
  });

  it('treats a torn lock file as held while it is fresh', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'charter-lock-')), 'x.lock');
    writeFileSync(path, '{"pid":');
    expect(() => acquireLockFile(path, 'x')).toThrow(DiagnosticError);
  });

  it('takes over a torn lock file once it is older than the grace period', async () => {
    const dir = freshDir();
    writeFileSync(pgliteLockPath(dir), '{"pid":');
    expect((await refusal(() => openPgliteStore({ dir }))).diagnostics[0]?.message).toContain(
      'locked by another process',
    );
    const then = new Date(Date.now() - 5_000);
    utimesSync(pgliteLockPath(dir), then, then);
    const store = await openPgliteStore({ dir });
    expect(JSON.parse(readFileSync(pgliteLockPath(dir), 'utf8')).pid).toBe(process.pid);
    await store.close();
    expect(existsSync(pgliteLockPath(dir))).toBe(false);
  });

  it('refuses a store written by a newer kit (CON003)', async () => {
    const dir = freshDir();
    const store = await openPgliteStore({ dir });
    await store.query('insert into charter_store_meta (schema_version) values ($1)', [
      STORE_SCHEMA_VERSION + 1,
    ]);
    try {
      const error = await refusal(() => migrateStore(store));
      expect(error.diagnostics[0]?.code).toBe('CON003');
    } finally {
      await store.close();
    }
  });
});
