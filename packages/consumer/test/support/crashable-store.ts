import type { ConsumerStore, SqlClient } from '../../src/index.js';

/**
 * A store whose process can die: after `crash()` every statement fails as a terminated connection
 * (SQLSTATE 57P01) and an open transaction rolls back instead of committing, as it would after SIGKILL.
 */
export function crashable(inner: ConsumerStore): {
  store: ConsumerStore;
  crash(): void;
  readonly crashed: boolean;
  readonly transactions: number;
} {
  let dead = false;
  let transactions = 0;
  const fail = () =>
    Object.assign(new Error('terminating connection: the process crashed'), { code: '57P01' });
  const wrap = (client: SqlClient): SqlClient => ({
    async query(sql, params) {
      if (dead) throw fail();
      return client.query(sql, params);
    },
  });
  const base = wrap(inner);
  const store: ConsumerStore = {
    kind: inner.kind,
    query: base.query,
    async transaction(fn) {
      if (dead) throw fail();
      transactions++;
      return inner.transaction(async (tx) => {
        const result = await fn(wrap(tx));
        if (dead) throw fail();
        return result;
      });
    },
    close: () => inner.close(),
  };
  return {
    store,
    crash() {
      dead = true;
    },
    get crashed() {
      return dead;
    },
    get transactions() {
      return transactions;
    },
  };
}
