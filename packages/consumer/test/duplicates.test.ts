import { afterEach, describe, expect, it } from 'vitest';
import { BACKENDS, backendTitle } from './support/backends.js';
import { raw, text } from './support/dlt-headers.js';
import { DLT, GROUP, TOPIC, World } from './support/world.js';

let world: World | undefined;
afterEach(async () => {
  await world?.dispose();
  world = undefined;
});

describe.each(BACKENDS)('dedup on $name', (backend) => {
  const title = backendTitle(backend);

  for (const chunkSize of [1, 100]) {
    it.skipIf(backend.skip)(
      `${title}: the same event twice is applied once (chunkSize ${chunkSize})`,
      async () => {
        world = await World.create(backend, { chunkSize });
        const first = world.produce({ orderId: 'o1', amount: 10 });
        world.produce({ orderId: 'o2', amount: 20 });
        // A producer retry: the same ce_id at a later offset, in the same batch and in a later one.
        world.produce({ orderId: 'o1', amount: 10 }, { id: first.id! });
        await world.start();
        await world.drain();
        world.produce({ orderId: 'o1', amount: 10 }, { id: first.id! });
        await world.drain();
        const effects = await world.effects();
        expect(effects.map((e) => e.orderId)).toEqual(['o1', 'o2']);
        expect(
          world.events.filter((e) => e.type === 'duplicate').map((e) => 'offset' in e && e.offset),
        ).toEqual(['2', '3']);
        expect(await world.nextOffset()).toBe('4');
        expect(world.committed()).toBe('4');
        expect(world.deadLetters()).toHaveLength(0);
        const ledger = await world.ledger();
        expect(ledger.map((r) => [r.id, r.offset, r.outcome])).toEqual([
          [first.id, '0', 'applied'],
          [expect.any(String), '1', 'applied'],
        ]);
      },
    );

    it.skipIf(backend.skip)(
      `${title}: a second event id with the same business key goes to the DLT with the holder (chunkSize ${chunkSize})`,
      async () => {
        world = await World.create(backend, { chunkSize });
        const holder = world.produce({ orderId: 'o42', amount: 10 });
        world.produce({ orderId: 'o7', amount: 1 });
        const clash = world.produce({ orderId: 'o42', amount: 99 }, { headers: { traceparent: 'tp-1' } });
        const twin = world.produce({ orderId: 'o42', amount: 10 });
        world.produce({ orderId: 'o8', amount: 2 });
        await world.start();
        await world.drain();
        expect((await world.effects()).map((e) => [e.orderId, e.amount])).toEqual([
          ['o42', 10],
          ['o7', 1],
          ['o8', 2],
        ]);
        const dlt = world.deadLetters();
        expect(dlt).toHaveLength(2);
        const [a, b] = dlt as [(typeof dlt)[0], (typeof dlt)[0]];
        // Original key, value and headers are kept byte for byte.
        expect(a.key?.toString()).toBe('o42');
        expect(JSON.parse(a.value!.toString())).toEqual({ orderId: 'o42', amount: 99 });
        expect(text(a, 'ce_id')).toBe(clash.id);
        expect(text(a, 'ce_source')).toBe('shop');
        expect(text(a, 'traceparent')).toBe('tp-1');
        // Spring's headers, in Spring's encodings.
        expect(text(a, 'kafka_dlt-original-topic')).toBe(TOPIC);
        expect(raw(a, 'kafka_dlt-original-partition')).toEqual(Buffer.from([0, 0, 0, 0]));
        expect(raw(a, 'kafka_dlt-original-offset')?.readBigInt64BE(0)).toBe(2n);
        expect(raw(a, 'kafka_dlt-original-timestamp')?.readBigInt64BE(0)).toBe(
          BigInt(world.kafka.clock.now()),
        );
        expect(text(a, 'kafka_dlt-original-timestamp-type')).toBe('CREATE_TIME');
        expect(text(a, 'kafka_dlt-original-consumer-group')).toBe(GROUP);
        expect(text(a, 'kafka_dlt-exception-fqcn')).toBe('charter.BusinessKeyConflict');
        expect(text(a, 'kafka_dlt-exception-message')).toBe(
          `business key order-id=o42 is held by event ${holder.id}`,
        );
        expect(text(a, 'kafka_dlt-exception-stacktrace')).toContain('BusinessKeyConflict');
        // Charter's own.
        expect(text(a, 'charter_dlt-reason')).toBe('business-key-conflict');
        expect(text(a, 'charter_dlt-business-key')).toBe('order-id=o42');
        expect(text(a, 'charter_dlt-holder-event-id')).toBe(holder.id);
        expect(text(a, 'charter_dlt-holder-event-source')).toBe('shop');
        expect(text(a, 'charter_dlt-conflict-kind')).toBe('different-payload');
        expect(text(a, 'charter_dlt-replay-count')).toBe('0');
        expect(text(a, 'charter_dlt-attempts')).toBe('1');
        expect(text(a, 'charter_dlt-failed-at')).toBe(new Date(world.kafka.clock.now()).toISOString());
        expect(text(b, 'ce_id')).toBe(twin.id);
        expect(text(b, 'charter_dlt-conflict-kind')).toBe('same-payload');
        expect(world.kafka.sends.filter((s) => s.topic === DLT).every((s) => s.acks === -1)).toBe(true);

        const ledger = await world.ledger();
        expect(ledger.find((r) => r.id === clash.id)).toMatchObject({
          outcome: 'dead_lettered',
          reason: 'business-key-conflict',
          dltTopic: DLT,
          offset: '2',
        });
        expect(ledger.find((r) => r.id === holder.id)?.outcome).toBe('applied');
        expect(await world.nextOffset()).toBe('5');
        expect(world.committed()).toBe('5');
      },
    );
  }

  it.skipIf(backend.skip)(
    `${title}: a chunk skips repeats of applied events in place and splits only at a conflict`,
    async () => {
      world = await World.create(backend, { chunkSize: 100 });
      const a = world.produce({ orderId: 'a', amount: 1 });
      const m = await world.start();
      await world.drain();
      const before = m.transactions();
      for (let i = 0; i < 5; i++) world.produce({ orderId: `x${i}`, amount: i });
      world.produce({ orderId: 'a', amount: 1 }, { id: a.id! });
      for (let i = 5; i < 10; i++) world.produce({ orderId: `x${i}`, amount: i });
      await world.drain();
      // One transaction for eleven records, the repeat of `a` skipped inside it.
      expect(m.transactions() - before).toBe(1);
      expect(world.events.filter((e) => e.type === 'duplicate')).toHaveLength(1);
      const mid = m.transactions();
      for (let i = 0; i < 4; i++) world.produce({ orderId: `y${i}`, amount: i });
      world.produce({ orderId: 'x1', amount: 99 });
      for (let i = 4; i < 8; i++) world.produce({ orderId: `y${i}`, amount: i });
      await world.drain();
      // The chunk fails at the conflict, its head commits as a chunk, the conflict goes one by one
      // (gate, then the dead letter), and the tail is a chunk again.
      expect(m.transactions() - mid).toBe(5);
      expect(world.deadLetters()).toHaveLength(1);
      expect((await world.effects()).filter((e) => e.orderId.startsWith('y'))).toHaveLength(8);
      expect(await world.nextOffset()).toBe('21');
    },
  );

  it.skipIf(backend.skip)(
    `${title}: a record without an event id is dead-lettered as missing-event-id`,
    async () => {
      world = await World.create(backend);
      world.produce({ orderId: 'o1', amount: 1 }, { id: null });
      world.produce({ orderId: 'o2', amount: 2 });
      await world.start();
      await world.drain();
      expect((await world.effects()).map((e) => e.orderId)).toEqual(['o2']);
      const [dl] = world.deadLetters();
      expect(text(dl!, 'charter_dlt-reason')).toBe('missing-event-id');
      const ledger = await world.ledger();
      expect(ledger[0]).toMatchObject({
        source: 'kafka-coordinates',
        id: `${TOPIC}/0/0`,
        outcome: 'dead_lettered',
      });
    },
  );

  it.skipIf(backend.skip)(
    `${title}: the opt-in coordinates policy applies a record without an id`,
    async () => {
      world = await World.create(backend, { kit: { identity: { missingId: 'coordinates' } } });
      world.produce({ orderId: 'o1', amount: 1 }, { id: null });
      await world.start();
      await world.drain();
      expect((await world.effects()).map((e) => e.eventId)).toEqual([`${TOPIC}/0/0`]);
      expect(world.deadLetters()).toHaveLength(0);
    },
  );

  it.skipIf(backend.skip)(`${title}: a fallback id header (Debezium's id) identifies the event`, async () => {
    world = await World.create(backend, { kit: { identity: { fallbackIdHeader: 'id' } } });
    world.produce({ orderId: 'o1', amount: 1 }, { id: null, headers: { id: 'dbz-1' } });
    world.produce({ orderId: 'o1', amount: 1 }, { id: null, headers: { id: ['dbz-0', 'dbz-1'] } });
    await world.start();
    await world.drain();
    expect((await world.effects()).map((e) => e.eventId)).toEqual(['dbz-1']);
  });

  it.skipIf(backend.skip)(
    `${title}: a 23505 on a declared business-key constraint of the handler's table is a conflict`,
    async () => {
      world = await World.create(backend, {
        chunkSize: 1,
        kit: { businessKeys: () => [], businessKeyConstraints: { invoice_order_key: 'invoice-order' } },
      });
      await world.withStore((s) =>
        s.query('create table invoice (order_id text constraint invoice_order_key unique, amount int)'),
      );
      world.hooks.onHandle = async (event, ctx) => {
        await ctx.tx.query('insert into invoice (order_id, amount) values ($1, $2)', [
          event.orderId,
          event.amount,
        ]);
      };
      world.produce({ orderId: 'o1', amount: 1 });
      world.produce({ orderId: 'o1', amount: 2 });
      await world.start();
      await world.drain();
      expect((await world.effects()).map((e) => e.amount)).toEqual([1]);
      const [dl] = world.deadLetters();
      expect(text(dl!, 'charter_dlt-reason')).toBe('business-key-conflict');
      expect(text(dl!, 'charter_dlt-business-key')).toBe('invoice-order=o1');
    },
  );
});
