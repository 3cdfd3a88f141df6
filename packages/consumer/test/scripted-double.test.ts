import { describe, expect, it } from 'vitest';
import { type EachBatchPayloadPort, ScriptedKafka } from '../src/index.js';

function setup() {
  const kafka = new ScriptedKafka();
  kafka.createTopic('t', 1);
  for (let i = 0; i < 5; i++)
    kafka.append('t', 0, { value: `v${i}`, headers: { h: ['a', 'b'], ce_id: `e${i}` } });
  return kafka;
}

async function member(
  kafka: ScriptedKafka,
  eachBatch: (p: EachBatchPayloadPort) => Promise<void>,
  autoCommit = false,
) {
  const c = kafka.consumer({ groupId: 'g', heartbeatInterval: 0 });
  await c.connect();
  await c.subscribe({ topics: ['t'], fromBeginning: true });
  await c.run({ autoCommit, eachBatchAutoResolve: false, eachBatch });
  return c;
}

describe('the scripted kafkajs double', () => {
  it('delivers kafkajs shapes: string offsets, Buffer values, repeated headers as arrays', async () => {
    const kafka = setup();
    const seen: EachBatchPayloadPort[] = [];
    const c = await member(kafka, async (p) => {
      seen.push(p);
    });
    await c.poll();
    const m = seen[0]!.batch.messages[0]!;
    expect(m.offset).toBe('0');
    expect(Buffer.isBuffer(m.value)).toBe(true);
    expect(m.headers?.['h']).toEqual([Buffer.from('a'), Buffer.from('b')]);
    expect(seen[0]!.batch.highWatermark).toBe('5');
  });

  it('with auto-commit off, commitOffsetsIfNecessary() without offsets never commits', async () => {
    const kafka = setup();
    const c = await member(kafka, async (p) => {
      for (const m of p.batch.messages) p.resolveOffset(m.offset);
      await p.commitOffsetsIfNecessary();
    });
    await c.poll();
    expect(kafka.committed('g', 't', 0)).toBeUndefined();
  });

  it('fetches an unresolved batch again, and continues after the resolved offset', async () => {
    const kafka = setup();
    const firsts: string[] = [];
    let resolveUpTo = -1;
    const c = await member(kafka, async (p) => {
      firsts.push(p.batch.messages[0]!.offset);
      if (resolveUpTo >= 0) p.resolveOffset(String(resolveUpTo));
    });
    await c.poll();
    await c.poll();
    resolveUpTo = 2;
    await c.poll();
    await c.poll();
    expect(firsts).toEqual(['0', '0', '0', '3']);
  });

  it('drops resolved-but-uncommitted offsets on a new generation', async () => {
    const kafka = setup();
    const firsts: string[] = [];
    const c = await member(kafka, async (p) => {
      firsts.push(p.batch.messages[0]!.offset);
      p.resolveOffset('1');
    });
    await c.poll();
    const other = kafka.consumer({ groupId: 'g' });
    await other.subscribe({ topics: ['t'] });
    await other.run({});
    await other.stop();
    await c.poll();
    expect(firsts).toEqual(['0', '0']);
  });

  it('throws REBALANCE_IN_PROGRESS from heartbeat after a join, and refuses the old generation commit', async () => {
    const kafka = setup();
    const errors: unknown[] = [];
    let joinDuringBatch: () => Promise<void> = async () => {};
    const c = await member(kafka, async (p) => {
      await joinDuringBatch();
      try {
        await p.heartbeat();
      } catch (e) {
        errors.push(e);
      }
      try {
        await p.commitOffsetsIfNecessary({
          topics: [{ topic: 't', partitions: [{ partition: 0, offset: '1' }] }],
        });
      } catch (e) {
        errors.push(e);
      }
    });
    joinDuringBatch = async () => {
      const b = kafka.consumer({ groupId: 'g' });
      await b.subscribe({ topics: ['t'] });
      await b.run({});
    };
    await c.poll();
    expect(errors.map((e) => (e as { type: string }).type)).toEqual([
      'REBALANCE_IN_PROGRESS',
      'ILLEGAL_GENERATION',
    ]);
    expect(kafka.commits.map((x) => x.accepted)).toEqual([false]);
  });

  it('makes commitOffsets a no-op once stopped, and isStale true only after seek', async () => {
    const kafka = setup();
    const stale: boolean[] = [];
    const c = await member(kafka, async (p) => {
      stale.push(p.isStale());
      c.seek({ topic: 't', partition: 0, offset: '3' });
      stale.push(p.isStale());
    });
    await c.poll();
    expect(stale).toEqual([false, true]);
    await c.stop();
    await c.commitOffsets([{ topic: 't', partition: 0, offset: '4' }]);
    expect(kafka.committed('g', 't', 0)).toBeUndefined();
  });

  it('auto-commits resolved offsets when asked to, as kafkajs does by default', async () => {
    const kafka = setup();
    const c = await member(
      kafka,
      async (p) => {
        p.resolveOffset('2');
      },
      true,
    );
    await c.poll();
    expect(kafka.committed('g', 't', 0)).toBe('3');
  });
});
