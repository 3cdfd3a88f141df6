// Compatibility conformance: ../shared/conformance/run-compat.mjs against the built @charter/compat.
// Expected failures are listed in compat.known-failures.txt (`id  reason` per line; the list only shrinks).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const name = 'compat';

export async function run({ root, shared, knownFailures }) {
  const entry = join(root, 'packages', 'compat', 'dist', 'index.js');
  const runner = join(shared, 'conformance', 'run-compat.mjs');
  if (!existsSync(entry)) {
    return {
      passed: 0,
      failed: 1,
      unexpected: [`${entry} is missing: run pnpm --filter @charter/compat build`],
    };
  }
  const r = spawnSync(process.execPath, [runner, '--module', entry], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  const last = out.trim().split('\n').at(-1) ?? '';
  console.log(last);
  const m = /^(\d+) passed, (\d+) failed$/.exec(last);
  if (!m)
    return { passed: 0, failed: 1, unexpected: [`run-compat.mjs printed no summary:\n${out.slice(-2000)}`] };
  const known = knownFailures();
  const failing = new Set([...out.matchAll(/^FAIL ([^:]+):/gm)].map((x) => x[1]));
  const unexpected = [...failing].filter((id) => !known.has(id)).map((id) => `${id} fails`);
  for (const id of known.keys())
    if (!failing.has(id)) unexpected.push(`${id} passes now: remove it from compat.known-failures.txt`);
  return { passed: Number(m[1]), failed: Number(m[2]), unexpected };
}
