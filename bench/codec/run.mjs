#!/usr/bin/env node
// Codec benchmark: charter's generated-contract codec against avsc's Type and JSON on the same event, in
// the same run. Every case runs in its own process, in interleaved rounds; medians over all samples.
//   pnpm --filter @charter/serde build && node bench/codec/run.mjs [--quick] [--rounds N]
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { AvroCodec } from '@charter/serde';
import avsc from 'avsc';
import { avscValue, charterValue, charterValueUtf8, schema } from './event.mjs';

const quick = process.argv.includes('--quick');
const roundsArg = process.argv.indexOf('--rounds');
const rounds = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : quick ? 1 : 3;
const env = quick ? { BENCH_SAMPLES: '3', BENCH_SAMPLE_MS: '300', BENCH_WARMUP_MS: '300' } : {};
const caseScript = fileURLToPath(new URL('./case.mjs', import.meta.url));

// Correctness first: the bytes are Avro's, and decoding gives the value back (ASCII and non-ASCII text).
const codec = new AvroCodec(schema);
const avscType = avsc.Type.forSchema(schema);
for (const [label, value] of [
  ['event', charterValue()],
  ['non-ASCII event', charterValueUtf8()],
]) {
  const ours = codec.encode(value);
  if (!ours.equals(avscType.toBuffer(avscValue(value))))
    throw new Error(`charter and avsc disagree on the bytes of the ${label}`);
  if (JSON.stringify(codec.decode(ours)) !== JSON.stringify(value))
    throw new Error(`${label}: round trip failed`);
}

const cases = spawnSync(process.execPath, [caseScript, '--list'], { encoding: 'utf8' })
  .stdout.trim()
  .split('\n');
const results = new Map(cases.map((c) => [c, { bytes: 0, samples: [], cpuSamples: [] }]));
for (let round = 1; round <= rounds; round++) {
  for (const name of cases) {
    const run = spawnSync(process.execPath, [caseScript, name], {
      encoding: 'utf8',
      env: { ...process.env, ...env },
    });
    if (run.status !== 0) throw new Error(`${name} failed:\n${run.stderr}`);
    const line = JSON.parse(run.stdout.trim().split('\n').at(-1));
    const r = results.get(name);
    r.bytes = line.bytes;
    r.samples.push(...line.samples);
    r.cpuSamples.push(...line.cpuSamples);
  }
  process.stderr.write(`round ${round}/${rounds} done\n`);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const m = (name) => median(results.get(name).samples);
const mc = (name) => median(results.get(name).cpuSamples);
const k = (n) => `${(n / 1000).toFixed(1)} k`;

console.log(
  `node ${process.version}, ${rounds} round(s) × ${cases.length} cases, one process each; ops/s medians\n`,
);
console.log('case                     bytes   ops/s median   min–max               ns/op   ops/CPU-s');
for (const name of cases) {
  const r = results.get(name);
  const med = median(r.samples);
  const range = `${k(Math.min(...r.samples))}–${k(Math.max(...r.samples))}`;
  console.log(
    `${name.padEnd(24)} ${String(r.bytes).padStart(5)}   ${k(med).padStart(12)}   ${range.padEnd(20)}  ${Math.round(
      1e9 / med,
    )
      .toString()
      .padStart(6)}   ${k(median(r.cpuSamples)).padStart(9)}`,
  );
}
const ratio = (a, b) => `${(m(a) / m(b)).toFixed(2)}x (CPU ${(mc(a) / mc(b)).toFixed(2)}x)`;
const slower = (a, b) => `${(m(a) / m(b)).toFixed(2)}x the time (CPU ${(mc(a) / mc(b)).toFixed(2)}x)`;
const overhead = (framed, bare) =>
  `${(((m(bare) - m(framed)) / m(bare)) * 100).toFixed(1)}% (CPU ${(((mc(bare) - mc(framed)) / mc(bare)) * 100).toFixed(1)}%)`;
console.log(`
encode: charter ${ratio('charter.encode', 'avsc.toBuffer')} avsc toBuffer, ${ratio('charter.encode', 'json.stringify')} JSON.stringify, ${ratio('charter.encode', 'json.toBuffer')} Buffer.from(JSON.stringify)
decode: charter ${ratio('charter.decode', 'avsc.fromBuffer')} avsc fromBuffer, ${ratio('charter.decode', 'json.parse')} JSON.parse, ${ratio('charter.decode', 'json.fromBuffer')} JSON.parse(buf.toString())
non-ASCII text (same event, ${results.get('charter.encode.utf8').bytes} B): encode takes ${slower('charter.encode', 'charter.encode.utf8')}, decode ${slower('charter.decode', 'charter.decode.utf8')} of the ASCII event's
framing overhead (slower than bare encode/decode; negative = faster):
  encodeFramed (sync, header written in place)   ${overhead('charter.encodeFramed', 'charter.encode')}
  serde.serializeSync (id cached)                ${overhead('serde.serializeSync', 'charter.encode')}
  serde.serialize (await, id cached)             ${overhead('serde.serialize', 'charter.encode')}
  decode after readSchemaId (sync, resolver)     ${overhead('charter.decodeFramed', 'charter.decode')}
  serde.deserializeSync (resolver cached)        ${overhead('serde.deserializeSync', 'charter.decode')}
  serde.deserialize (await, resolver cached)     ${overhead('serde.deserialize', 'charter.decode')}`);
