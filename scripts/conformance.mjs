#!/usr/bin/env node
// Runs the conformance suites in ../shared/conformance against the built toolchain.
// Each suite is a module in scripts/conformance/ exporting { name, run(ctx) } where run returns
// { passed, failed, unexpected: string[] }: failures not listed in its known-failures file.
// Exit 1 when a suite has an unexpected failure, or a known failure that now passes (the list only shrinks).
import { existsSync, readdirSync } from 'node:fs';
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
const suites = readdirSync(dir)
  .filter((f) => f.endsWith('.mjs'))
  .sort();
let ok = true;
for (const file of suites) {
  const suite = await import(join(dir, file));
  if (only.length && !only.includes(suite.name)) continue;
  console.log(`\n== ${suite.name} ==`);
  const result = await suite.run({ root, shared });
  console.log(`${suite.name}: ${result.passed} passed, ${result.failed} failed`);
  for (const line of result.unexpected) console.log(`  unexpected: ${line}`);
  if (result.unexpected.length > 0) ok = false;
}
process.exit(ok ? 0 : 1);
