import { isRebalanceError } from '../kafka/kafka-errors.js';
import type { EachBatchPayloadPort } from '../kafka/ports.js';
import { type PartitionRef, readNextOffset } from '../store/gate-sql.js';
import { type BatchState, commitDurable } from './batch-commit.js';
import type { BatchContext } from './batch-context.js';
import { processPrepared } from './chunk-runner.js';
import type { StopSignal } from './pacing.js';
import { type Prepared, prepareRecord } from './prepare.js';

/**
 * The `eachBatch` body (reference §6). Records are resolved one by one, in order, only once their outcome
 * is durable in the store; Kafka commits carry explicit offsets and happen during and at the end of the
 * batch, never for a partition the member no longer owns.
 */
export async function processBatch<E>(ctx: BatchContext<E>, payload: EachBatchPayloadPort): Promise<void> {
  const { options, assignment } = ctx;
  const { batch } = payload;
  const ref: PartitionRef = { group: options.groupId, topic: batch.topic, partition: batch.partition };
  const observe = options.observer ?? (() => {});
  if (!assignment.owns(batch.topic, batch.partition)) {
    observe({ type: 'stale-batch', topic: batch.topic, partition: batch.partition });
    return;
  }
  const epoch = assignment.generation;
  const state: BatchState = {
    lastDurable: undefined,
    committed: undefined,
    sinceCommit: 0,
    rethrow: undefined,
  };
  const stop: StopSignal = {
    shouldStop: () =>
      !payload.isRunning() ||
      payload.isStale() ||
      assignment.generation !== epoch ||
      state.rethrow !== undefined,
  };
  const commitEvery = options.commitEvery ?? 500;

  const durable = async (offset: bigint, records = 1) => {
    payload.resolveOffset(offset.toString());
    state.lastDurable = offset;
    state.sinceCommit += records;
    if (state.sinceCommit >= commitEvery) await commitDurable(ctx, payload, ref, state, epoch);
  };

  try {
    const messages = batch.messages;
    const next = await readNextOffset(options.store, ref);
    let i = 0;
    if (next !== undefined) {
      const firstOffset = messages[0] ? BigInt(messages[0].offset) : undefined;
      if (firstOffset !== undefined && firstOffset > next) {
        observe({
          type: 'gap',
          topic: ref.topic,
          partition: ref.partition,
          from: next.toString(),
          to: firstOffset.toString(),
        });
      }
      // Step 0: what the store already holds was applied by this process, an earlier one or a zombie.
      while (i < messages.length && BigInt(messages[i]!.offset) < next) {
        observe({
          type: 'already-durable',
          topic: ref.topic,
          partition: ref.partition,
          offset: messages[i]!.offset,
        });
        i++;
      }
      if (i > 0) await durable(BigInt(messages[i - 1]!.offset), i);
    }
    const chunkSize = Math.max(1, options.chunkSize ?? 100);
    while (i < messages.length && !stop.shouldStop()) {
      const prepared: Prepared<E>[] = [];
      while (prepared.length < chunkSize && i + prepared.length < messages.length) {
        const p = await prepareRecord(options, ref.topic, ref.partition, messages[i + prepared.length]!);
        prepared.push(p);
        if (p.kind === 'rejected') break;
      }
      const done = await processPrepared(ctx, payload, stop, ref, prepared, durable);
      i += done;
      if (done < prepared.length) break;
    }
  } catch (error) {
    if (isRebalanceError(error)) state.rethrow = error;
    else {
      await commitDurable(ctx, payload, ref, state, epoch);
      throw error;
    }
  }
  if (state.rethrow === undefined) await commitDurable(ctx, payload, ref, state, epoch);
  if (state.rethrow !== undefined) throw state.rethrow;
}
