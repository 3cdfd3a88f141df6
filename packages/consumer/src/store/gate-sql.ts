import type { SqlClient } from './store.js';

/**
 * The statements of the per-record gate (../shared/reference/consumer.md §6). Offsets travel as
 * decimal text and are cast in SQL, so int64 never passes through a JS number on either backend.
 */

export interface PartitionRef {
  group: string;
  topic: string;
  partition: number;
}

export async function readNextOffset(db: SqlClient, ref: PartitionRef): Promise<bigint | undefined> {
  const r = await db.query<{ n: string }>(
    `select next_offset::text as n from charter_consumer_offset
      where group_id = $1 and topic = $2 and partition = $3`,
    [ref.group, ref.topic, ref.partition],
  );
  const n = r.rows[0]?.n;
  return n === undefined ? undefined : BigInt(n);
}

/**
 * The offset compare-and-set: moves `next_offset` to `next` only if it is still at or below `first`,
 * i.e. no other owner (a zombie, or the new owner after a rebalance) made any of these offsets durable.
 * Under READ COMMITTED a racing owner waits on the row lock, re-checks, and matches 0 rows.
 */
export async function claimOffsets(
  tx: SqlClient,
  ref: PartitionRef,
  first: bigint,
  next: bigint,
): Promise<boolean> {
  const r = await tx.query(
    `insert into charter_consumer_offset (group_id, topic, partition, next_offset)
     values ($1, $2, $3, $5::bigint)
     on conflict (group_id, topic, partition) do update
       set next_offset = excluded.next_offset, updated_at = now()
       where charter_consumer_offset.next_offset <= $4::bigint
     returning 1`,
    [ref.group, ref.topic, ref.partition, first.toString(), next.toString()],
  );
  return r.rowCount === 1;
}

/** Moves `next_offset` to `next` unconditionally: for the kit's rewind command only. */
export async function setNextOffset(tx: SqlClient, ref: PartitionRef, next: bigint): Promise<void> {
  await tx.query(
    `insert into charter_consumer_offset (group_id, topic, partition, next_offset)
     values ($1, $2, $3, $4::bigint)
     on conflict (group_id, topic, partition) do update set next_offset = excluded.next_offset, updated_at = now()`,
    [ref.group, ref.topic, ref.partition, next.toString()],
  );
}

export interface ProcessedRow {
  source: string;
  id: string;
  offset: bigint;
  payloadSha256: Buffer | undefined;
}

/** The event-id gate: true when this event was not seen before by the group. */
export async function insertApplied(
  tx: SqlClient,
  ref: PartitionRef,
  row: ProcessedRow,
  attempts: number,
): Promise<boolean> {
  const r = await tx.query(
    `insert into charter_processed_event
       (group_id, event_source, event_id, topic, partition, "offset", outcome, attempts, payload_sha256)
     values ($1, $2, $3, $4, $5, $6::bigint, 'applied', $7, $8)
     on conflict (group_id, event_source, event_id) do nothing
     returning 1`,
    [
      ref.group,
      row.source,
      row.id,
      ref.topic,
      ref.partition,
      row.offset.toString(),
      attempts,
      row.payloadSha256 ?? null,
    ],
  );
  return r.rowCount === 1;
}

/**
 * The batch form of the id gate: one statement for many events. Returns the offsets whose event was new;
 * within one statement a repeated id is inserted once, for its first (lowest) offset.
 */
export async function insertAppliedMany(
  tx: SqlClient,
  ref: PartitionRef,
  rows: readonly ProcessedRow[],
): Promise<Set<string>> {
  const r = await tx.query<{ o: string }>(
    `insert into charter_processed_event
       (group_id, event_source, event_id, topic, partition, "offset", outcome, attempts, payload_sha256)
     select $1, s, i, $2, $3, o, 'applied', 1, decode(h, 'hex')
       from unnest($4::text[], $5::text[], $6::bigint[], $7::text[]) with ordinality as u(s, i, o, h, n)
      order by n
     on conflict (group_id, event_source, event_id) do nothing
     returning "offset"::text as o`,
    [
      ref.group,
      ref.topic,
      ref.partition,
      rows.map((row) => row.source),
      rows.map((row) => row.id),
      rows.map((row) => row.offset.toString()),
      rows.map((row) => row.payloadSha256?.toString('hex') ?? null),
    ],
  );
  return new Set(r.rows.map((row) => row.o));
}

export interface ProcessedEvent {
  outcome: 'applied' | 'dead_lettered';
  reason: string | null;
  attempts: number;
  topic: string;
  partition: number;
  offset: bigint;
}

export async function readProcessed(
  db: SqlClient,
  group: string,
  source: string,
  id: string,
): Promise<ProcessedEvent | undefined> {
  const r = await db.query<{
    outcome: 'applied' | 'dead_lettered';
    reason: string | null;
    attempts: number;
    topic: string;
    partition: number;
    o: string;
  }>(
    `select outcome, reason, attempts, topic, partition, "offset"::text as o
       from charter_processed_event where group_id = $1 and event_source = $2 and event_id = $3`,
    [group, source, id],
  );
  const row = r.rows[0];
  if (!row) return undefined;
  return {
    outcome: row.outcome,
    reason: row.reason,
    attempts: row.attempts,
    topic: row.topic,
    partition: row.partition,
    offset: BigInt(row.o),
  };
}

