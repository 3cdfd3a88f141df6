import { afterEach, describe, expect, it } from 'vitest';
import type { PollResult } from '../src/index.js';
import { BACKENDS, backendTitle } from './support/backends.js';
import { errorOf, GROUP, type Member, nonDecreasing, TOPIC, World } from './support/world.js';

let world: World | undefined;
afterEach(async () => {
  await world?.dispose();
  world = undefined;
});

const COUNT = 10;

/** o0..o9 on partition 1, so A's first batch is the partition that moves to B (range assignor). */
function produceOnPartitionOne(w: World): void {
  for (let i = 0; i < COUNT; i++) w.produce({ orderId: `o${i}`, amount: i }, { partition: 1 });
}

async function expectExactlyOnceInOrder(w: World): Promise<void> {
  const effects = await w.effects();
  expect(effects.map((e) => e.orderId)).toEqual(Array.from({ length: COUNT }, (_, i) => `o${i}`));
  expect(await w.nextOffset(1)).toBe(String(COUNT));
  expect(w.committed(1)).toBe(String(COUNT));
  // Kafka's committed offset never moved backwards.
  expect(nonDecreasing(w.commitHistory(1))).toBe(true);
}

function commitsBy(w: World, member: Member) {
  return w.kafka.commits.filter(
    (c) => c.memberId === member.consumer.memberId && c.topic === TOPIC && c.partition === 1,
  );
}

describe.each(BACKENDS)('rebalance and zombies on $name', (backend) => {
  const title = backendTitle(backend);

  for (const chunkSize of [1, 100]) {
    it.skipIf(backend.skip)(
      `${title}: rebalance mid-batch: A stops at its next heartbeat, B takes over from K (chunkSize ${chunkSize})`,
      async () => {
        world = await World.create(backend, { partitions: 2, chunkSize, heartbeatInterval: 0 });
        produceOnPartitionOne(world);
        const a = await world.start('A');
        const b = await world.start('B', {}, { join: false });
        world.hooks.onHandle = async (event, _ctx, member) => {
          if (member === a && event.orderId === 'o2' && !b.consumer.isRunning) await b.join();
        };
        const result = await a.consumer.poll();
        expect(errorOf(result).type).toBe('REBALANCE_IN_PROGRESS');
        // A rejoined and now owns partition 0 only; nothing A resolved on partition 1 was committed.
        expect(a.consumer.assignment()).toEqual({ [TOPIC]: [0] });
        expect(commitsBy(world, a).filter((c) => c.accepted)).toEqual([]);
        await world.drain();
        await expectExactlyOnceInOrder(world);
        const durable = chunkSize === 1 ? 3 : COUNT;
        expect(b.events.filter((e) => e.type === 'already-durable')).toHaveLength(durable);
        expect(b.events.filter((e) => e.type === 'applied')).toHaveLength(COUNT - durable);
      },
    );

    it.skipIf(backend.skip)(
      `${title}: a zombie that misses the rebalance races the new owner; the offset CAS fences it (chunkSize ${chunkSize})`,
      async () => {
        // Heartbeats are throttled (kafkajs: one per interval), so A does not learn of the rebalance mid-batch.
        world = await World.create(backend, { partitions: 2, chunkSize, heartbeatInterval: 60_000 });
        produceOnPartitionOne(world);
        const a = await world.start('A');
        const b = await world.start('B', {}, { join: false });
        let bPoll: Promise<PollResult | undefined> | undefined;
        world.hooks.onHandle = async (event, _ctx, member) => {
          if (member === a && event.orderId === 'o2' && !bPoll) {
            await b.join();
            // B starts while A's transaction for o2 is still open.
            bPoll = b.consumer.poll();
          }
        };
        const aResult = await a.consumer.poll();
        await bPoll;
        expect(errorOf(aResult).type).toBe('ILLEGAL_GENERATION');
        // A's late commit for a partition it lost was refused, not retried.
        expect(commitsBy(world, a).map((c) => [c.accepted, c.error])).toEqual([
          [false, 'ILLEGAL_GENERATION'],
        ]);
        await world.drain();
        await expectExactlyOnceInOrder(world);
        // Both owners went for the same offsets; the compare-and-set let exactly one of them through.
        const fenced = [...a.events, ...b.events].filter((e) => e.type === 'fenced').length;
        if (chunkSize === 1) expect(fenced).toBeGreaterThan(0);
      },
    );

    it.skipIf(backend.skip)(
      `${title}: a zombie evicted by session timeout mid-handler keeps going; nothing is applied twice (chunkSize ${chunkSize})`,
      async () => {
        world = await World.create(backend, { partitions: 2, chunkSize, heartbeatInterval: 60_000 });
        produceOnPartitionOne(world);
        const a = await world.start('A');
        const b = await world.start('B', {}, { join: false });
        let bPoll: Promise<PollResult | undefined> | undefined;
        world.hooks.onHandle = async (event, _ctx, member) => {
          if (member === a && event.orderId === 'o2' && !bPoll) {
            // The handler runs past sessionTimeout: the coordinator evicts A when B joins.
            world!.kafka.clock.advance(31_000);
            await b.join();
            bPoll = b.consumer.poll();
          }
        };
        const aResult = await a.consumer.poll();
        await bPoll;
        // A was evicted while its handler ran; B had joined alone and owned both partitions.
        expect(errorOf(aResult).type).toBe('UNKNOWN_MEMBER_ID');
        expect(commitsBy(world, a).every((c) => !c.accepted)).toBe(true);
        await world.drain();
        await expectExactlyOnceInOrder(world);
      },
    );
  }

  it.skipIf(backend.skip)(
    `${title}: a stale batch for a partition lost in the last join is not processed`,
    async () => {
      world = await World.create(backend, { partitions: 2, heartbeatInterval: 0 });
      produceOnPartitionOne(world);
      const a = await world.start('A');
      const b = await world.start('B');
      // A rejoins at its next poll and learns it owns partition 0 only.
      await a.consumer.poll();
      expect(a.consumer.assignment()).toEqual({ [TOPIC]: [0] });
      // kafkajs #1046: a batch of the previous generation delivered after the rejoin.
      await a.consumer.deliverStale(TOPIC, 1);
      expect(a.events).toContainEqual({ type: 'stale-batch', topic: TOPIC, partition: 1 });
      expect(await world.effects()).toEqual([]);
      await world.drain([b]);
      await expectExactlyOnceInOrder(world);
      expect(world.kafka.generation(GROUP)).toBe(2);
    },
  );
});
