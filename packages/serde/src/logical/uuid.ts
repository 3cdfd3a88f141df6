import { Buffer } from 'node:buffer';

/** 1 for hex digits, by char code (a table is faster than a regular expression on this hot path). */
const HEX = new Uint8Array(128);
for (const c of '0123456789abcdefABCDEF') HEX[c.charCodeAt(0)] = 1;

/** Copies `v[from..to)` to `buf[p + from..]`; 1 when every char is a hex digit (`c & 0x7f` keeps the look-up in the table, `acc` catches the rest). */
function copyHex(buf: Uint8Array, p: number, v: string, from: number, to: number): number {
  let ok = 1;
  let acc = 0;
  for (let i = from; i < to; i++) {
    const c = v.charCodeAt(i);
    ok &= HEX[c & 0x7f]!;
    acc |= c;
    buf[p + i] = c;
  }
  return acc < 0x80 ? ok : 0;
}

/**
 * Writes a UUID string (length byte + 36 ASCII bytes) while checking it; false when it is not a UUID.
 * `v` must have 36 chars and `buf` room for 37 bytes at `pos`.
 */
export function writeUuidString(buf: Uint8Array, pos: number, v: string): boolean {
  buf[pos] = 72; // zig-zag of length 36
  const p = pos + 1;
  const hex =
    copyHex(buf, p, v, 0, 8) &
    copyHex(buf, p, v, 9, 13) &
    copyHex(buf, p, v, 14, 18) &
    copyHex(buf, p, v, 19, 23) &
    copyHex(buf, p, v, 24, 36);
  if (hex === 0) return false;
  if (v.charCodeAt(8) !== 45 || v.charCodeAt(13) !== 45 || v.charCodeAt(18) !== 45 || v.charCodeAt(23) !== 45)
    return false;
  buf[p + 8] = 45;
  buf[p + 13] = 45;
  buf[p + 18] = 45;
  buf[p + 23] = 45;
  return true;
}

/** The textual UUID form `8-4-4-4-12` hex digits (any version, either case). */
export function isUuid(v: unknown): v is string {
  if (typeof v !== 'string' || v.length !== 36) return false;
  for (let i = 0; i < 36; i++) {
    const c = v.charCodeAt(i);
    if (i === 8 || i === 13 || i === 18 || i === 23) {
      if (c !== 45) return false;
    } else if (c > 127 || HEX[c] === 0) return false;
  }
  return true;
}

/** The 16 bytes of a UUID string (for `uuid` on `fixed(16)`). */
export function uuidToBytes(v: string): Uint8Array {
  const hex = v.replaceAll('-', '');
  const out = new Uint8Array(16);
  for (let i = 0; i < 16; i++) out[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

export function bytesToUuid(bytes: Uint8Array): string {
  const hex = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
