// IDL compile benchmark: charter's compiler against avsc's assembleProtocol and Apache Avro's Java IDL
// compiler (Debian's 1.8.2, through ../shared/bench-peers/IdlBench.java), on the same generated files,
// in the same run: in-process warm times, whole-process times, and growth over 50/100/200/500 records.
//   node bench/idl/run.mjs [--runs N] [--no-avsc] [--no-java] [--json OUT]
// Needs the built packages (pnpm --filter @charter/cli... build). Java is optional (skipped when absent).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateIdl } from './generate.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const peers = resolve(root, '../shared/bench-peers');
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const RUNS = Number(option('--runs', '7'));
const SIZES = [50, 100, 200, 500];

const { compileIdl } = await import(join(root, 'packages/idl/dist/index.js'));
const { stringifyJsonPretty } = await import(join(root, 'packages/schema/dist/index.js'));
const avsc = flag('--no-avsc') ? undefined : (await import('avsc')).default;
const bin = join(root, 'packages/cli/dist/bin.js');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (x) => (x === undefined ? '-' : x >= 100 ? x.toFixed(0) : x.toFixed(1));

const work = mkdtempSync(join(tmpdir(), 'charter-idl-bench-'));
const files = {};
for (const n of SIZES) {
  files[n] = join(work, `syn-${n}.avdl`);
  writeFileSync(files[n], generateIdl(n, 10));
}

