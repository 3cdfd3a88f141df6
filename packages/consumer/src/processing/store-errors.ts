/** SQLSTATEs after which the same transaction may simply run again. */
const TRANSIENT = new Set(['40001', '40P01']);

export function sqlState(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

export function isTransientSqlError(error: unknown): boolean {
  const state = sqlState(error);
  return state !== undefined && TRANSIENT.has(state);
}

/**
 * Errors that say the database, not the event, is at fault: connection exceptions (08), operator
 * intervention (57), insufficient resources (53), system errors (58). They never dead-letter an event.
 */
export function isInfrastructureSqlError(error: unknown): boolean {
  const state = sqlState(error);
  return state !== undefined && /^(08|53|57|58|XX)/.test(state);
}

/** Runs a transaction again after a serialization failure or deadlock, a few times. */
export async function withTransientRetry<T>(run: () => Promise<T>, tries = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= tries || !isTransientSqlError(error)) throw error;
    }
  }
}
