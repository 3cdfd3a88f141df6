// Events per second through the consumer kit's dedup gate on PGlite (and optionally a real PostgreSQL),
// against the reference's raw baseline (one transaction per event, 3 statements) measured in the same run.
//
//   node bench/consumer/dedup.mjs [--events N] [--runs R] [--postgres]
//
// Runs against the built dist (`pnpm --filter @charter/consumer build`).
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createConsumerKit, openPgliteStore, openPostgresStore, ScriptedKafka } from '@charter/consumer';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '5000' },
    runs: { type: 'string', default: '3' },
    postgres: { type: 'boolean', default: false },
  },
});
const N = Number(values.events);
const RUNS = Number(values.runs);

const EFFECT = `create table if not exists bench_effect (event_id text not null, order_id text not null, amount int not null)`;

function seed(kafka, topic, { duplicates = 0, conflicts = 0 } = {}) {
  kafka.createTopic(topic, 1);
  kafka.createTopic(`${topic}-dlt`, 1);
  const ids = [];
  for (let i = 0; i < N; i++) {
    let id = `${topic}-e${i}`;
    let order = `${topic}-o${i}`;
    if (i > 0 && duplicates && i % Math.round(1 / duplicates) === 0) id = ids[i - 1];
    else if (i > 0 && conflicts && i % Math.round(1 / conflicts) === 1) order = `${topic}-o${i - 1}`;
    ids.push(id);
    kafka.append(topic, 0, {
      key: order,
      value: JSON.stringify({ orderId: order, amount: i }),
      headers: { ce_id: id, ce_source: 'bench' },
    });
  }
}

async function runKit(store, label, chunkSize, mix) {
  const kafka = new ScriptedKafka();
  const topic = `t${Math.random().toString(36).slice(2, 8)}`;
  seed(kafka, topic, mix);
  const kit = createConsumerKit({
    groupId: `g-${topic}`,
    store,
    producer: kafka.producer(),
    decode: (m) => JSON.parse(m.value.toString()),
    businessKeys: (e) => [{ type: 'order', value: e.orderId }],
    handle: async (e, ctx) => {
      await ctx.tx.query('insert into bench_effect (event_id, order_id, amount) values ($1, $2, $3)', [
        ctx.eventId.id,
        e.orderId,
        e.amount,
      ]);
    },
    chunkSize,
    commitEvery: 1000,
  });
  const consumer = kafka.consumer({ groupId: `g-${topic}`, maxBatchSize: 500, heartbeatInterval: 3000 });
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await kit.run(consumer);
  const t0 = performance.now();
  while (await consumer.poll()) {}
  const seconds = (performance.now() - t0) / 1000;
  if (kafka.committed(`g-${topic}`, topic, 0) !== String(N))
    throw new Error(`${label}: did not reach the end`);
  return N / seconds;
}

async function runRaw(store) {
  const topic = `raw${Math.random().toString(36).slice(2, 8)}`;
  const t0 = performance.now();
  for (let i = 0; i < N; i++) {
    await store.transaction(async (tx) => {
      await tx.query(
        `insert into charter_processed_event (group_id, event_source, event_id, topic, partition, "offset", outcome)
         values ($1, 'bench', $2, $3, 0, $4, 'applied') on conflict do nothing returning 1`,
        [topic, `e${i}`, topic, i],
      );
      await tx.query('insert into bench_effect (event_id, order_id, amount) values ($1, $2, $3)', [
        `e${i}`,
        `o${i}`,
        i,
      ]);
      await tx.query(
        `insert into charter_consumer_offset (group_id, topic, partition, next_offset) values ($1, $1, 0, $2)
         on conflict (group_id, topic, partition) do update set next_offset = excluded.next_offset`,
        [topic, i + 1],
      );
    });
  }
  return N / ((performance.now() - t0) / 1000);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (x) => Math.round(x).toLocaleString('en-US').padStart(8);

async function suite(name, store) {
  await store.query(EFFECT);
  const variants = [
    ['raw: 1 tx/event, 3 statements (reference baseline)', () => runRaw(store)],
    ['kit: 1 tx/event (chunkSize 1)', () => runKit(store, 'c1', 1)],
    ['kit: chunked (chunkSize 100)', () => runKit(store, 'c100', 100)],
    [
      'kit: chunked, 2% dup ids + 1% key conflicts',
      () => runKit(store, 'mix', 100, { duplicates: 0.02, conflicts: 0.01 }),
    ],
  ];
  const results = [];
  for (const [label, run] of variants) {
    const rates = [];
    for (let r = 0; r < RUNS; r++) rates.push(await run());
    results.push([label, median(rates), Math.min(...rates), Math.max(...rates)]);
  }
  const base = results[0][1];
  console.log(`\n${name}: ${N} events per run, median of ${RUNS} runs (min-max), events/s`);
  for (const [label, med, lo, hi] of results) {
    console.log(
      `  ${label.padEnd(52)} ${fmt(med)}  (${fmt(lo).trim()}-${fmt(hi).trim()})  x${(med / base).toFixed(2)}`,
    );
  }
}

function freePort() {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function withPostgres(fn) {
  const bin = '/usr/lib/postgresql/15/bin';
  if (!existsSync(join(bin, 'pg_ctl'))) return console.log('\npostgres: skipped (no binaries)');
  const asPg = (cmd, args) =>
    userInfo().uid === 0
      ? spawnSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { encoding: 'utf8' })
      : spawnSync(cmd, args, { encoding: 'utf8' });
  const dir = mkdtempSync(join(tmpdir(), 'charter-bench-pg-'));
  chmodSync(dir, 0o777);
  const port = await freePort();
  asPg(join(bin, 'initdb'), ['-D', join(dir, 'data'), '-U', 'charter', '--auth=trust', '--no-instructions']);
  const started = asPg(join(bin, 'pg_ctl'), [
    '-D',
    join(dir, 'data'),
    '-l',
    join(dir, 'data', 'log'),
    '-o',
    `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir}`,
    '-w',
    'start',
  ]);
  if (started.status !== 0) return console.log(`\npostgres: skipped (${started.stderr.trim()})`);
  try {
    const store = await openPostgresStore({
      connectionString: `postgres://charter@127.0.0.1:${port}/postgres`,
    });
    try {
      await fn(store);
    } finally {
      await store.close();
    }
  } finally {
    asPg(join(bin, 'pg_ctl'), ['-D', join(dir, 'data'), '-m', 'immediate', 'stop']);
    rmSync(dir, { recursive: true, force: true });
  }
}

const dir = mkdtempSync(join(tmpdir(), 'charter-bench-consumer-'));
try {
  const store = await openPgliteStore({ dir: join(dir, 'store') });
  try {
    await suite('PGlite 0.5.16 (data directory on disk)', store);
  } finally {
    await store.close();
  }
  if (values.postgres)
    await withPostgres((store) => suite('PostgreSQL 15 via pg (fsync on, loopback)', store));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
