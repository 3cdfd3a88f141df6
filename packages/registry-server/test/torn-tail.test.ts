import { appendFileSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LOG_FILE, LogCorruptError, startRegistryServer } from '../src/index.js';
import { A1, A2, STR, startHarness, tempDir } from './harness.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function seeded(): Promise<string> {
  const dir = tempDir();
  dirs.push(dir);
  const h = await startHarness({ dataDir: dir, quiet: true });
  await h.call('POST', '/subjects/S/versions', { schema: A1 });
  await h.call('POST', '/subjects/S/versions', { schema: A2 });
  await h.call('PUT', '/config/S', { compatibility: 'FULL' });
  await h.close();
  return dir;
}

describe('log replay', () => {
  it('replays the log: versions, ids, config', async () => {
    const dir = await seeded();
    const h = await startHarness({ dataDir: dir, quiet: true });
    try {
      expect(h.registry.replayed).toBe(3);
      expect((await h.call('GET', '/subjects/S/versions')).json).toEqual([1, 2]);
      expect((await h.call('GET', '/config/S')).json).toEqual({ compatibilityLevel: 'FULL' });
      expect((await h.call('POST', '/subjects/T/versions', { schema: STR })).json).toEqual({ id: 3 });
    } finally {
      await h.close();
    }
  });

  it('drops a torn last record with a warning and goes on appending', async () => {
    const dir = await seeded();
    const log = join(dir, LOG_FILE);
    const intact = statSync(log).size;
    const lastLine = readFileSync(log, 'utf8').trimEnd().split('\n').at(-1)!;
    appendFileSync(log, lastLine.slice(0, Math.floor(lastLine.length / 2)));
    const h = await startHarness({ dataDir: dir, quiet: true });
    try {
      expect(h.warnings).toHaveLength(1);
      expect(h.warnings[0]).toMatch(/WARN dropped a torn last record \([0-9]+ bytes at offset [0-9]+\)/);
      expect(statSync(log).size).toBe(intact);
      expect((await h.call('GET', '/subjects/S/versions')).json).toEqual([1, 2]);
      expect((await h.call('POST', '/subjects/T/versions', { schema: STR })).json).toEqual({ id: 3 });
    } finally {
      await h.close();
    }
    const again = await startHarness({ dataDir: dir, quiet: true });
    try {
      expect(again.warnings).toEqual([]);
      expect(again.registry.replayed).toBe(4);
      expect((await again.call('GET', '/subjects/T/versions/1')).json.id).toBe(3);
    } finally {
      await again.close();
    }
  });

  it('drops a last record damaged in place (bad checksum, zero fill)', async () => {
    const dir = await seeded();
    const log = join(dir, LOG_FILE);
    const text = readFileSync(log, 'utf8');
    const damaged = text.replace(/"FULL"(?=[^\n]*\n$)/, '"NONE"');
    expect(damaged).not.toBe(text);
    writeFileSync(log, damaged + '\0'.repeat(64));
    const h = await startHarness({ dataDir: dir, quiet: true });
    try {
      expect(h.warnings).toHaveLength(1);
      expect(h.registry.replayed).toBe(2);
      expect((await h.call('GET', '/subjects/S/versions')).json).toEqual([1, 2]);
      expect((await h.call('GET', '/config/S')).status).toBe(404);
    } finally {
      await h.close();
    }
  });

  it('refuses a log damaged before its last record', async () => {
    const dir = await seeded();
    const log = join(dir, LOG_FILE);
    const lines = readFileSync(log, 'utf8').split('\n');
    lines[0] = lines[0]!.replace('"S"', '"X"');
    writeFileSync(log, lines.join('\n'));
    await expect(startRegistryServer({ dataDir: dir, port: 0, quiet: true, warn: () => {} })).rejects.toThrow(
      LogCorruptError,
    );
    // The refusal released the lock: a repaired log starts.
    writeFileSync(log, '');
    const h = await startHarness({ dataDir: dir, quiet: true });
    await h.close();
  });
});
