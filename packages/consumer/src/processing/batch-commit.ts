import { isRebalanceError } from '../kafka/kafka-errors.js';
import type { EachBatchPayloadPort } from '../kafka/ports.js';
import type { PartitionRef } from '../store/gate-sql.js';
import type { BatchContext } from './batch-context.js';

/** What a batch has made durable and committed so far, and the rebalance error that ends it, if any. */
export interface BatchState {
  lastDurable: bigint | undefined;
  committed: bigint | undefined;
  sinceCommit: number;
  /** A rebalance error seen by a commit or heartbeat: the batch stops and the client gets it. */
  rethrow: unknown;
}

/**
 * Commits `lastDurable + 1` with explicit offsets. A failure leaves the store as it is: the commit is
 * treated as not done and a later one covers it. A rebalance error ends the batch and goes to the client.
 */
export async function commitDurable<E>(
  ctx: BatchContext<E>,
  payload: EachBatchPayloadPort,
  ref: PartitionRef,
  state: BatchState,
  epoch: number,
): Promise<void> {
  if (state.lastDurable === undefined) return;
  const offset = state.lastDurable + 1n;
  if (state.committed !== undefined && state.committed >= offset) return;
  state.sinceCommit = 0;
  if (ctx.assignment.generation !== epoch && !ctx.assignment.owns(ref.topic, ref.partition)) return;
  const observe = ctx.options.observer ?? (() => {});
  const at = { topic: ref.topic, partition: ref.partition, offset: offset.toString() };
  try {
    await payload.commitOffsetsIfNecessary({
      topics: [{ topic: ref.topic, partitions: [{ partition: ref.partition, offset: offset.toString() }] }],
    });
    state.committed = offset;
    observe({ type: 'committed', ...at });
  } catch (error) {
    observe({ type: 'commit-failed', ...at, error });
    if (isRebalanceError(error) && state.rethrow === undefined) state.rethrow = error;
  }
}