/** Outcomes of several events of a group, keyed `source \u0000 id`. */
export async function readOutcomes(
  db: SqlClient,
  group: string,
  events: readonly { source: string; id: string }[],
): Promise<Map<string, 'applied' | 'dead_lettered'>> {
  const r = await db.query<{ s: string; i: string; outcome: 'applied' | 'dead_lettered' }>(
    `select p.event_source as s, p.event_id as i, p.outcome
       from charter_processed_event p
       join unnest($2::text[], $3::text[]) as u(s, i) on p.event_source = u.s and p.event_id = u.i
      where p.group_id = $1`,
    [group, events.map((e) => e.source), events.map((e) => e.id)],
  );
  return new Map(r.rows.map((row) => [`${row.s}\u0000${row.i}`, row.outcome]));
}

/** Replay: the one-shot `dead_lettered → applied` transition. True for exactly one transaction. */
export async function reviveDeadLettered(
  tx: SqlClient,
  ref: PartitionRef,
  row: ProcessedRow,
  attempts: number,
): Promise<boolean> {
  const r = await tx.query(
    `update charter_processed_event
        set outcome = 'applied', reason = null, topic = $4, partition = $5, "offset" = $6::bigint,
            attempts = $7, processed_at = now()
      where group_id = $1 and event_source = $2 and event_id = $3 and outcome = 'dead_lettered'
      returning 1`,
    [ref.group, row.source, row.id, ref.topic, ref.partition, row.offset.toString(), attempts],
  );
  return r.rowCount === 1;
}

export interface BusinessKey {
  /** What the key identifies, e.g. `order-id`. */
  type: string;
  value: string;
}

export interface KeyHolder {
  source: string;
  id: string;
  payloadSha256: Buffer;
}

export async function claimBusinessKey(
  tx: SqlClient,
  group: string,
  key: BusinessKey,
  holder: KeyHolder,
): Promise<boolean> {
  const r = await tx.query(
    `insert into charter_business_key (group_id, key_type, key_value, event_source, event_id, payload_sha256)
     values ($1, $2, $3, $4, $5, $6)
     on conflict (group_id, key_type, key_value) do nothing
     returning 1`,
    [group, key.type, key.value, holder.source, holder.id, holder.payloadSha256],
  );
  return r.rowCount === 1;
}

/** The batch form of the claims: returns the indexes of the claims that were taken. */
export async function claimBusinessKeysMany(
  tx: SqlClient,
  group: string,
  claims: readonly { key: BusinessKey; holder: KeyHolder }[],
): Promise<Set<number>> {
  const r = await tx.query<{ n: string }>(
    `with input as (
       select t, v, s, i, h, n
         from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
              with ordinality as u(t, v, s, i, h, n)),
     taken as (
       insert into charter_business_key (group_id, key_type, key_value, event_source, event_id, payload_sha256)
       select $1, t, v, s, i, decode(h, 'hex') from input order by n
       on conflict (group_id, key_type, key_value) do nothing
       returning key_type, key_value, event_source, event_id)
     select input.n::text as n from input
       join taken on taken.key_type = input.t and taken.key_value = input.v
                 and taken.event_source = input.s and taken.event_id = input.i`,
    [
      group,
      claims.map((c) => c.key.type),
      claims.map((c) => c.key.value),
      claims.map((c) => c.holder.source),
      claims.map((c) => c.holder.id),
      claims.map((c) => c.holder.payloadSha256.toString('hex')),
    ],
  );
  return new Set(r.rows.map((row) => Number(row.n) - 1));
}

export async function readKeyHolder(
  db: SqlClient,
  group: string,
  key: BusinessKey,
): Promise<KeyHolder | undefined> {
  const r = await db.query<{ s: string; i: string; h: string }>(
    `select event_source as s, event_id as i, encode(payload_sha256, 'hex') as h
       from charter_business_key where group_id = $1 and key_type = $2 and key_value = $3`,
    [group, key.type, key.value],
  );
  const row = r.rows[0];
  return row ? { source: row.s, id: row.i, payloadSha256: Buffer.from(row.h, 'hex') } : undefined;
}

export interface DeadLetterRow extends ProcessedRow {
  reason: string;
  attempts: number;
  dltTopic: string;
  dltPartition: number | undefined;
  dltOffset: string | undefined;
}

/**
 * Records a dead letter after the DLT acknowledged it. A row that is already `applied` stays applied:
 * the event's effects are durable and the DLT copy is a harmless duplicate.
 */
export async function recordDeadLetter(tx: SqlClient, ref: PartitionRef, row: DeadLetterRow): Promise<void> {
  await tx.query(
    `insert into charter_processed_event
       (group_id, event_source, event_id, topic, partition, "offset", outcome, reason, attempts,
        dlt_topic, dlt_partition, dlt_offset, payload_sha256)
     values ($1, $2, $3, $4, $5, $6::bigint, 'dead_lettered', $7, $8, $9, $10, $11::bigint, $12)
     on conflict (group_id, event_source, event_id) do update
       set topic = excluded.topic, partition = excluded.partition, "offset" = excluded."offset",
           reason = excluded.reason, attempts = excluded.attempts, dlt_topic = excluded.dlt_topic,
           dlt_partition = excluded.dlt_partition, dlt_offset = excluded.dlt_offset,
           processed_at = now()
       where charter_processed_event.outcome = 'dead_lettered'`,
    [
      ref.group,
      row.source,
      row.id,
      ref.topic,
      ref.partition,
      row.offset.toString(),
      row.reason,
      row.attempts,
      row.dltTopic,
      row.dltPartition ?? null,
      row.dltOffset ?? null,
      row.payloadSha256 ?? null,
    ],
  );
}
