// A consumer process for the SIGKILL test: `vite-node sigkill-child.ts STORE_DIR BROKER_STATE N`.
// The scripted broker's log is rebuilt the same way in every process; its committed offset lives in
// BROKER_STATE (written when a commit is accepted), as a real broker outlives its consumers.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { createConsumerKit, openPgliteStore, ScriptedKafka } from '../../src/index.js';

const [dir, stateFile, count] = process.argv.slice(2) as [string, string, string];
const N = Number(count);
const kafka = new ScriptedKafka();
kafka.createTopic('orders', 1);
kafka.createTopic('orders-dlt', 1);
for (let i = 0; i < N; i++) {
  kafka.append('orders', 0, {
    key: `o${i}`,
    value: JSON.stringify({ orderId: `o${i}`, amount: i }),
    headers: { ce_id: `e${i}`, ce_source: 'shop' },
  });
}
if (existsSync(stateFile)) kafka.setCommitted('billing', 'orders', 0, readFileSync(stateFile, 'utf8').trim());

const store = await openPgliteStore({ dir });
await store.query(
  'create table if not exists effect (event_id text not null, order_id text not null, "offset" bigint not null)',
);
const kit = createConsumerKit<{ orderId: string }>({
  groupId: 'billing',
  store,
  producer: kafka.producer(),
  decode: (m) => JSON.parse(m.value!.toString()),
  handle: async (event, ctx) => {
    await ctx.tx.query('insert into effect (event_id, order_id, "offset") values ($1, $2, $3::bigint)', [
      ctx.eventId.id,
      event.orderId,
      ctx.message.offset,
    ]);
    await sleep(1);
  },
  chunkSize: 7,
  commitEvery: 20,
  observer: (e) => {
    if (e.type === 'applied') process.stdout.write(`A ${e.offset}\n`);
  },
});
const consumer = kafka.consumer({ groupId: 'billing', maxBatchSize: 50 });
consumer.on('consumer.commit_offsets', () => {
  const committed = kafka.committed('billing', 'orders', 0);
  if (committed === undefined) return;
  writeFileSync(`${stateFile}.tmp`, committed);
  renameSync(`${stateFile}.tmp`, stateFile);
});
await consumer.subscribe({ topics: ['orders'], fromBeginning: true });
await kit.run(consumer);
while (await consumer.poll()) {}
await store.close();
process.stdout.write('DONE\n');
