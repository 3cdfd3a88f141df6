import type { StoredRecord } from '../../src/index.js';

/** The last value of a stored header as text (for assertions). */
export function text(record: StoredRecord, name: string): string | undefined {
  const v = record.headers[name];
  const last = Array.isArray(v) ? v[v.length - 1] : v;
  return last?.toString('utf8');
}

export function raw(record: StoredRecord, name: string): Buffer | undefined {
  const v = record.headers[name];
  return Array.isArray(v) ? v[v.length - 1] : v;
}
