import { afterEach, describe, expect, it } from 'vitest';
import { replayDeadLetters, replayGroupId } from '../src/index.js';
import { BACKENDS, backendTitle } from './support/backends.js';
import { raw, text } from './support/dlt-headers.js';
import { DLT, GROUP, TOPIC, World } from './support/world.js';

let world: World | undefined;
afterEach(async () => {
  await world?.dispose();
  world = undefined;
});

const replayPolls = (groupId: string) => groupId.startsWith('charter-dlt-replay.');

describe.each(BACKENDS)('dead-letter replay on $name', (backend) => {
  const title = backendTitle(backend);

  async function poisoned(): Promise<{ w: World; badId: string; fixed: { value: boolean } }> {
    const w = await World.create(backend, { chunkSize: 1, kafka: { autoPoll: replayPolls } });
    const fixed = { value: false };
    w.hooks.onHandle = (event) => {
      if (event.orderId === 'bad' && !fixed.value) throw new Error('bug in billing');
    };
    w.produce({ orderId: 'o1', amount: 1 });
    const bad = w.produce({ orderId: 'bad', amount: 2 });
    w.produce({ orderId: 'o3', amount: 3 });
    await w.start();
    await w.drain();
    return { w, badId: bad.id!, fixed };
  }

  it.skipIf(backend.skip)(
    `${title}: a fixed poison event is replayed once through the same gate`,
    async () => {
      const { w, badId, fixed } = await poisoned();
      world = w;
      fixed.value = true;
      const report = await replayDeadLetters({ kafka: w.kafka, dltTopic: DLT, group: GROUP });
      expect(report.replayed).toBe(1);
      expect(report.entries).toMatchObject([
        {
          eventId: badId,
          reason: 'poison',
          action: 'replay',
          originalOffset: '1',
          to: { topic: TOPIC, partition: 0 },
        },
      ]);
      const republished = w.kafka.records(TOPIC).at(-1)!;
      expect(republished.offset).toBe(3n);
      expect(text(republished, 'ce_id')).toBe(badId);
      expect(text(republished, 'charter_dlt-replay-count')).toBe('1');
      expect(text(republished, 'kafka_dlt-exception-message')).toBeUndefined();
      expect(text(republished, 'charter_dlt-reason')).toBeUndefined();
      expect(raw(republished, 'kafka_dlt-original-offset')?.readBigInt64BE(0)).toBe(1n);
      expect(w.kafka.sends.filter((s) => s.topic === TOPIC).every((s) => s.acks === -1)).toBe(true);
      expect(w.kafka.committed(replayGroupId(GROUP), DLT, 0)).toBe('1');

      await w.drain();
      expect(w.events).toContainEqual(
        expect.objectContaining({ type: 'applied', offset: '3', replayed: true }),
      );
      expect((await w.effects()).map((e) => e.orderId)).toEqual(['o1', 'o3', 'bad']);
      expect((await w.ledger()).find((r) => r.id === badId)).toMatchObject({
        outcome: 'applied',
        offset: '3',
      });

      // The replay group remembers: a second run finds nothing; --from-beginning republishes, the gate absorbs it.
      expect((await replayDeadLetters({ kafka: w.kafka, dltTopic: DLT, group: GROUP })).entries).toEqual([]);
      const again = await replayDeadLetters({
        kafka: w.kafka,
        dltTopic: DLT,
        group: GROUP,
        fromBeginning: true,
      });
      expect(again.replayed).toBe(1);
      await w.drain();
      expect((await w.effects()).map((e) => e.orderId)).toEqual(['o1', 'o3', 'bad']);
      expect(w.events).toContainEqual(expect.objectContaining({ type: 'duplicate', offset: '4' }));
    },
  );

  it.skipIf(backend.skip)(
    `${title}: a replay that fails again is re-dead-lettered with the first origin and a higher count, up to the cap`,
    async () => {
      const { w, badId } = await poisoned();
      world = w;
      for (let round = 1; round <= 2; round++) {
        const report = await replayDeadLetters({
          kafka: w.kafka,
          dltTopic: DLT,
          group: GROUP,
          maxReplays: 2,
        });
        expect(report.replayed).toBe(1);
        await w.drain();
      }
      const copies = w.deadLetters();
      expect(copies.map((c) => text(c, 'charter_dlt-replay-count'))).toEqual(['0', '1', '2']);
      // Every copy still points at the source record, not at the DLT or the republished offsets.
      expect(copies.map((c) => raw(c, 'kafka_dlt-original-offset')?.readBigInt64BE(0))).toEqual([1n, 1n, 1n]);
      expect(copies.every((c) => text(c, 'kafka_dlt-original-topic') === TOPIC)).toBe(true);
      const capped = await replayDeadLetters({
        kafka: w.kafka,
        dltTopic: DLT,
        group: GROUP,
        maxReplays: 2,
        fromBeginning: true,
      });
      expect(capped.replayed).toBe(0);
      expect(capped.entries.map((e) => e.action)).toEqual(['superseded', 'superseded', 'exhausted']);
      expect((await w.ledger()).find((r) => r.id === badId)).toMatchObject({ outcome: 'dead_lettered' });
      expect((await w.effects()).map((e) => e.orderId)).toEqual(['o1', 'o3']);
    },
  );

  it.skipIf(backend.skip)(
    `${title}: filters select dead letters; a filtered one holds the replay group back; dry runs change nothing`,
    async () => {
      world = await World.create(backend, { chunkSize: 1, kafka: { autoPoll: replayPolls } });
      const w = world;
      w.produce({ orderId: 'k', amount: 1 });
      const conflict = w.produce({ orderId: 'k', amount: 2 });
      const broken = w.produce(null, { value: '{' });
      // A dead letter of another group on the same DLT.
      w.kafka.append(DLT, 0, {
        value: 'x',
        headers: {
          'kafka_dlt-original-consumer-group': 'shipping',
          'charter_dlt-reason': 'poison',
          ce_id: 'other',
        },
      });
      await w.start();
      await w.drain();
      const dry = await replayDeadLetters({ kafka: w.kafka, dltTopic: DLT, group: GROUP, dryRun: true });
      expect(dry.entries.map((e) => [e.eventId, e.action])).toEqual([
        ['other', 'other-group'],
        [conflict.id, 'replay'],
        [broken.id, 'replay'],
      ]);
      expect(w.kafka.records(TOPIC)).toHaveLength(3);
      expect(w.kafka.committed(replayGroupId(GROUP), DLT, 0)).toBeUndefined();

      const onlyDecode = await replayDeadLetters({
        kafka: w.kafka,
        dltTopic: DLT,
        group: GROUP,
        reasons: ['decode-failure'],
      });
      expect(onlyDecode.entries.map((e) => e.action)).toEqual(['other-group', 'filtered', 'replay']);
      expect(onlyDecode.committed).toEqual([{ partition: 0, offset: '1' }]);
      // The conflict is still there for the next run, and can be picked by event id.
      const byId = await replayDeadLetters({
        kafka: w.kafka,
        dltTopic: DLT,
        group: GROUP,
        eventIds: [conflict.id!],
      });
      expect(byId.entries.map((e) => [e.eventId, e.action])).toEqual([
        [conflict.id, 'replay'],
        [broken.id, 'filtered'],
      ]);
    },
  );

  it.skipIf(backend.skip)(
    `${title}: a record dead-lettered for having no id is replayed under its origin's coordinates, once`,
    async () => {
      world = await World.create(backend, { chunkSize: 1, kafka: { autoPoll: replayPolls } });
      const w = world;
      w.produce({ orderId: 'o1', amount: 1 }, { id: null });
      await w.start();
      await w.drain();
      expect(text(w.deadLetters()[0]!, 'charter_dlt-reason')).toBe('missing-event-id');
      await replayDeadLetters({ kafka: w.kafka, dltTopic: DLT, group: GROUP });
      await replayDeadLetters({ kafka: w.kafka, dltTopic: DLT, group: GROUP, fromBeginning: true });
      await w.drain();
      expect((await w.effects()).map((e) => e.eventId)).toEqual([`${TOPIC}/0/0`]);
      expect(await w.ledger()).toMatchObject([
        { source: 'kafka-coordinates', id: `${TOPIC}/0/0`, outcome: 'applied' },
      ]);
    },
  );

  it.skipIf(backend.skip)(
    `${title}: a business-key conflict replays once the key is released, and conflicts again while it is held`,
    async () => {
      world = await World.create(backend, { chunkSize: 1, kafka: { autoPoll: replayPolls } });
      const w = world;
      w.produce({ orderId: 'k', amount: 1 });
      const second = w.produce({ orderId: 'k', amount: 2 });
      await w.start();
      await w.drain();
      await replayDeadLetters({ kafka: w.kafka, dltTopic: DLT, group: GROUP });
      await w.drain();
      expect(w.deadLetters().map((c) => text(c, 'charter_dlt-replay-count'))).toEqual(['0', '1']);
      // The operator decides the first event was wrong and releases its key.
      await w.withStore((s) => s.query(`delete from charter_business_key where key_value = 'k'`));
      await replayDeadLetters({ kafka: w.kafka, dltTopic: DLT, group: GROUP });
      await w.drain();
      expect((await w.effects()).map((e) => [e.orderId, e.amount])).toEqual([
        ['k', 1],
        ['k', 2],
      ]);
      expect((await w.ledger()).find((r) => r.id === second.id)?.outcome).toBe('applied');
    },
  );
});
