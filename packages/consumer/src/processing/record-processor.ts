import type { EachBatchPayloadPort } from '../kafka/ports.js';
import type { PartitionRef } from '../store/gate-sql.js';
import type { BatchContext } from './batch-context.js';
import { type DeadLetterJob, deadLetter } from './dead-letterer.js';
import { backoffAt, type StopSignal, sleepHeartbeating } from './pacing.js';
import type { Prepared } from './prepare.js';
import { type KeyConflict, runRecordGate } from './record-gate.js';
import { isInfrastructureSqlError } from './store-errors.js';

export const DEFAULT_RETRY_BACKOFF_MS = [200, 1_000, 5_000];

function conflictCause(
  conflict: KeyConflict,
  payloadSha256: Buffer,
  attempts: number,
): DeadLetterJob['cause'] {
  const { key, holder } = conflict;
  const error = Object.assign(
    new Error(
      holder
        ? `business key ${key.type}=${key.value} is held by event ${holder.id}`
        : `business key ${key.type}=${key.value} is already taken`,
    ),
    { name: 'BusinessKeyConflict' },
  );
  const detail: NonNullable<DeadLetterJob['cause']['conflict']> = { key };
  if (holder) {
    detail.holder = { source: holder.source, id: holder.id };
    detail.kind = holder.payloadSha256.equals(payloadSha256) ? 'same-payload' : 'different-payload';
  }
  return { reason: 'business-key-conflict', attempts, error, conflict: detail };
}

/**
 * One record through the per-record gate, with retries and the DLT path. Returns true when its outcome is
 * durable (applied, duplicate, fenced or dead-lettered) and false when the batch must stop first.
 */
export async function processRecord<E>(
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
  const toDeadLetter = async (cause: DeadLetterJob['cause']) => {
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
      case 'conflict':
        return toDeadLetter(conflictCause(result.conflict, prepared.payloadSha256, attempt));
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
