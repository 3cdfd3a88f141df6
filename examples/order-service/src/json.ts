/** JSON for events: dates as ISO strings, bytes as hex, bigints as strings. */
export function eventJson(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, v: unknown) {
    const raw = this[key];
    if (raw instanceof Date) return raw.toISOString();
    if (raw instanceof Uint8Array) return Buffer.from(raw).toString('hex');
    if (typeof v === 'bigint') return v.toString();
    return v;
  });
}
