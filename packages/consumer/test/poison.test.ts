import { afterEach, describe, expect, it } from 'vitest';
import { DecodeFailure } from '../src/index.js';
import { BACKENDS, backendTitle } from './support/backends.js';
import { text } from './support/dlt-headers.js';
import { errorOf, World } from './support/world.js';

let world: World | undefined;
afterEach(async () => {
  await world?.dispose();
  world = undefined;
});

describe.each(BACKENDS)('poison messages on $name', (backend) => {
  const title = backendTitle(backend);

  for (const chunkSize of [1, 100]) {
    it.skipIf(backend.skip)(
      `${title}: a handler that always throws is retried with back-off, then dead-lettered as poison (chunkSize ${chunkSize})`,
      async () => {
        world = await World.create(backend, { chunkSize });
        const calls: number[] = [];
        world.hooks.onHandle = (event, ctx) => {
          if (event.orderId !== 'bad') return;
          calls.push(ctx.attempt);
          throw new TypeError(`cannot bill ${event.orderId}`, { cause: new RangeError('amount') });
        };
        world.produce({ orderId: 'o1', amount: 1 });
        const bad = world.produce({ orderId: 'bad', amount: 2 });
        world.produce({ orderId: 'o3', amount: 3 });
        await world.start();
        await world.drain();
        expect(calls).toEqual([1, 2, 3]);
        // Back-off 200 ms then 1 s on the fake clock, heartbeating at least every second.
        expect(world.kafka.clock.sleeps).toEqual([200, 1000]);
        expect(
          world.events.filter((e) => e.type === 'retry').map((e) => 'delayMs' in e && e.delayMs),
        ).toEqual([200, 1000]);
        expect((await world.effects()).map((e) => e.orderId)).toEqual(['o1', 'o3']);
        const [dl, ...more] = world.deadLetters();
        expect(more).toHaveLength(0);
        expect(text(dl!, 'ce_id')).toBe(bad.id);
        expect(text(dl!, 'charter_dlt-reason')).toBe('poison');
        expect(text(dl!, 'charter_dlt-attempts')).toBe('3');
        expect(text(dl!, 'kafka_dlt-exception-fqcn')).toBe('charter.TypeError');
        expect(text(dl!, 'kafka_dlt-exception-cause-fqcn')).toBe('charter.RangeError');
        expect(text(dl!, 'kafka_dlt-exception-message')).toBe('cannot bill bad');
        const ledger = await world.ledger();
        expect(ledger.find((r) => r.id === bad.id)).toMatchObject({
          outcome: 'dead_lettered',
          reason: 'poison',
          attempts: 3,
        });
        expect(await world.nextOffset()).toBe('3');
        expect(world.committed()).toBe('3');
      },
    );
  }

  it.skipIf(backend.skip)(
    `${title}: a handler that fails once is applied on the second attempt`,
    async () => {
      world = await World.create(backend);
      let failed = false;
      world.hooks.onHandle = async (_event, ctx) => {
        // The write before the throw rolls back with the attempt.
        await ctx.tx.query(
          `insert into effect (event_id, order_id, amount, partition, "offset") values ('x', 'x', 0, 0, 0)`,
        );
        if (!failed) {
          failed = true;
          throw new Error('flaky');
        }
      };
      world.produce({ orderId: 'o1', amount: 1 });
      await world.start();
      await world.drain();
      expect((await world.effects()).map((e) => e.orderId)).toEqual(['x', 'o1']);
      expect(world.deadLetters()).toHaveLength(0);
      expect((await world.ledger())[0]).toMatchObject({ outcome: 'applied', attempts: 2 });
    },
  );

  it.skipIf(backend.skip)(
    `${title}: a value that does not decode goes to the DLT at once, without retries`,
    async () => {
      world = await World.create(backend);
      world.produce(null, { value: 'not json' });
      world.produce({ orderId: 'o2', amount: 2 });
      await world.start();
      await world.drain();
      expect(world.kafka.clock.sleeps).toEqual([]);
      const [dl] = world.deadLetters();
      expect(dl!.value?.toString()).toBe('not json');
      expect(text(dl!, 'charter_dlt-reason')).toBe('decode-failure');
      expect(text(dl!, 'charter_dlt-attempts')).toBe('1');
      expect(text(dl!, 'kafka_dlt-exception-fqcn')).toBe('charter.DecodeError');
      expect((await world.effects()).map((e) => e.orderId)).toEqual(['o2']);
    },
  );

  it.skipIf(backend.skip)(`${title}: an unknown schema id is dead-lettered with the id`, async () => {
    world = await World.create(backend);
    world.hooks.onDecode = (message) => {
      if (message.value?.[0] === 0) {
        throw new DecodeFailure('schema 4711 is not in the registry', {
          reason: 'unknown-schema',
          schemaId: 4711,
        });
      }
    };
    world.produce(null, { value: Buffer.from([0, 0, 0, 0x12, 0x67, 1, 2]) });
    await world.start();
    await world.drain();
    const [dl] = world.deadLetters();
    expect(text(dl!, 'charter_dlt-reason')).toBe('unknown-schema');
    expect(text(dl!, 'charter_dlt-schema-id')).toBe('4711');
    expect(dl!.value).toEqual(Buffer.from([0, 0, 0, 0x12, 0x67, 1, 2]));
  });

  it.skipIf(backend.skip)(
    `${title}: a key that does not decode gets Spring's key-exception headers`,
    async () => {
      world = await World.create(backend);
      world.hooks.onDecode = () => {
        throw new DecodeFailure('bad key', { keyError: true });
      };
      world.produce({ orderId: 'o1', amount: 1 });
      await world.start();
      await world.drain();
      const [dl] = world.deadLetters();
      expect(text(dl!, 'kafka_dlt-key-exception-message')).toBe('bad key');
      expect(text(dl!, 'kafka_dlt-exception-message')).toBeUndefined();
    },
  );

  it.skipIf(backend.skip)(
    `${title}: a database outage during the handler is not blamed on the event (no DLT, error to the client)`,
    async () => {
      world = await World.create(backend, { chunkSize: 1 });
      world.produce({ orderId: 'o1', amount: 1 });
      const member = await world.start();
      world.hooks.onHandle = () => {
        throw Object.assign(new Error('connection to server was lost'), { code: '08006' });
      };
      const result = await member.consumer.poll();
      expect(errorOf(result).code).toBe('08006');
      expect(world.deadLetters()).toHaveLength(0);
      expect(await world.nextOffset()).toBeUndefined();
      world.hooks.onHandle = undefined;
      await world.drain();
      expect((await world.effects()).map((e) => e.orderId)).toEqual(['o1']);
    },
  );
});
