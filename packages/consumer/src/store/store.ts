/** What a query returns on either backend; `rowCount` is the number of rows written or returned. */
export interface SqlResult<R> {
  rows: R[];
  rowCount: number;
}

/** A connection or an open transaction: the same `$1` SQL runs on PGlite and PostgreSQL. */
export interface SqlClient {
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<SqlResult<R>>;
}

/**
 * The kit's database. The handler receives the transaction (`SqlClient`) that also holds the offset
 * compare-and-set, the event-id row and the business-key claims, so its writes commit with them.
 */
export interface ConsumerStore extends SqlClient {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
