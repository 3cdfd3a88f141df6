import {
  type BusinessKey,
  claimBusinessKey,
  claimOffsets,
  insertApplied,
  type KeyHolder,
  type PartitionRef,
  readKeyHolder,
  readProcessed,
  reviveDeadLettered,
} from '../store/gate-sql.js';
import type { SqlClient } from '../store/store.js';
import type { ConsumerKitOptions } from './options.js';
import type { PreparedRecord } from './prepare.js';
import { isInfrastructureSqlError, sqlState, withTransientRetry } from './store-errors.js';

export interface KeyConflict {
  key: BusinessKey;
  holder?: KeyHolder;
}

export type GateResult =
  | { kind: 'applied'; replayed: boolean }
  | { kind: 'duplicate' }
  | { kind: 'fenced' }
  | { kind: 'conflict'; conflict: KeyConflict }
  | { kind: 'handler-error'; error: unknown };

/** Carries a result out of `transaction()` so that it rolls back. */
class Rollback extends Error {
  constructor(readonly result: GateResult) {
    super(result.kind);
  }
}

/** Maps a unique violation raised by the handler on a declared business-key constraint to a conflict. */
export function constraintConflict(
  options: ConsumerKitOptions<unknown>,
  error: unknown,
): KeyConflict | undefined {
  if (sqlState(error) !== '23505') return undefined;
  const constraint = (error as { constraint?: unknown }).constraint;
  if (typeof constraint !== 'string') return undefined;
  const type = options.businessKeyConstraints?.[constraint];
  if (type === undefined) return undefined;
  const detail = (error as { detail?: unknown }).detail;
  const value = typeof detail === 'string' ? (/\)=\((.*)\) already exists/.exec(detail)?.[1] ?? '') : '';
  return { key: { type, value } };
}

/** Claims the keys in order; the first one held by another event is the conflict. */
export async function claimKeys(
  tx: SqlClient,
  group: string,
  record: PreparedRecord<unknown>,
): Promise<KeyConflict | undefined> {
  const me: KeyHolder = {
    source: record.identity.source,
    id: record.identity.id,
    payloadSha256: record.payloadSha256,
  };
  for (const key of record.keys) {
    if (await claimBusinessKey(tx, group, key, me)) continue;
    const holder = await readKeyHolder(tx, group, key);
    if (holder && holder.source === me.source && holder.id === me.id) continue;
    return holder ? { key, holder } : { key };
  }
  return undefined;
}

/**
 * One record, one transaction (reference §6, steps 3 to 7): offset compare-and-set, event-id gate (or the
 * one-shot revival of a dead-lettered id on replay), business-key claims, then the handler with the
 * transaction. Everything but `applied`/`duplicate`/`fenced` rolls back.
 */
export async function runRecordGate<E>(
  options: ConsumerKitOptions<E>,
  ref: PartitionRef,
  record: PreparedRecord<E>,
  attempt: number,
): Promise<GateResult> {
  const row = {
    source: record.identity.source,
    id: record.identity.id,
    offset: record.offset,
    payloadSha256: record.payloadSha256,
  };
  try {
    return await withTransientRetry(() =>
      options.store.transaction(async (tx): Promise<GateResult> => {
        if (!(await claimOffsets(tx, ref, record.offset, record.offset + 1n)))
          throw new Rollback({ kind: 'fenced' });
        let replayed = false;
        if (!(await insertApplied(tx, ref, row, attempt))) {
          const seen = await readProcessed(tx, ref.group, row.source, row.id);
          if (seen?.outcome !== 'dead_lettered' || !(await reviveDeadLettered(tx, ref, row, attempt))) {
            return { kind: 'duplicate' };
          }
          replayed = true;
        }
        const conflict = await claimKeys(tx, ref.group, record as PreparedRecord<unknown>);
        if (conflict) throw new Rollback({ kind: 'conflict', conflict });
        try {
          await options.handle(record.event, {
            tx,
            topic: ref.topic,
            partition: ref.partition,
            message: record.message,
            eventId: record.identity,
            attempt,
          });
        } catch (error) {
          if (isInfrastructureSqlError(error)) throw error;
          const fromConstraint = constraintConflict(options as ConsumerKitOptions<unknown>, error);
          throw new Rollback(
            fromConstraint
              ? { kind: 'conflict', conflict: fromConstraint }
              : { kind: 'handler-error', error },
          );
        }
        return { kind: 'applied', replayed };
      }),
    );
  } catch (error) {
    if (error instanceof Rollback) return error.result;
    throw error;
  }
}
