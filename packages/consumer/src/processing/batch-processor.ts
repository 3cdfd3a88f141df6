import { isRebalanceError } from '../kafka/kafka-errors.js';
import type { EachBatchPayloadPort } from '../kafka/ports.js';
import { type PartitionRef, readNextOffset } from '../store/gate-sql.js';
import type { AssignmentTracker } from './assignment.js';
import { type ChunkResult, runChunkGate } from './chunk-gate.js';
import type { Clock } from './clock.js';
import { deadLetter } from './dead-letterer.js';
import type { ConsumerKitOptions } from './options.js';
import { backoffAt, type StopSignal, sleepHeartbeating } from './pacing.js';
import { type Prepared, type PreparedRecord, prepareRecord } from './prepare.js';
import { runRecordGate } from './record-gate.js';
import { isInfrastructureSqlError } from './store-errors.js';

export const DEFAULT_RETRY_BACKOFF_MS = [200, 1_000, 5_000];

export interface BatchContext<E> {
  options: ConsumerKitOptions<E>;
  clock: Clock;
  assignment: AssignmentTracker;
}

/** Ends the batch early; `error` is rethrown to the client after the batch's last commit attempt. */
interface BatchState {
  lastDurable: bigint | undefined;
  committed: bigint | undefined;
  sinceCommit: number;
  rethrow: unknown;
}

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
    if (state.sinceCommit >= commitEvery) await commit(ctx, payload, ref, state, epoch);
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
      await commit(ctx, payload, ref, state, epoch);
      throw error;
    }
  }
  if (state.rethrow === undefined) await commit(ctx, payload, ref, state, epoch);
  if (state.rethrow !== undefined) throw state.rethrow;
}

/**
 * Runs prepared records (ending at most at one rejected record) through chunks where possible: a chunk
 * that meets an anomaly is split before it, the anomalous record goes through the per-record path, and
 * chunking resumes after it. Returns how many records became durable (fewer only on a stop signal).
 */
async function processPrepared<E>(
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

/**
 * Commits `lastDurable + 1` with explicit offsets. A failure leaves the store as it is: the commit is
 * treated as not done and a later one covers it. A rebalance error ends the batch and goes to the client.
 */
async function commit<E>(
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

/**
 * One record through the per-record gate, with retries and the DLT path. Returns true when its outcome is
 * durable (applied, duplicate, fenced or dead-lettered) and false when the batch must stop first.
 */
async function processRecord<E>(
  ctx: BatchContext<E>,
  payload: EachBatchPayloadPort,
  stop: StopSignal,
  ref: PartitionRef,
  prepared: Prepared<E>,
  /** The error of a first attempt made inside a chunk, which counts as attempt 1. */
  earlierFailure?: unknown,
): Promise<boolean> {
  const { options, clock } = ctx;
  const observe = options.observer ?? (() => {});
  const at = { topic: ref.topic, partition: ref.partition, offset: prepared.message.offset };
  const toDeadLetter = async (cause: Parameters<typeof deadLetter>[4]['cause']) => {
    const result = await deadLetter(options, clock, payload, stop, {
      ref,
      message: prepared.message,
      identity: prepared.identity,
      payloadSha256: prepared.payloadSha256,
      cause,
    });
    if (result === 'fenced') observe({ ...at, type: 'fenced' });
    return result !== 'stopped';
  };
  if (prepared.kind === 'rejected') return toDeadLetter(prepared.cause);
  const attempts = Math.max(1, options.retry?.attempts ?? 3);
  const schedule = options.retry?.backoffMs ?? DEFAULT_RETRY_BACKOFF_MS;
  const retryAfter = async (attempt: number, error: unknown): Promise<boolean> => {
    const delayMs = backoffAt(schedule, attempt - 1);
    observe({ ...at, type: 'retry', attempt, delayMs, error });
    return sleepHeartbeating(clock, payload, stop, delayMs);
  };
  let attempt = 1;
  if (earlierFailure !== undefined) {
    if (attempts <= 1) return toDeadLetter({ reason: 'poison', attempts: 1, error: earlierFailure });
    if (!(await retryAfter(1, earlierFailure))) return false;
    attempt = 2;
  }
  for (; ; attempt++) {
    const result = await runRecordGate(options, ref, prepared, attempt);
    switch (result.kind) {
      case 'applied':
        observe({ ...at, type: 'applied', eventId: prepared.identity, replayed: result.replayed });
        return true;
      case 'duplicate':
        observe({ ...at, type: 'duplicate', eventId: prepared.identity });
        return true;
      case 'fenced':
        observe({ ...at, type: 'fenced' });
        return true;
      case 'conflict': {
        const { key, holder } = result.conflict;
        const kind = holder
          ? holder.payloadSha256.equals(prepared.payloadSha256)
            ? 'same-payload'
            : 'different-payload'
          : undefined;
        const error = Object.assign(
          new Error(
            holder
              ? `business key ${key.type}=${key.value} is held by event ${holder.id}`
              : `business key ${key.type}=${key.value} is already taken`,
          ),
          { name: 'BusinessKeyConflict' },
        );
        const conflict: NonNullable<Parameters<typeof deadLetter>[4]['cause']['conflict']> = { key };
        if (holder) conflict.holder = { source: holder.source, id: holder.id };
        if (kind) conflict.kind = kind;
        return toDeadLetter({ reason: 'business-key-conflict', attempts: attempt, error, conflict });
      }
      case 'handler-error': {
        if (attempt >= attempts) {
          // Before blaming the event, make sure the database itself answers.
          try {
            await options.store.query('select 1');
          } catch (probe) {
            throw isInfrastructureSqlError(probe) ? probe : result.error;
          }
          return toDeadLetter({ reason: 'poison', attempts: attempt, error: result.error });
        }
        if (!(await retryAfter(attempt, result.error))) return false;
      }
    }
  }
}
