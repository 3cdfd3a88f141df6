import type { EachBatchPayloadPort } from '../kafka/ports.js';
import type { PartitionRef } from '../store/gate-sql.js';
import type { BatchContext } from './batch-context.js';
import { type ChunkResult, runChunkGate } from './chunk-gate.js';
import type { StopSignal } from './pacing.js';
import type { Prepared, PreparedRecord } from './prepare.js';
import { processRecord } from './record-processor.js';

/**
 * Runs prepared records (ending at most at one rejected record) through chunks where possible: a chunk
 * that meets an anomaly is split before it, the anomalous record goes through the per-record path, and
 * chunking resumes after it. Returns how many records became durable (fewer only on a stop signal).
 */
export async function processPrepared<E>(
  ctx: BatchContext<E>,
  payload: EachBatchPayloadPort,
  stop: StopSignal,
  ref: PartitionRef,
  prepared: readonly Prepared<E>[],
  durable: (offset: bigint, records?: number) => Promise<void>,
): Promise<number> {
  const observe = ctx.options.observer ?? (() => {});
  const applyChunk = async (records: PreparedRecord<E>[]): Promise<ChunkResult> => {
    const result = await runChunkGate(ctx.options, ref, records);
    if (result.kind !== 'applied') return result;
    const dup = new Set(result.duplicates);
    for (const r of records) {
      const at = { topic: ref.topic, partition: ref.partition, offset: r.message.offset };
      if (dup.has(r as PreparedRecord<unknown>)) observe({ ...at, type: 'duplicate', eventId: r.identity });
      else observe({ ...at, type: 'applied', eventId: r.identity, replayed: false });
    }
    await durable(records[records.length - 1]!.offset, records.length);
    await payload.heartbeat();
    return result;
  };
  let start = 0;
  while (start < prepared.length) {
    if (stop.shouldStop()) return start;
    const ready: PreparedRecord<E>[] = [];
    for (let k = start; k < prepared.length; k++) {
      const p = prepared[k]!;
      if (p.kind !== 'ready') break;
      ready.push(p);
    }
    let oneByOne = 1;
    let earlier: { offset: bigint; error: unknown } | undefined;
    if (ready.length >= 2) {
      const result = await applyChunk(ready);
      if (result.kind === 'applied') {
        start += ready.length;
        continue;
      }
      if (result.anomalyAt === undefined) {
        oneByOne = ready.length;
      } else {
        const k = ready.findIndex((r) => r.offset === result.anomalyAt);
        if (result.handlerError !== undefined)
          earlier = { offset: result.anomalyAt, error: result.handlerError };
        if (k < 0) oneByOne = ready.length;
        else if (k >= 2 && (await applyChunk(ready.slice(0, k))).kind === 'applied') start += k;
        else oneByOne = k + 1;
      }
    }
    for (let n = 0; n < oneByOne && start < prepared.length; n++) {
      const p = prepared[start]!;
      const failure = earlier?.offset === p.offset ? earlier.error : undefined;
      // processRecord returns false only on a stop signal.
      if (stop.shouldStop() || !(await processRecord(ctx, payload, stop, ref, p, failure))) return start;
      await durable(p.offset);
      await payload.heartbeat();
      start++;
    }
  }
  return start;
}
