import {
  claimBusinessKeysMany,
  claimOffsets,
  insertAppliedMany,
  type PartitionRef,
} from '../store/gate-sql.js';
import type { ConsumerKitOptions } from './options.js';
import type { PreparedRecord } from './prepare.js';
import { isInfrastructureSqlError, withTransientRetry } from './store-errors.js';

export type ChunkResult =
  | { kind: 'applied'; applied: PreparedRecord<unknown>[]; duplicates: PreparedRecord<unknown>[] }
  /**
   * Something needs the per-record path (fencing, a replay, a conflict, a handler error); nothing was
   * written. A handler error counts as the failing record's first attempt.
   */
  | { kind: 'fallback'; handlerFailure?: { offset: bigint; error: unknown } };

class Fallback extends Error {
  constructor(readonly handlerFailure?: { offset: bigint; error: unknown }) {
    super('fallback');
  }
}

const eventKey = (r: PreparedRecord<unknown>) => `${r.identity.source}\u0000${r.identity.id}`;

/**
 * Several consecutive records in one transaction with set-based statements: one compare-and-set over the
 * whole offset range, one id insert, one claim insert, then each handler. PGlite's cost is per statement,
 * so this is what lifts throughput above one transaction per event. Any anomaly rolls the whole chunk back
 * and the caller replays it record by record, so the outcome is the same as the per-record gate's.
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
        const repeated: PreparedRecord<unknown>[] = [];
        for (const r of all) {
          if (firstOfEvent.has(eventKey(r))) repeated.push(r);
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
        // An id seen before may be a dead letter being replayed, which only the per-record path revives.
        if (inserted.size !== candidates.length) throw new Fallback();
        const claims = candidates.flatMap((r) =>
          r.keys.map((key) => ({
            key,
            holder: { source: r.identity.source, id: r.identity.id, payloadSha256: r.payloadSha256 },
          })),
        );
        if (claims.length > 0) {
          const taken = await claimBusinessKeysMany(tx, ref.group, claims);
          if (taken.size !== claims.length) throw new Fallback();
        }
        for (const r of candidates) {
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
            throw new Fallback({ offset: r.offset, error });
          }
        }
        return { kind: 'applied', applied: candidates, duplicates: repeated };
      }),
    );
  } catch (error) {
    if (error instanceof Fallback) {
      return error.handlerFailure
        ? { kind: 'fallback', handlerFailure: error.handlerFailure }
        : { kind: 'fallback' };
    }
    throw error;
  }
}
