import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { type ConsumerStore, openPgliteStore, openPostgresStore } from '../../src/index.js';

/** Where a test's store lives; `open` may be called again after `close`, as a restarted process does. */
export interface StoreLocation {
  open(): Promise<ConsumerStore>;
  describe: string;
}

export interface Backend {
  name: 'pglite' | 'postgres';
  /** Why the backend cannot run here, for the test name; undefined when it can. */
  skip: string | undefined;
  create(): Promise<StoreLocation>;
}

let counter = 0;

export const pgliteBackend: Backend = {
  name: 'pglite',
  skip: undefined,
  async create() {
    const dir = join(mkdtempSync(join(tmpdir(), 'charter-consumer-')), 'store');
    cpSync(inject('pgliteTemplate'), dir, { recursive: true });
    return { describe: dir, open: () => openPgliteStore({ dir }) };
  },
};

const postgres = inject('postgres');

export const postgresBackend: Backend = {
  name: 'postgres',
  skip: postgres.skip,
  async create() {
    const admin = new pg.Client({ connectionString: postgres.url });
    await admin.connect();
    const database = `charter_${process.pid}_${++counter}_${Date.now() % 100000}`;
    try {
      await admin.query(`create database ${database}`);
    } finally {
      await admin.end();
    }
    const url = postgres.url!.replace(/\/postgres$/, `/${database}`);
    return { describe: url, open: () => openPostgresStore({ connectionString: url }) };
  },
};

export const BACKENDS: Backend[] = [pgliteBackend, postgresBackend];

/** The name a scenario runs under: a skipped backend says why in the test name. */
export function backendTitle(backend: Backend): string {
  return backend.skip ? `${backend.name} (skipped: ${backend.skip})` : backend.name;
}
