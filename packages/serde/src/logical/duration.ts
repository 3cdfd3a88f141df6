/** Avro `duration` (fixed 12): three unsigned 32-bit little-endian counts. */
export interface Duration {
  months: number;
  days: number;
  milliseconds: number;
}

function isUint32(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 0xffffffff;
}

export function checkDuration(v: unknown): string | undefined {
  if (typeof v !== 'object' || v === null) return 'expected a duration { months, days, milliseconds }';
  const d = v as Record<string, unknown>;
  for (const key of ['months', 'days', 'milliseconds']) {
    if (!isUint32(d[key])) return `duration ${key} must be an unsigned 32-bit integer`;
  }
  return undefined;
}

export function durationToBytes(v: Duration): Uint8Array {
  const out = new Uint8Array(12);
  const view = new DataView(out.buffer);
  view.setUint32(0, v.months, true);
  view.setUint32(4, v.days, true);
  view.setUint32(8, v.milliseconds, true);
  return out;
}

export function bytesToDuration(bytes: Uint8Array): Duration {
  const view = new DataView(bytes.buffer, bytes.byteOffset, 12);
  return {
    months: view.getUint32(0, true),
    days: view.getUint32(4, true),
    milliseconds: view.getUint32(8, true),
  };
}
