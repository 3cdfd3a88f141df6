#!/usr/bin/env node
// Runs the conformance suites in ../shared/conformance against the built toolchain.
// Each suite is a module in scripts/conformance/ exporting { name, run(ctx) } where run returns
// { passed, failed, unexpected: string[] }: failures not listed in its known-failures file, which
// ctx.knownFailures() reads. Exit 1 when a suite has an unexpected failure, or a known failure that now
// passes (the list only shrinks).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.env.CHARTER_SHARED ?? resolve(root, '..', 'shared');
if (!existsSync(join(shared, 'conformance'))) {
  console.log(
    `conformance: ${join(shared, 'conformance')} is absent; nothing to run (not counted as a test).`,
  );
  process.exit(0);
}
const only = process.argv.slice(2);
const dir = join(root, 'scripts', 'conformance');

/** `<suite>.known-failures.txt` beside the suite: `id  reason` per line, `#` comments; id → reason. */
function knownFailuresOf(name) {
  const file = join(dir, `${name}.known-failures.txt`);
  const known = new Map();
  if (!existsSync(file)) return known;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const [id, ...reason] = trimmed.split(/\s+/);
    known.set(id, reason.join(' '));
  }
  return known;
}

const suites = readdirSync(dir)
  .filter((f) => f.endsWith('.mjs'))
  .sort();
let ok = true;
for (const file of suites) {
  const suite = await import(join(dir, file));
  if (only.length && !only.includes(suite.name)) continue;
  console.log(`\n== ${suite.name} ==`);
  const result = await suite.run({ root, shared, knownFailures: () => knownFailuresOf(suite.name) });
  console.log(`${suite.name}: ${result.passed} passed, ${result.failed} failed`);
  for (const line of result.unexpected) console.log(`  unexpected: ${line}`);
  if (result.unexpected.length > 0) ok = false;
}
process.exit(ok ? 0 : 1);
