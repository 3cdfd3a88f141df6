import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { openPgliteStore, readLedger, readNextOffset } from '../src/index.js';

const N = 300;

function viteNode(): string | undefined {
  try {
    const fromVitest = createRequire(createRequire(import.meta.url).resolve('vitest/package.json'));
    const pkg = fromVitest.resolve('vite-node/package.json');
    const cli = join(pkg, '..', 'vite-node.mjs');
    return existsSync(cli) ? cli : undefined;
  } catch {
    return undefined;
  }
}

const cli = viteNode();

/** Runs the child until it has applied `killAfter` more events (then SIGKILL) or finishes. */
function round(dir: string, state: string, killAfter: number): Promise<{ applied: number; done: boolean }> {
  const child = spawn(
    process.execPath,
    [cli!, join(import.meta.dirname, 'support', 'sigkill-child.ts'), dir, state, String(N)],
    {
      cwd: join(import.meta.dirname, '..'),
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    let applied = 0;
    let done = false;
    let buffer = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const l of lines) {
        if (l.startsWith('A ')) applied++;
        if (l === 'DONE') done = true;
      }
      if (applied >= killAfter && !done) child.kill('SIGKILL');
    });
    child.once('error', reject);
    child.once('exit', () => resolve({ applied, done }));
  });
}

describe('a consumer process killed with SIGKILL', () => {
  it.skipIf(!cli)(
    `${cli ? '' : '(skipped: vite-node not found) '}restarts from the committed offset and applies every event exactly once`,
    async () => {
      const base = mkdtempSync(join(tmpdir(), 'charter-sigkill-'));
      const dir = join(base, 'store');
      cpSync(inject('pgliteTemplate'), dir, { recursive: true });
      const state = join(base, 'broker-committed');
      const rounds: { applied: number; done: boolean }[] = [];
      for (let r = 0; r < 8; r++) {
        const result = await round(dir, state, 40 + 17 * r);
        rounds.push(result);
        if (result.done) break;
      }
      expect(rounds.at(-1)?.done).toBe(true);
      expect(rounds.filter((r) => !r.done).length).toBeGreaterThanOrEqual(2);
      const store = await openPgliteStore({ dir });
      try {
        const effects = await store.query<{ o: string }>(
          'select "offset"::text as o from effect order by "offset"',
        );
        expect(effects.rows.map((r) => Number(r.o))).toEqual(Array.from({ length: N }, (_, i) => i));
        expect(await readNextOffset(store, { group: 'billing', topic: 'orders', partition: 0 })).toBe(
          BigInt(N),
        );
        expect(await readLedger(store, 'billing')).toHaveLength(N);
      } finally {
        await store.close();
      }
    },
    120_000,
  );
});
