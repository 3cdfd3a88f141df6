import { afterEach, describe, expect, it } from 'vitest';
import { purgeProcessedEvents, readNextOffset, setNextOffset } from '../src/index.js';
import { BACKENDS, backendTitle } from './support/backends.js';
import { GROUP, TOPIC, World } from './support/world.js';

let world: World | undefined;
afterEach(async () => {
  await world?.dispose();
  world = undefined;
});

describe.each(BACKENDS)('the ledger on $name', (backend) => {
  const title = backendTitle(backend);

  it.skipIf(backend.skip)(
    `${title}: purging old applied ids keeps dead letters, and the offset row still stops redelivery`,
    async () => {
      world = await World.create(backend);
      world.produce({ orderId: 'o1', amount: 1 });
      world.produce(null, { value: 'bad' });
      world.produce({ orderId: 'o3', amount: 3 });
      await world.start();
      await world.drain();
      await world.withStore((s) =>
        s.query(`update charter_processed_event set processed_at = now() - interval '8 days'`),
      );
      const purged = await world.withStore((s) =>
        purgeProcessedEvents(s, { olderThanMs: 7 * 86_400_000, chunk: 1 }),
      );
      expect(purged).toBe(2);
      expect((await world.ledger()).map((r) => r.outcome)).toEqual(['dead_lettered']);
      // A deliberate reset to earliest redelivers everything; the offset row skips it all.
      world.kafka.setCommitted(GROUP, TOPIC, 0, '0');
      const [m] = world.members;
      await world.close(m!);
      await world.start();
      await world.drain();
      expect((await world.effects()).map((e) => e.orderId)).toEqual(['o1', 'o3']);
      expect(world.events.filter((e) => e.type === 'already-durable')).toHaveLength(3);
    },
  );

  it.skipIf(backend.skip)(
    `${title}: rewinding the offset row makes the kit reprocess by event id`,
    async () => {
      world = await World.create(backend);
      world.produce({ orderId: 'o1', amount: 1 });
      await world.start();
      await world.drain();
      await world.withStore((s) => setNextOffset(s, { group: GROUP, topic: TOPIC, partition: 0 }, 0n));
      expect(
        await world.withStore((s) => readNextOffset(s, { group: GROUP, topic: TOPIC, partition: 0 })),
      ).toBe(0n);
      world.kafka.setCommitted(GROUP, TOPIC, 0, '0');
      const [m] = world.members;
      await world.close(m!);
      await world.start();
      await world.drain();
      // The id row is still there: the redelivery is recognised as a duplicate, not applied again.
      expect((await world.effects()).map((e) => e.orderId)).toEqual(['o1']);
      expect(world.events.filter((e) => e.type === 'duplicate')).toHaveLength(1);
    },
  );
});
