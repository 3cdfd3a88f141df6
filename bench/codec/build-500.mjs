#!/usr/bin/env node
// Build-time benchmark: `charter build` (IDL → schemas → 500 event packages with src, schema, README and
// dist) on a synthetic project of 500 events that import 50 files of shared types. Cold = no generated/,
// warm = nothing changed (what a turbo cache miss on an unrelated input costs), one = one contract edited.
// Whole processes, as `pnpm build` runs them:
//   pnpm --filter @charter/cli... build && node bench/codec/build-500.mjs [--events N] [--runs N]
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const EVENTS = arg('--events', 500);
const RUNS = arg('--runs', 3);
const SHARED = Math.max(1, Math.round(EVENTS / 10));
const CLI = fileURLToPath(new URL('../../packages/cli/dist/bin.js', import.meta.url));

function sharedFile(i) {
  return `namespace com.bench.shared${i};

/** Status ${i}. */
enum Status${i} { NEW, ACTIVE, SUSPENDED, CLOSED } = NEW;

/** An address (${i}). */
record Address${i} {
  string line1;
  string? line2 = null;
  string town;
  string postcode;
  string countryCode;
}

/** A line (${i}). */
record Line${i} {
  string sku;
  int quantity;
  decimal(10, 2) price;
  map<string> options = {};
}
`;
}

function eventFile(i) {
  const a = i % SHARED;
  const b = (i * 7 + 3) % SHARED;
  return `namespace com.bench.events${Math.floor(i / 50)};
schema Event${i};

import idl "../shared/shared-${a}.avdl";
import idl "../shared/shared-${b}.avdl";

/** Synthetic event ${i}. */
record Event${i} {
  uuid id;
  timestamp_ms at;
  string name;
  int count;
  long total;
  decimal(12, 2) amount;
  com.bench.shared${a}.Status${a} status = "NEW";
  com.bench.shared${a}.Address${a} address;
  array<com.bench.shared${b}.Line${b}> lines;
  map<string> labels = {};
  string? note = null;
  union { null, com.bench.shared${a}.Address${a}, com.bench.shared${b}.Line${b}, string } extra = null;
}
`;
}

function makeProject() {
  const root = mkdtempSync(join(tmpdir(), 'charter-build-500-'));
  writeFileSync(join(root, 'charter.yaml'), "scope: '@bench-events'\n");
  mkdirSync(join(root, 'idl', 'shared'), { recursive: true });
  mkdirSync(join(root, 'idl', 'events'), { recursive: true });
  for (let i = 0; i < SHARED; i++)
    writeFileSync(join(root, 'idl', 'shared', `shared-${i}.avdl`), sharedFile(i));
  for (let i = 0; i < EVENTS; i++)
    writeFileSync(join(root, 'idl', 'events', `event-${i}.avdl`), eventFile(i));
  return root;
}

function build(root, ...args) {
  const start = performance.now();
  const run = spawnSync(process.execPath, [CLI, 'build', ...args], { cwd: root, encoding: 'utf8' });
  const ms = performance.now() - start;
  if (run.status !== 0) throw new Error(`charter build failed:\n${run.stderr}`);
  return { ms, out: run.stdout.trim().split('\n')[0] };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results = { cold: [], warm: [], check: [], one: [] };
let sample = '';
for (let r = 0; r < RUNS; r++) {
  const root = makeProject();
  try {
    const cold = build(root);
    sample = cold.out;
    results.cold.push(cold.ms);
    results.warm.push(build(root).ms);
    results.check.push(build(root, '--check').ms);
    appendFileSync(
      join(root, 'idl', 'events', 'event-0.avdl'),
      '\n/** Edited. */\nrecord Extra0 { string x; }\n',
    );
    results.one.push(build(root).ms);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
const noop = spawnSync(process.execPath, ['-e', '0']);
void noop;
console.log(
  `node ${process.version}, ${EVENTS} events + ${SHARED} shared-type files, ${RUNS} run(s), whole process`,
);
console.log(`first cold build: ${sample}`);
for (const [name, label] of [
  ['cold', 'cold (no generated/)'],
  ['warm', 'warm (nothing changed)'],
  ['check', 'warm --check (CI: compare only)'],
  ['one', 'one contract edited'],
]) {
  const xs = results[name];
  console.log(
    `${label.padEnd(34)} median ${(median(xs) / 1000).toFixed(2)} s  (min ${(Math.min(...xs) / 1000).toFixed(2)}, max ${(Math.max(...xs) / 1000).toFixed(2)})`,
  );
}
