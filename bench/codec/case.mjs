// One benchmark case in its own process: prints one JSON line with the ops/s of each sample.
//   node bench/codec/case.mjs <case>     (cases: node bench/codec/case.mjs --list)
import { decodeWith, defineContract, readSchemaId, Serde } from '@charter/serde';
import avsc from 'avsc';
import { avscValue, charterValue, charterValueUtf8, jsonValue, schema, schemaText } from './event.mjs';

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 5);
const SAMPLE_MS = Number(process.env.BENCH_SAMPLE_MS ?? 1000);
const WARMUP_MS = Number(process.env.BENCH_WARMUP_MS ?? 1000);

const contract = defineContract({
  name: 'OrderPlaced',
  fullName: 'com.example.orders.OrderPlaced',
  schema: schemaText,
  package: '@bench/order-placed',
  topic: 'orders',
  role: 'value',
  subjectStrategy: 'TopicNameStrategy',
  subject: 'orders-value',
  compatibility: 'BACKWARD',
  fingerprints: { crc64: '', md5: '', sha256: '' },
  longs: 'number',
});
const value = charterValue();
const bytes = contract.encode(value);
const utf8Value = charterValueUtf8();
const utf8Bytes = contract.encode(utf8Value);
const type = avsc.Type.forSchema(schema);
const raw = avscValue();
const json = jsonValue();
const jsonText = JSON.stringify(json);
const jsonBuffer = Buffer.from(jsonText);

/** An in-process registry: answers the one look-up each cache needs, no network. */
const registry = {
  lookupSchema: async () => ({ id: 7 }),
  register: async () => ({ id: 7 }),
  getSchemaById: async () => ({ schema: schemaText }),
};
const serde = new Serde({ registry });
const framed = contract.codec.encodeFramed(7, value);
const decoders = new Map([[7, contract.resolver(schemaText)]]);

const CASES = {
  'charter.encode': () => contract.encode(value),
  'charter.decode': () => contract.decode(bytes),
  'avsc.toBuffer': () => type.toBuffer(raw),
  'avsc.fromBuffer': () => type.fromBuffer(bytes),
  'json.stringify': () => JSON.stringify(json),
  'json.parse': () => JSON.parse(jsonText),
  'json.toBuffer': () => Buffer.from(JSON.stringify(json)),
  'json.fromBuffer': () => JSON.parse(jsonBuffer.toString()),
  'charter.encode.utf8': () => contract.encode(utf8Value),
  'charter.decode.utf8': () => contract.decode(utf8Bytes),
  'charter.encodeFramed': () => contract.codec.encodeFramed(7, value),
  'charter.decodeFramed': () => decodeWith(decoders.get(readSchemaId(framed)), framed, 5),
  'serde.serialize': async () => serde.serialize(contract, value),
  'serde.deserialize': async () => serde.deserialize(contract, framed),
  'serde.serializeSync': () => serde.serializeSync(contract, value),
  'serde.deserializeSync': () => serde.deserializeSync(contract, framed),
};

const SIZES = {
  charter: bytes.length,
  avsc: bytes.length,
  json: jsonBuffer.length,
  framed: framed.length,
};

const name = process.argv[2];
if (!name || name === '--list') {
  console.log(Object.keys(CASES).join('\n'));
  process.exit(0);
}
const fn = CASES[name];
if (!fn) throw new Error(`unknown case ${name}`);
const isAsync = name === 'serde.serialize' || name === 'serde.deserialize';

/** Ops per wall second and per CPU second of this process (less sensitive to a busy machine). */
async function runFor(ms, batch) {
  let ops = 0;
  const start = performance.now();
  const cpu = process.cpuUsage();
  let now = start;
  while (now - start < ms) {
    if (isAsync) for (let i = 0; i < batch; i++) await fn();
    else for (let i = 0; i < batch; i++) fn();
    ops += batch;
    now = performance.now();
  }
  const used = process.cpuUsage(cpu);
  return { wall: (ops * 1000) / (now - start), cpu: (ops * 1e6) / (used.user + used.system) };
}

await serde.schemaId(contract);
await serde.deserialize(contract, framed);
// Calibrate a batch of about 10 ms, then warm up and sample.
let batch = 100;
for (;;) {
  const t = performance.now();
  if (isAsync) for (let i = 0; i < batch; i++) await fn();
  else for (let i = 0; i < batch; i++) fn();
  if (performance.now() - t > 10) break;
  batch *= 2;
}
await runFor(WARMUP_MS, batch);
const samples = [];
const cpuSamples = [];
for (let i = 0; i < SAMPLES; i++) {
  const { wall, cpu } = await runFor(SAMPLE_MS, batch);
  samples.push(wall);
  cpuSamples.push(cpu);
}
const size = name.startsWith('json')
  ? SIZES.json
  : name.endsWith('.utf8')
    ? utf8Bytes.length
    : name.includes('ramed') || name.startsWith('serde')
      ? SIZES.framed
      : SIZES.charter;
console.log(JSON.stringify({ case: name, bytes: size, samples, cpuSamples }));
