import { DiagnosticError } from '@charter/diagnostics';
import type { ConsumerStore } from './store.js';

export const STORE_SCHEMA_VERSION = 1;

/** Tables carry a `charter_` prefix so they can live in the service's own database, next to its tables. */
const DDL = `
create table if not exists charter_consumer_offset (
  group_id text not null,
  topic text not null,
  partition int not null,
  next_offset bigint not null,
  updated_at timestamptz not null default now(),
  primary key (group_id, topic, partition));

create table if not exists charter_processed_event (
  group_id text not null,
  event_source text not null,
  event_id text not null,
  topic text not null,
  partition int not null,
  "offset" bigint not null,
  outcome text not null check (outcome in ('applied', 'dead_lettered')),
  reason text,
  attempts int not null default 1,
  dlt_topic text,
  dlt_partition int,
  dlt_offset bigint,
  payload_sha256 bytea,
  processed_at timestamptz not null default now(),
  primary key (group_id, event_source, event_id));

create index if not exists charter_processed_event_age
  on charter_processed_event (processed_at) where outcome = 'applied';

create table if not exists charter_business_key (
  group_id text not null,
  key_type text not null,
  key_value text not null,
  event_source text not null,
  event_id text not null,
  payload_sha256 bytea not null,
  claimed_at timestamptz not null default now(),
  primary key (group_id, key_type, key_value));

create table if not exists charter_store_meta (
  schema_version int not null,
  created_at timestamptz not null default now());
`;

/** An arbitrary constant for the advisory lock that serialises concurrent migrations on a shared server. */
const MIGRATION_LOCK = 724_511_907;

/** Creates the kit's tables when missing; refuses a store written by a newer kit. Idempotent. */
export async function migrateStore(store: ConsumerStore): Promise<void> {
  // The usual case takes no lock and runs no DDL (DDL would wait on the locks of running consumers).
  const exists = await store.query<{ t: string | null }>(
    `select to_regclass('charter_store_meta')::text as t`,
  );
  if (exists.rows[0]?.t) {
    const meta = await store.query<{ v: number | null }>(
      'select max(schema_version) as v from charter_store_meta',
    );
    if (meta.rows[0]?.v === STORE_SCHEMA_VERSION) return;
  }
  await store.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    for (const statement of DDL.split(';')) {
      if (statement.trim()) await tx.query(statement);
    }
    const meta = await tx.query<{ v: number }>('select max(schema_version) as v from charter_store_meta');
    const version = meta.rows[0]?.v ?? null;
    if (version === null) {
      await tx.query('insert into charter_store_meta (schema_version) values ($1)', [STORE_SCHEMA_VERSION]);
    } else if (version > STORE_SCHEMA_VERSION) {
      throw new DiagnosticError([
        {
          code: 'CON003',
          severity: 'error',
          message: `the consumer store has schema version ${version}; this kit knows version ${STORE_SCHEMA_VERSION}`,
          hint: 'upgrade @charter/consumer in this service',
        },
      ]);
    }
  });
}
