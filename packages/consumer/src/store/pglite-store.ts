import { mkdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { PGlite, Transaction } from '@electric-sql/pglite';
import { acquireLockFile } from './lock-file.js';
import { migrateStore } from './schema.js';
import type { ConsumerStore, SqlClient, SqlResult } from './store.js';

export interface PgliteStoreOptions {
  /** The PGlite data directory; created (with initdb, a few seconds) when missing. */
  dir: string;
}

type Queryable = Pick<PGlite | Transaction, 'query'>;

function client(db: Queryable): SqlClient {
  return {
    async query<R>(sql: string, params: readonly unknown[] = []): Promise<SqlResult<R>> {
      const result = await db.query<R>(sql, params as unknown[]);
      return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
    },
  };
}

/** The lock file sits beside the data directory, so PGlite's initdb sees an empty or absent directory. */
export function pgliteLockPath(dir: string): string {
  const abs = resolve(dir);
  return join(dirname(abs), `.${basename(abs)}.charter-lock`);
}

/**
 * Opens the embedded store for a single-process consumer. PGlite neither locks its directory nor
 * fsyncs, so the store takes an exclusive lock file first (CON001 when another live process holds it)
 * and does not survive an OS crash or power loss; a consumer group with several instances uses
 * `openPostgresStore` instead.
 */
export async function openPgliteStore(options: PgliteStoreOptions): Promise<ConsumerStore> {
  const dir = resolve(options.dir);
  mkdirSync(dirname(dir), { recursive: true });
  const lock = acquireLockFile(pgliteLockPath(dir), `the PGlite store ${dir}`);
  let db: PGlite;
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    db = await PGlite.create(dir);
  } catch (error) {
    lock.release();
    throw error;
  }
  const base = client(db);
  let closed = false;
  const store: ConsumerStore = {
    kind: 'pglite',
    query: base.query,
    transaction: (fn) => db.transaction((tx) => fn(client(tx))),
    async close() {
      if (closed) return;
      closed = true;
      try {
        await db.close();
      } finally {
        lock.release();
      }
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
