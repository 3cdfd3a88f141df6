import { DiagnosticError } from '@charter/diagnostics';
import type { ConsumedMessage, KafkaPort } from '../kafka/ports.js';

export interface TopicRecord {
  partition: number;
  message: ConsumedMessage;
}

export interface ReadTopicResult {
  records: TopicRecord[];
  /** Per partition, the offset after the last record read (the log end when reading began). */
  ends: Map<number, bigint>;
}

/**
 * Reads a topic from the group's committed offsets (the start of the log without them) up to the log end
 * seen when reading began, through a kafkajs-shaped client, and stops. Nothing is committed here.
 */
export async function readTopicToEnd(
  kafka: KafkaPort,
  topic: string,
  groupId: string,
  options: { fromBeginning?: boolean; timeoutMs?: number } = {},
): Promise<ReadTopicResult> {
  const admin = kafka.admin();
  await admin.connect();
  const ends = new Map<number, bigint>();
  const pending = new Set<number>();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    const committed = options.fromBeginning ? [] : await admin.fetchOffsets({ groupId, topics: [topic] });
    const start = new Map<number, bigint>();
    for (const t of committed)
      for (const p of t.partitions) if (BigInt(p.offset) >= 0n) start.set(p.partition, BigInt(p.offset));
    for (const o of offsets) {
      const high = BigInt(o.high);
      const from = start.get(o.partition) ?? BigInt(o.low);
      ends.set(o.partition, from > high ? from : high);
      if (from < high) pending.add(o.partition);
    }
    if (options.fromBeginning) {
      await admin.setOffsets({
        groupId,
        topic,
        partitions: offsets.map((o) => ({ partition: o.partition, offset: o.low })),
      });
    }
  } finally {
    await admin.disconnect();
  }
  const records: TopicRecord[] = [];
  if (pending.size === 0) return { records, ends };
  const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    let finish: () => void = () => {};
    const done = new Promise<void>((resolve) => {
      finish = resolve;
    });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: async ({ batch, resolveOffset }) => {
        const end = ends.get(batch.partition) ?? 0n;
        for (const message of batch.messages) {
          if (BigInt(message.offset) >= end) break;
          records.push({ partition: batch.partition, message });
          resolveOffset(message.offset);
        }
        const last = batch.messages[batch.messages.length - 1];
        if (last && BigInt(last.offset) + 1n >= end) pending.delete(batch.partition);
        if (pending.size === 0) finish();
      },
    });
    const timeoutMs = options.timeoutMs ?? 30_000;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    const outcome = await Promise.race([done, timedOut]);
    clearTimeout(timer);
    if (outcome === 'timeout') {
      throw new DiagnosticError([
        {
          code: 'CON011',
          severity: 'error',
          message: `reading ${topic} to its end took longer than ${timeoutMs} ms (partitions ${[...pending].join(', ')} unfinished)`,
          hint: 'check the brokers, or raise --timeout',
        },
      ]);
    }
  } finally {
    await consumer.stop();
    await consumer.disconnect();
  }
  records.sort(
    (a, b) => a.partition - b.partition || Number(BigInt(a.message.offset) - BigInt(b.message.offset)),
  );
  return { records, ends };
}
