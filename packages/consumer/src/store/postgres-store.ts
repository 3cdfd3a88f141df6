import pg from 'pg';
import { migrateStore } from './schema.js';
import type { ConsumerStore, SqlClient, SqlResult } from './store.js';

export type PostgresStoreOptions =
  | { connectionString: string; max?: number }
  /** A pool the service already owns (the handler's tables live in the same database); not closed by the store. */
  | { pool: pg.Pool };

function client(db: pg.Pool | pg.PoolClient): SqlClient {
  return {
    async query<R>(sql: string, params: readonly unknown[] = []): Promise<SqlResult<R>> {
      const result = await db.query(sql, params as unknown[]);
      return { rows: result.rows as R[], rowCount: result.rowCount ?? result.rows.length };
    },
  };
}

/** The store for consumer groups with several instances: a shared PostgreSQL through `pg`, same SQL. */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<ConsumerStore> {
  const owned = !('pool' in options);
  const pool =
    'pool' in options
      ? options.pool
      : new pg.Pool({ connectionString: options.connectionString, max: options.max ?? 4 });
  // An idle connection that dies emits 'error' on the pool; the next query reports it instead.
  if (owned) pool.on('error', () => {});
  const base = client(pool);
  const store: ConsumerStore = {
    kind: 'postgres',
    query: base.query,
    async transaction(fn) {
      const connection = await pool.connect();
      let broken: Error | undefined;
      try {
        try {
          await connection.query('begin');
        } catch (error) {
          broken = error as Error;
          throw error;
        }
        try {
          const result = await fn(client(connection));
          const done = await connection.query('commit');
          // COMMIT of a transaction that an error aborted (e.g. a handler that swallowed it) rolls back.
          if (done.command === 'ROLLBACK') {
            throw Object.assign(new Error('the transaction was aborted and rolled back at commit'), {
              code: '25P02',
            });
          }
          return result;
        } catch (error) {
          try {
            await connection.query('rollback');
          } catch (rollbackError) {
            broken = rollbackError as Error;
          }
          throw error;
        }
      } finally {
        // A connection whose rollback failed is in an unknown state: destroy it rather than reuse it.
        connection.release(broken);
      }
    },
    async close() {
      if (owned) await pool.end();
    },
  };
  try {
    await migrateStore(store);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
