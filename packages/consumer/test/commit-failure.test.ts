import { afterEach, describe, expect, it } from 'vitest';
import { BACKENDS, backendTitle } from './support/backends.js';
import { errorOf, GROUP, nonDecreasing, TOPIC, World } from './support/world.js';

let world: World | undefined;
afterEach(async () => {
  await world?.dispose();
  world = undefined;
});

describe.each(BACKENDS)('failed commits on $name', (backend) => {
  const title = backendTitle(backend);

  it.skipIf(backend.skip)(
    `${title}: a commit that times out is treated as not done; a later one covers it`,
    async () => {
      world = await World.create(backend);
      for (let i = 0; i < 5; i++) world.produce({ orderId: `o${i}`, amount: i });
      world.kafka.faults.failCommits({ error: 'REQUEST_TIMED_OUT' });
      await world.start();
      await world.drain();
      expect(world.committed()).toBeUndefined();
      expect(world.events.filter((e) => e.type === 'commit-failed')).toHaveLength(1);
      expect(await world.nextOffset()).toBe('5');
      for (let i = 5; i < 8; i++) world.produce({ orderId: `o${i}`, amount: i });
      await world.drain();
      expect(world.committed()).toBe('8');
      expect((await world.effects()).map((e) => e.orderId)).toEqual([
        'o0',
        'o1',
        'o2',
        'o3',
        'o4',
        'o5',
        'o6',
        'o7',
      ]);
    },
  );

  it.skipIf(backend.skip)(
    `${title}: an ambiguous commit (stored, then an error) changes nothing in the store`,
    async () => {
      world = await World.create(backend);
      for (let i = 0; i < 3; i++) world.produce({ orderId: `o${i}`, amount: i });
      world.kafka.faults.failCommits({ error: 'NETWORK_EXCEPTION', ambiguous: true });
      await world.start();
      await world.drain();
      expect(world.committed()).toBe('3');
      expect(world.events.filter((e) => e.type === 'commit-failed')).toHaveLength(1);
      // A restart from the committed offset redelivers nothing; from an earlier one, the store skips.
      world.kafka.setCommitted(GROUP, TOPIC, 0, '0');
      const [m] = world.members;
      await world.close(m!);
      await world.start();
      await world.drain();
      expect((await world.effects()).map((e) => e.orderId)).toEqual(['o0', 'o1', 'o2']);
      expect(world.events.filter((e) => e.type === 'already-durable')).toHaveLength(3);
      expect(world.committed()).toBe('3');
    },
  );

  it.skipIf(backend.skip)(
    `${title}: a commit refused for a rebalance ends the batch; the redelivery is skipped by the store`,
    async () => {
      world = await World.create(backend, { chunkSize: 2, kit: { commitEvery: 2 } });
      for (let i = 0; i < 6; i++) world.produce({ orderId: `o${i}`, amount: i });
      world.kafka.faults.failCommits({ error: 'REBALANCE_IN_PROGRESS' });
      const m = await world.start();
      const first = await m.consumer.poll();
      expect(errorOf(first).type).toBe('REBALANCE_IN_PROGRESS');
      // The batch stopped at the failed mid-batch commit after the first chunk.
      expect(await world.nextOffset()).toBe('2');
      await world.drain();
      expect((await world.effects()).map((e) => e.orderId)).toEqual(['o0', 'o1', 'o2', 'o3', 'o4', 'o5']);
      expect(world.committed()).toBe('6');
      expect(nonDecreasing(world.commitHistory())).toBe(true);
    },
  );

  it.skipIf(backend.skip)(
    `${title}: a gap (committed offset past the store) is reported with its offsets`,
    async () => {
      world = await World.create(backend);
      for (let i = 0; i < 3; i++) world.produce({ orderId: `o${i}`, amount: i });
      await world.start();
      await world.drain();
      for (let i = 3; i < 10; i++) world.produce({ orderId: `o${i}`, amount: i });
      // Retention deleted 3..6 before they were consumed; the consumer resets to the earliest retained.
      world.kafka.truncate(TOPIC, 0, '7');
      await world.drain();
      expect(world.events).toContainEqual({ type: 'gap', topic: TOPIC, partition: 0, from: '3', to: '7' });
      expect((await world.effects()).map((e) => e.orderId)).toEqual(['o0', 'o1', 'o2', 'o7', 'o8', 'o9']);
      expect(await world.nextOffset()).toBe('10');
    },
  );
});
