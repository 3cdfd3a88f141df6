// Registrations per second with every record fsynced before the answer: new schemas (each request a
// distinct record) POSTed to /subjects/{s}/versions, one connection (one sync per request) and many
// (group commit: one sync per batch). p50 and p99 latencies from autocannon.
//   node bench/registry/register-throughput.mjs [--duration 10] [--connections 1,50]
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fmt, freshDir, run, startServer, summary } from './common.mjs';

const { values } = parseArgs({
  options: { duration: { type: 'string', default: '10' }, connections: { type: 'string', default: '1,50' } },
});
const duration = Number(values.duration);

console.log(`POST /subjects/{s}/versions with a new schema per request, fsync per record, ${duration}s each`);
console.log('connections  registrations/s  p50 ms  p99 ms  errors  ids assigned');
for (const connections of values.connections.split(',').map(Number)) {
  const dir = freshDir(`register-${connections}`);
  const server = await startServer('ours', join(dir, 'data'));
  await fetch(`${server.url}/config`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: '{"compatibility":"NONE"}',
  });
  let n = 0;
  const result = await run({
    url: server.url,
    connections,
    duration,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => {
          n++;
          const schema = JSON.stringify({
            type: 'record',
            name: `R${n}`,
            namespace: 'bench.register',
            fields: [
              { name: 'id', type: 'string' },
              { name: `f${n}`, type: 'long', default: 0 },
            ],
          });
          return {
            ...req,
            path: `/subjects/bench-${n % 16}/versions`,
            headers: { 'Content-Type': 'application/vnd.schemaregistry.v1+json' },
            body: JSON.stringify({ schema }),
          };
        },
      },
    ],
  });
  const maxId = (await (await fetch(`${server.url}/schemas/ids/1?fetchMaxId=true`)).json()).maxId;
  await server.stop();
  const s = summary([result]);
  console.log(
    `${String(connections).padStart(11)}  ${fmt(s.rps).padStart(15)}  ${String(s.p50).padStart(6)}  ${String(s.p99).padStart(6)}  ${String(s.errors).padStart(6)}  ${maxId}`,
  );
}
