#!/usr/bin/env node
// Compatibility benchmark: pair checks per second on realistic contracts (pre-parsed and from JSON),
// the same pairs with avsc's resolver (the usual JavaScript proxy, which disagrees with Avro Java on 12
// of the 290 upstream cases) measured in the same run, and a transitive level check of a candidate
// against 100 versions. Runs against the built dist/ of @charter/compat:
//   pnpm --filter @charter/compat build && node bench/compat/run.mjs [--quick]
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkCompatibility, checkLevel, checkSchemas, toSchema } from '@charter/compat';
import avsc from 'avsc';
import { evolutionPairs, orderHistory } from './contracts.mjs';

const quick = process.argv.includes('--quick');
const budgetMs = quick ? 300 : 1500;

/** Runs `fn` repeatedly for about `budgetMs` after a warm-up; returns operations per second. */
function measure(fn) {
  const warmEnd = performance.now() + budgetMs / 4;
  while (performance.now() < warmEnd) fn();
  let ops = 0;
  const start = performance.now();
  let now = start;
  while (now - start < budgetMs) {
    for (let i = 0; i < 50; i++) fn();
    ops += 50;
    now = performance.now();
  }
  return (ops * 1000) / (now - start);
}

const fmt = (n) => Math.round(n).toLocaleString('en-US');

console.log(`node ${process.version}, ${budgetMs} ms per measurement\n`);
console.log('pair checks per second (reader, writer):');
console.log(
  '  case                                              verdict   charter(parsed)  charter(JSON)  avsc resolver   ratio',
);
let totalCharter = 0;
let totalAvsc = 0;
for (const [name, reader, writer] of evolutionPairs()) {
  const r = toSchema(reader, 'reader');
  const w = toSchema(writer, 'writer');
  const verdict = checkSchemas(r, w).compatible;
  const parsed = measure(() => checkSchemas(r, w));
  const fromJson = measure(() => checkCompatibility(reader, writer));
  const ar = avsc.Type.forSchema(reader, { logicalTypes: {} });
  const aw = avsc.Type.forSchema(writer, { logicalTypes: {} });
  const avscOps = measure(() => {
    try {
      ar.createResolver(aw);
    } catch {
      // avsc throws on an incompatible pair
    }
  });
  totalCharter += parsed;
  totalAvsc += avscOps;
  console.log(
    `  ${name.padEnd(48)}  ${String(verdict).padEnd(8)}  ${fmt(parsed).padStart(15)}  ${fmt(fromJson).padStart(13)}  ${fmt(avscOps).padStart(13)}  ${(parsed / avscOps).toFixed(2).padStart(6)}x`,
  );
}
const n = evolutionPairs().length;
console.log(`  mean: charter ${fmt(totalCharter / n)}/s pre-parsed, avsc ${fmt(totalAvsc / n)}/s\n`);

// The repository's own contracts, when idl/ has any: each event's schema against itself.
const root = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
let repoFiles = [];
try {
  repoFiles = readdirSync(join(root, 'idl'), { recursive: true }).filter((f) => String(f).endsWith('.avdl'));
} catch {
  repoFiles = [];
}
if (repoFiles.length > 0) {
  const { compileIdlFile } = await import('@charter/idl');
  const mains = repoFiles
    .map((f) => compileIdlFile(join(root, 'idl', String(f))).mainSchema)
    .filter((s) => s !== undefined);
  if (mains.length > 0) {
    const ops = measure(() => {
      for (const s of mains) checkSchemas(s, s);
    });
    console.log(
      `repo contracts (idl/, ${mains.length} event schemas, each against itself): ${fmt(ops * mains.length)} pair checks/s\n`,
    );
  }
}

console.log(
  'transitive level check of a candidate against 100 versions (each version adds a defaulted field):',
);
const { versions, candidate } = orderHistory(100);
const parsedVersions = versions.map((v, i) => toSchema(v, `v${i}`));
const parsedCandidate = toSchema(candidate, 'candidate');
for (const level of ['BACKWARD_TRANSITIVE', 'FULL_TRANSITIVE']) {
  const result = checkLevel(level, parsedVersions, parsedCandidate);
  const ops = measure(() => checkLevel(level, parsedVersions, parsedCandidate));
  const fromJson = measure(() => checkLevel(level, versions, candidate));
  console.log(
    `  ${level.padEnd(20)} compatible=${result.compatible}  ${(1000 / ops).toFixed(3)} ms per check pre-parsed (${fmt(ops)}/s), ${(1000 / fromJson).toFixed(2)} ms with parsing 101 schemas`,
  );
}
const breaking = toSchema(
  {
    ...candidate,
    fields: candidate.fields.map((f) => (f.name === 'extra0' ? { name: 'extra0', type: 'string' } : f)),
  },
  'breaking',
);
const failing = checkLevel('BACKWARD_TRANSITIVE', parsedVersions, breaking, { exhaustive: true });
const exhaustive = measure(() =>
  checkLevel('BACKWARD_TRANSITIVE', parsedVersions, breaking, { exhaustive: true }),
);
console.log(
  `  BACKWARD_TRANSITIVE, breaking, every version (report mode): ${failing.checks.filter((c) => !c.result.compatible).length} failing versions, ${(1000 / exhaustive).toFixed(3)} ms per check`,
);
