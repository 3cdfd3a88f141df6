// Avro IDL conformance: runs ../shared/conformance/run-idl.mjs (Java comparison mode) against the built
// `charter idl` (packages/cli/dist/bin.js) and checks the failures against idl.known-failures.txt.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const name = 'idl';

export async function run({ root, shared, knownFailures }) {
  const runner = join(shared, 'conformance', 'run-idl.mjs');
  const bin = join(root, 'packages', 'cli', 'dist', 'bin.js');
  if (!existsSync(bin)) {
    return { passed: 0, failed: 1, unexpected: [`${bin} is missing: run pnpm build first`] };
  }
  const work = mkdtempSync(join(tmpdir(), 'charter-idl-conformance-'));
  try {
    const report = join(work, 'results.json');
    const cmd = `${JSON.stringify(process.execPath)} ${JSON.stringify(bin)} idl {input} --import-path {importPath}`;
    const r = spawnSync(process.execPath, [runner, '--cmd', cmd, '--json', report], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    process.stdout.write(r.stdout ?? '');
    if (!existsSync(report)) return { passed: 0, failed: 1, unexpected: ['run-idl.mjs wrote no results'] };
    const { results } = JSON.parse(readFileSync(report, 'utf8'));
    const known = knownFailures();
    const unexpected = [];
    for (const res of results) {
      if (!res.pass && !known.has(res.name))
        unexpected.push(`${res.name}: ${res.category} ${res.detail ?? ''}`.trim());
      if (res.pass && known.has(res.name))
        unexpected.push(`${res.name} passes now: remove it from idl.known-failures.txt`);
    }
    const passed = results.filter((res) => res.pass).length;
    return { passed, failed: results.length - passed, unexpected };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