/** Median wall time (ms) of a command, after one warm-up run; the minimum is kept in `mins`. */
const mins = {};
function processTime(cmd, argv, runs = RUNS) {
  const times = [];
  for (let i = 0; i <= runs; i++) {
    const t = process.hrtime.bigint();
    const r = spawnSync(cmd, argv, { stdio: ['ignore', 'ignore', 'pipe'] });
    const elapsed = Number(process.hrtime.bigint() - t) / 1e6;
    if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} failed: ${r.stderr}`);
    if (i > 0) times.push(elapsed);
  }
  mins[`${cmd} ${argv.join(' ')}`] = Math.min(...times);
  return median(times);
}
const minOf = (cmd, argv) => mins[`${cmd} ${argv.join(' ')}`];

/** Median in-process time (ms) of `fn` after `warmup` untimed calls. */
function warmTime(fn, iterations, warmup) {
  for (let i = 0; i < warmup; i++) fn();
  const times = [];
  for (let i = 0; i < iterations; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

async function avscWarm(file, iterations) {
  const assemble = () =>
    new Promise((ok, fail) => avsc.assembleProtocol(file, (e, p) => (e ? fail(e) : ok(p))));
  await assemble();
  const times = [];
  for (let i = 0; i < iterations; i++) {
    const t = performance.now();
    await assemble();
    times.push(performance.now() - t);
  }
  return median(times);
}

const results = {
  machine: { node: process.version, cpus: (await import('node:os')).cpus().length },
  sizes: {},
};

// charter: in-process (compile only, and compile + pretty JSON text) and whole process.
for (const n of SIZES) {
  const text = readFileSync(files[n], 'utf8');
  const check = compileIdl(text, files[n]);
  if (check.json === undefined)
    throw new Error(`charter failed on ${files[n]}: ${check.diagnostics[0]?.message}`);
  const r = { records: n, fields: n * 10, bytes: text.length, types: check.types.size };
  results.sizes[n] = r;
  r.charterWarm = warmTime(() => compileIdl(text, files[n]), n >= 200 ? 30 : 60, 20);
  r.charterWarmWithText = warmTime(
    () => stringifyJsonPretty(compileIdl(text, files[n]).json),
    n >= 200 ? 30 : 60,
    10,
  );
  const argv = [bin, 'idl', files[n], '-o', join(work, `charter-${n}.avpr`)];
  r.charterProcess = processTime(process.execPath, argv);
  r.charterProcessMin = minOf(process.execPath, argv);
}
results.nodeFloor = processTime(process.execPath, ['-e', '0']);
results.nodeFloorMin = minOf(process.execPath, ['-e', '0']);

if (avsc) {
  const script = join(work, 'avsc-idl.cjs');
  writeFileSync(
    script,
    `const avsc = require(${JSON.stringify(join(root, 'bench/node_modules/avsc'))});
avsc.assembleProtocol(process.argv[2], (e, p) => { if (e) { console.error(e); process.exit(1); }
  require('fs').writeFileSync(process.argv[3], JSON.stringify(p, null, 2)); });\n`,
  );
  for (const n of SIZES) {
    const r = results.sizes[n];
    r.avscWarm = await avscWarm(files[n], n >= 500 ? 3 : n >= 200 ? 5 : 10);
    r.avscProcess = processTime(
      process.execPath,
      [script, files[n], join(work, `avsc-${n}.avpr`)],
      n >= 500 ? 1 : 3,
    );
  }
}

const javaCp = () => {
  if (!existsSync(join(peers, 'avro-java-cp.sh')) || !existsSync('/usr/share/java/avro-compiler.jar'))
    return undefined;
  try {
    execFileSync('javac', ['-version'], { stdio: 'ignore' });
  } catch {
    return undefined;
  }
  const classes = join(work, 'classes');
  mkdirSync(classes);
  const cp = execFileSync('sh', [join(peers, 'avro-java-cp.sh')], { encoding: 'utf8' }).trim();
  execFileSync('javac', ['-nowarn', '-d', classes, '-cp', cp, join(peers, 'IdlBench.java')], {
    stdio: 'ignore',
  });
  return `${cp}${classes}`;
};
const cp = flag('--no-java') ? undefined : javaCp();
if (cp) {
  results.javaFloor = processTime('java', ['-cp', cp, 'IdlBench', '--noop'], 3);
  for (const n of SIZES) {
    const r = results.sizes[n];
    const out = join(work, `java-${n}.avpr`);
    r.javaProcess = processTime('java', ['-cp', cp, 'IdlBench', files[n], out], 3);
    const steady = JSON.parse(
      execFileSync('java', ['-cp', cp, 'IdlBench', files[n], out, n >= 200 ? '40' : '60'], {
        encoding: 'utf8',
      }),
    );
    r.javaWarm = steady.steadyMedianMs;
    // Same named types as Avro Java (1.8.2 writes "namespace": null; compare the type names only).
    const names = (p) => p.types.map((t) => t.name).join(',');
    const ours = JSON.parse(readFileSync(join(work, `charter-${n}.avpr`), 'utf8'));
    if (names(JSON.parse(readFileSync(out, 'utf8'))) !== names(ours))
      throw new Error(`types differ from Java at ${n}`);
  }
}

const rows = [
  ['records / fields', ...SIZES.map((n) => `${n} / ${n * 10}`)],
  ['charter warm (ms)', ...SIZES.map((n) => ms(results.sizes[n].charterWarm))],
  ['charter warm + JSON text (ms)', ...SIZES.map((n) => ms(results.sizes[n].charterWarmWithText))],
  ['avsc assembleProtocol warm (ms)', ...SIZES.map((n) => ms(results.sizes[n].avscWarm))],
  ['Avro Java 1.8.2 warm (ms)', ...SIZES.map((n) => ms(results.sizes[n].javaWarm))],
  ['charter idl process (ms)', ...SIZES.map((n) => ms(results.sizes[n].charterProcess))],
  ['charter idl process, fastest run (ms)', ...SIZES.map((n) => ms(results.sizes[n].charterProcessMin))],
  ['avsc process (ms)', ...SIZES.map((n) => ms(results.sizes[n].avscProcess))],
  ['Avro Java 1.8.2 process (ms)', ...SIZES.map((n) => ms(results.sizes[n].javaProcess))],
];
const width = rows
  .map((r) => r.map((c) => String(c).length))
  .reduce((a, b) => a.map((x, i) => Math.max(x, b[i])));
for (const r of rows)
  console.log(
    r.map((c, i) => (i === 0 ? String(c).padEnd(width[i]) : String(c).padStart(width[i]))).join('  '),
  );
console.log(
  `floors: node -e 0 ${ms(results.nodeFloor)} ms (fastest ${ms(results.nodeFloorMin)})${results.javaFloor ? `, java --noop ${ms(results.javaFloor)} ms` : ''}`,
);
const big = results.sizes[500];
const ratio = (a, b) => (a && b ? `${(a / b).toFixed(1)}x` : '-');
console.log(
  `500 records: charter warm is ${ratio(big.javaWarm, big.charterWarm)} faster than Java warm, ${ratio(big.avscWarm, big.charterWarm)} faster than avsc warm; ` +
    `the charter process is ${ratio(big.javaProcess, big.charterProcess)} faster than Java's, ${ratio(big.avscProcess, big.charterProcess)} faster than avsc's`,
);
console.log(
  `growth 50 -> 500 records (10x input): charter warm ${ratio(big.charterWarm, results.sizes[50].charterWarm)}, avsc warm ${ratio(big.avscWarm, results.sizes[50].avscWarm)}`,
);
const jsonOut = option('--json', undefined);
if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify(results, null, 2)}\n`);
rmSync(work, { recursive: true, force: true });
