import {
  claimBusinessKeysMany,
  claimOffsets,
  insertAppliedMany,
  type PartitionRef,
  readOutcomes,
} from '../store/gate-sql.js';
import type { ConsumerKitOptions } from './options.js';
import type { PreparedRecord } from './prepare.js';
import { isInfrastructureSqlError, withTransientRetry } from './store-errors.js';

export type ChunkResult =
  | { kind: 'applied'; applied: PreparedRecord<unknown>[]; duplicates: PreparedRecord<unknown>[] }
  /**
   * Nothing was written. `anomalyAt` is the first record that needs the per-record path (a dead letter
   * being replayed, a business-key conflict, a handler error); the records before it may form a smaller
   * chunk. Without it (the offset compare-and-set lost to another owner) every record goes one by one.
   * A handler error counts as the failing record's first attempt.
   */
  | { kind: 'fallback'; anomalyAt?: bigint; handlerError?: unknown };

class Fallback extends Error {
  constructor(
    readonly anomalyAt?: bigint,
    readonly handlerError?: unknown,
  ) {
    super('fallback');
  }
}

const eventKey = (r: { identity: { source: string; id: string } }) =>
  `${r.identity.source}\u0000${r.identity.id}`;

/**
 * Several consecutive records in one transaction with set-based statements: one compare-and-set over the
 * whole offset range, one id insert, one claim insert, then each handler. PGlite's cost is per statement,
 * so this is what lifts throughput above one transaction per event. Repeats of applied events are skipped
 * inside the chunk; anything else unusual rolls the whole chunk back and the caller splits it, so every
 * outcome is the one the per-record gate gives.
 */
export async function runChunkGate<E>(
  options: ConsumerKitOptions<E>,
  ref: PartitionRef,
  records: readonly PreparedRecord<E>[],
): Promise<ChunkResult> {
  const first = records[0]!.offset;
  const last = records[records.length - 1]!.offset;
  const all = records as readonly PreparedRecord<unknown>[];
  try {
    return await withTransientRetry(() =>
      options.store.transaction(async (tx): Promise<ChunkResult> => {
        if (!(await claimOffsets(tx, ref, first, last + 1n))) throw new Fallback();
        const firstOfEvent = new Map<string, PreparedRecord<unknown>>();
        const duplicates: PreparedRecord<unknown>[] = [];
        for (const r of all) {
          if (firstOfEvent.has(eventKey(r))) duplicates.push(r);
          else firstOfEvent.set(eventKey(r), r);
        }
        const candidates = [...firstOfEvent.values()];
        const inserted = await insertAppliedMany(
          tx,
          ref,
          candidates.map((r) => ({
            source: r.identity.source,
            id: r.identity.id,
            offset: r.offset,
            payloadSha256: r.payloadSha256,
          })),
        );
        const seenBefore = candidates.filter((r) => !inserted.has(r.offset.toString()));
        if (seenBefore.length > 0) {
          const outcomes = await readOutcomes(
            tx,
            ref.group,
            seenBefore.map((r) => r.identity),
          );
          // A dead letter coming back is revived by the per-record path only.
          const revival = seenBefore.find((r) => outcomes.get(eventKey(r)) !== 'applied');
          if (revival) throw new Fallback(revival.offset);
          duplicates.push(...seenBefore);
        }
        const fresh = candidates.filter((r) => inserted.has(r.offset.toString()));
        const claims = fresh.flatMap((r) =>
          r.keys.map((key) => ({
            record: r,
            key,
            holder: { source: r.identity.source, id: r.identity.id, payloadSha256: r.payloadSha256 },
          })),
        );
        if (claims.length > 0) {
          const taken = await claimBusinessKeysMany(tx, ref.group, claims);
          const lost = claims.findIndex((_, index) => !taken.has(index));
          if (lost >= 0) throw new Fallback(claims[lost]!.record.offset);
        }
        for (const r of fresh) {
          try {
            await options.handle(r.event as E, {
              tx,
              topic: ref.topic,
              partition: ref.partition,
              message: r.message,
              eventId: r.identity,
              attempt: 1,
            });
          } catch (error) {
            if (isInfrastructureSqlError(error)) throw error;
            throw new Fallback(r.offset, error);
          }
        }
        return { kind: 'applied', applied: fresh, duplicates };
      }),
    );
  } catch (error) {
    if (!(error instanceof Fallback)) throw error;
    const result: ChunkResult = { kind: 'fallback' };
    if (error.anomalyAt !== undefined) result.anomalyAt = error.anomalyAt;
    if (error.handlerError !== undefined) result.handlerError = error.handlerError;
    return result;
  }
}
