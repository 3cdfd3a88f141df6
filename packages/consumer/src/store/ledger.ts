import type { SqlClient } from './store.js';

export interface LedgerRow {
  source: string;
  id: string;
  topic: string;
  partition: number;
  offset: string;
  outcome: 'applied' | 'dead_lettered';
  reason: string | null;
  attempts: number;
  dltTopic: string | null;
}

/** The outcome ledger of a group, oldest offset first: for tools, tests and operators. */
export async function readLedger(db: SqlClient, group: string): Promise<LedgerRow[]> {
  const r = await db.query<{
    s: string;
    i: string;
    topic: string;
    partition: number;
    o: string;
    outcome: 'applied' | 'dead_lettered';
    reason: string | null;
    attempts: number;
    dlt_topic: string | null;
  }>(
    `select event_source as s, event_id as i, topic, partition, "offset"::text as o, outcome, reason, attempts, dlt_topic
       from charter_processed_event where group_id = $1
      order by topic, partition, "offset", event_source, event_id`,
    [group],
  );
  return r.rows.map((row) => ({
    source: row.s,
    id: row.i,
    topic: row.topic,
    partition: row.partition,
    offset: row.o,
    outcome: row.outcome,
    reason: row.reason,
    attempts: row.attempts,
    dltTopic: row.dlt_topic,
  }));
}

/**
 * Deletes `applied` id rows older than `olderThanMs`, in chunks, and returns how many went. Retention must
 * exceed the window in which a producer can send the same event again; the offset rows still stop any
 * redelivery of an applied offset. Dead letters stay: they are the replay ledger.
 */
export async function purgeProcessedEvents(
  db: SqlClient,
  options: { olderThanMs: number; chunk?: number },
): Promise<number> {
  const chunk = options.chunk ?? 10_000;
  let total = 0;
  for (;;) {
    const r = await db.query(
      `delete from charter_processed_event where ctid in (
         select ctid from charter_processed_event
          where outcome = 'applied' and processed_at < now() - ($1::bigint * interval '1 millisecond')
          limit $2)`,
      [String(options.olderThanMs), chunk],
    );
    total += r.rowCount;
    if (r.rowCount < chunk) return total;
  }
}
