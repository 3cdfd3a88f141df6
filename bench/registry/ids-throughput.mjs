// Cached GET /schemas/ids/{id}: the embedded registry against a bare node:http server answering the same
// body, measured in the same run with autocannon (rounds interleaved). Goal: ours >= 0.7 x bare.
//   node bench/registry/ids-throughput.mjs [--duration 10] [--rounds 3] [--connections 50]
// Needs built packages: pnpm --filter @charter/registry-server... build
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fmt, freshDir, run, startServer, summary } from './common.mjs';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '50' },
  },
});
const duration = Number(values.duration);
const rounds = Number(values.rounds);
const connections = Number(values.connections);

/** A record whose registry body is about 1 KB, like the peer baseline. */
function schema(i) {
  const fields = Array.from({ length: 12 }, (_, f) => ({
    name: `field_${f}_${i}`,
    type: ['null', 'string'],
    default: null,
  }));
  return JSON.stringify({ type: 'record', name: `Event${i}`, namespace: 'bench.registry', fields });
}

const dir = freshDir('ids');
const ours = await startServer('ours', join(dir, 'data'));
const bodies = {};
for (let i = 1; i <= 100; i++) {
  const res = await fetch(`${ours.url}/subjects/bench-${i}/versions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/vnd.schemaregistry.v1+json' },
    body: JSON.stringify({ schema: schema(i) }),
  });
  const { id } = await res.json();
  bodies[id] = await (await fetch(`${ours.url}/schemas/ids/${id}`)).text();
}
writeFileSync(join(dir, 'bodies.json'), JSON.stringify(bodies));
const bare = await startServer('bare', join(dir, 'bodies.json'));
const path = '/schemas/ids/7';
const size = Buffer.byteLength(bodies[7]);
const same = (await (await fetch(bare.url + path)).text()) === (await (await fetch(ours.url + path)).text());
if (!same) throw new Error('the two servers answer different bodies');

const results = { bare: [], ours: [] };
for (let round = 0; round < rounds; round++) {
  for (const [name, server] of [
    ['bare', bare],
    ['ours', ours],
  ]) {
    const cpuBefore = server.cpu();
    const result = await run({ url: server.url + path, connections, duration, pipelining: 1 });
    result.cpu = server.cpu() - cpuBefore;
    results[name].push(result);
  }
}
await ours.stop();
await bare.stop();

const b = summary(results.bare);
const o = summary(results.ours);
console.log(
  `GET ${path} (${size}-byte body), ${connections} connections, ${rounds} x ${duration}s rounds interleaved`,
);
console.log('server        req/s median   min-max            req/server-CPU-s  p50 ms  p99 ms  errors');
for (const [name, s] of [
  ['bare node:http', b],
  ['charter', o],
]) {
  console.log(
    `${name.padEnd(14)}${fmt(s.rps).padStart(12)}   ${`${fmt(s.min)}-${fmt(s.max)}`.padEnd(17)}${fmt(s.perCpu).padStart(16)}${String(s.p50).padStart(8)}${String(s.p99).padStart(8)}  ${s.errors}`,
  );
}
console.log(`ratio charter / bare, req/s: ${(o.rps / b.rps).toFixed(2)} (goal >= 0.70)`);
console.log(`ratio charter / bare, requests per server CPU second: ${(o.perCpu / b.perCpu).toFixed(2)}`);
