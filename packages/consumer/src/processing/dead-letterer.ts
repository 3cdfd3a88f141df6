import { buildDeadLetterMessage, type DeadLetterCause } from '../dlt/dead-letter-message.js';
import { defaultDeadLetterTopic } from '../dlt/dlt-headers.js';
import type { EventIdentity } from '../event/event-identity.js';
import type { ConsumedMessage, EachBatchPayloadPort, RecordMetadataPort } from '../kafka/ports.js';
import { claimOffsets, type PartitionRef, recordDeadLetter } from '../store/gate-sql.js';
import type { Clock } from './clock.js';
import type { ConsumerKitOptions } from './options.js';
import { backoffAt, type StopSignal, sleepHeartbeating } from './pacing.js';
import { withTransientRetry } from './store-errors.js';

export const DEFAULT_SEND_BACKOFF_MS = [500, 1_000, 2_000, 5_000, 10_000];

export interface DeadLetterJob {
  ref: PartitionRef;
  message: ConsumedMessage;
  identity: EventIdentity;
  payloadSha256: Buffer;
  cause: DeadLetterCause;
}

/**
 * The DLT path (reference §6): (a) produce and await the ack, retrying the same record with back-off and
 * never skipping it; (b) one transaction with the offset compare-and-set and the `dead_lettered` ledger
 * row; the caller then resolves. Returns false, with nothing written, when the loop must stop first.
 */
export async function deadLetter<E>(
  options: ConsumerKitOptions<E>,
  clock: Clock,
  payload: EachBatchPayloadPort,
  stop: StopSignal,
  job: DeadLetterJob,
): Promise<'recorded' | 'fenced' | 'stopped'> {
  const { ref, message } = job;
  const dltTopic = (options.deadLetter?.topic ?? defaultDeadLetterTopic)(ref.topic);
  const outgoing = buildDeadLetterMessage(
    { topic: ref.topic, partition: ref.partition, group: ref.group, message },
    job.cause,
    new Date(clock.now()),
    options.deadLetter?.samePartition ? ref.partition : undefined,
  );
  const schedule = options.deadLetter?.sendBackoffMs ?? DEFAULT_SEND_BACKOFF_MS;
  let metadata: RecordMetadataPort | undefined;
  for (let failures = 0; ; failures++) {
    if (stop.shouldStop()) return 'stopped';
    try {
      const acks = await options.producer.send({ topic: dltTopic, messages: [outgoing], acks: -1 });
      metadata = acks[0];
      break;
    } catch (error) {
      const delayMs = backoffAt(schedule, failures);
      options.observer?.({
        type: 'dead-letter-send-failed',
        topic: ref.topic,
        partition: ref.partition,
        offset: message.offset,
        attempt: failures + 1,
        delayMs,
        error,
      });
      if (!(await sleepHeartbeating(clock, payload, stop, delayMs))) return 'stopped';
    }
  }
  const offset = BigInt(message.offset);
  const recorded = await withTransientRetry(() =>
    options.store.transaction(async (tx) => {
      if (!(await claimOffsets(tx, ref, offset, offset + 1n))) return false;
      await recordDeadLetter(tx, ref, {
        source: job.identity.source,
        id: job.identity.id,
        offset,
        payloadSha256: job.payloadSha256,
        reason: job.cause.reason,
        attempts: job.cause.attempts,
        dltTopic,
        dltPartition: metadata?.partition,
        dltOffset: metadata?.baseOffset ?? metadata?.offset,
      });
      return true;
    }),
  );
  if (!recorded) return 'fenced';
  options.observer?.({
    type: 'dead-lettered',
    topic: ref.topic,
    partition: ref.partition,
    offset: message.offset,
    reason: job.cause.reason,
    dltTopic,
    eventId: job.identity,
  });
  return 'recorded';
}
