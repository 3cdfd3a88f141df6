import { afterEach, describe, expect, it } from 'vitest';
import { BACKENDS, backendTitle } from './support/backends.js';
import { text } from './support/dlt-headers.js';
import { DLT, World } from './support/world.js';

let world: World | undefined;
afterEach(async () => {
  await world?.dispose();
  world = undefined;
});

describe.each(BACKENDS)('failed dead-letter sends on $name', (backend) => {
  const title = backendTitle(backend);

  it.skipIf(backend.skip)(
    `${title}: a failing DLT send is retried with back-off, never skipped`,
    async () => {
      world = await World.create(backend, { kit: { deadLetter: { sendBackoffMs: [100, 400] } } });
      world.produce({ orderId: 'o1', amount: 1 });
      world.produce(null, { value: 'poison' });
      world.produce({ orderId: 'o3', amount: 3 });
      world.kafka.faults.failSends({ topic: DLT, times: 3, error: 'NOT_ENOUGH_REPLICAS' });
      await world.start();
      await world.drain();
      expect(world.kafka.sends.filter((s) => s.topic === DLT).map((s) => s.ok)).toEqual([
        false,
        false,
        false,
        true,
      ]);
      expect(world.kafka.clock.sleeps).toEqual([100, 400, 400]);
      expect(world.deadLetters()).toHaveLength(1);
      expect((await world.effects()).map((e) => e.orderId)).toEqual(['o1', 'o3']);
      expect(world.committed()).toBe('3');
    },
  );

  it.skipIf(backend.skip)(
    `${title}: while the DLT is down the offset is not committed and nothing is recorded; a restart resumes`,
    async () => {
      world = await World.create(backend, { kit: { deadLetter: { sendBackoffMs: [1_000] } } });
      world.produce({ orderId: 'o0', amount: 0 });
      world.produce({ orderId: 'o1', amount: 1 });
      const poison = world.produce(null, { value: 'poison' });
      world.produce({ orderId: 'o3', amount: 3 });
      world.kafka.faults.failSends({
        topic: DLT,
        times: Number.POSITIVE_INFINITY,
        error: 'UNKNOWN_TOPIC_OR_PARTITION',
      });
      world.hooks.onEvent = (event, member) => {
        if (event.type === 'dead-letter-send-failed' && event.attempt === 5) void member.consumer.stop();
      };
      const m = await world.start();
      await m.consumer.poll();
      expect(world.kafka.sends.filter((s) => s.topic === DLT && !s.ok)).toHaveLength(5);
      // Everything before the poison record is durable and committed; the poison record and after are not.
      expect(world.committed()).toBe(poison.offset);
      expect(await world.nextOffset()).toBe(poison.offset);
      expect((await world.ledger()).map((r) => r.outcome)).toEqual(['applied', 'applied']);
      await world.close(m);
      world.kafka.faults.clear();
      world.hooks.onEvent = undefined;
      await world.start();
      await world.drain();
      const [dl] = world.deadLetters();
      expect(text(dl!, 'charter_dlt-reason')).toBe('decode-failure');
      expect((await world.effects()).map((e) => e.orderId)).toEqual(['o0', 'o1', 'o3']);
      expect(world.committed()).toBe('4');
    },
  );

  it.skipIf(backend.skip)(
    `${title}: an ambiguous send (written, then an error) leaves duplicate DLT copies with one ce_id and one ledger row`,
    async () => {
      world = await World.create(backend, { chunkSize: 1 });
      world.hooks.onHandle = (event) => {
        if (event.orderId === 'bad') throw new Error('nope');
      };
      const bad = world.produce({ orderId: 'bad', amount: 1 });
      world.kafka.faults.failSends({ topic: DLT, ambiguous: true, error: 'REQUEST_TIMED_OUT' });
      await world.start();
      await world.drain();
      const copies = world.deadLetters();
      expect(copies.map((c) => text(c, 'ce_id'))).toEqual([bad.id, bad.id]);
      const ledger = await world.ledger();
      expect(ledger).toHaveLength(1);
      expect(ledger[0]).toMatchObject({ id: bad.id, outcome: 'dead_lettered', reason: 'poison' });
    },
  );
});
