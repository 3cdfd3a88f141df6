import type { MessageHeaders } from './ports.js';

/** The last value of a header, as Java's `Headers.lastHeader`: kafkajs returns repeated keys as arrays. */
export function lastHeader(headers: MessageHeaders | undefined, name: string): Buffer | undefined {
  const raw = headers?.[name];
  if (raw === undefined) return undefined;
  const value = Array.isArray(raw) ? raw[raw.length - 1] : raw;
  if (value === undefined) return undefined;
  return typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
}

export function headerString(headers: MessageHeaders | undefined, name: string): string | undefined {
  return lastHeader(headers, name)?.toString('utf8');
}

/**
 * Reads an integer header written either the way Spring writes it (4-byte int32 or 8-byte int64,
 * big-endian) or as decimal text written by hand. Returns undefined when it is neither.
 */
export function headerInteger(headers: MessageHeaders | undefined, name: string): bigint | undefined {
  const bytes = lastHeader(headers, name);
  if (!bytes) return undefined;
  const text = bytes.toString('utf8');
  if (/^-?\d+$/.test(text)) return BigInt(text);
  if (bytes.length === 4) return BigInt(bytes.readInt32BE(0));
  if (bytes.length === 8) return bytes.readBigInt64BE(0);
  return undefined;
}

export function int32Header(value: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeInt32BE(value, 0);
  return b;
}

export function int64Header(value: bigint): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigInt64BE(BigInt.asIntN(64, value), 0);
  return b;
}

/** Copies headers into a plain object of Buffers, keeping repeated values as arrays. */
export function copyHeaders(headers: MessageHeaders | undefined): MessageHeaders {
  const out: MessageHeaders = {};
  for (const [key, raw] of Object.entries(headers ?? {})) {
    if (raw === undefined) continue;
    const toBuffer = (v: Buffer | string) =>
      typeof v === 'string' ? Buffer.from(v, 'utf8') : Buffer.from(v);
    out[key] = Array.isArray(raw) ? raw.map(toBuffer) : toBuffer(raw);
  }
  return out;
}
