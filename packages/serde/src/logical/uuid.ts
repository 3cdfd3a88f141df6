import { Buffer } from 'node:buffer';

/** 1 for hex digits, by char code (a table is faster than a regular expression on this hot path). */
const HEX = new Uint8Array(128);
for (const c of '0123456789abcdefABCDEF') HEX[c.charCodeAt(0)] = 1;

/** Where the 8 groups of 4 hex digits of a UUID start. */
const GROUPS = [0, 4, 9, 14, 19, 24, 28, 32];

/**
 * Writes a UUID string (length byte + 36 ASCII bytes) while checking it; false when it is not a UUID.
 * `v` must have 36 chars and `buf` (seen through `view`) room for 37 bytes at `pos`. The hex digits are
 * stored 4 at a time; `c & 0x7f` keeps the look-up in the table and `acc` catches chars beyond ASCII.
 */
export function writeUuidString(buf: Uint8Array, view: DataView, pos: number, v: string): boolean {
  buf[pos] = 72; // zig-zag of length 36
  const p = pos + 1;
  let ok = 1;
  let acc = 0;
  for (let g = 0; g < 8; g++) {
    const i = GROUPS[g]!;
    const c0 = v.charCodeAt(i);
    const c1 = v.charCodeAt(i + 1);
    const c2 = v.charCodeAt(i + 2);
    const c3 = v.charCodeAt(i + 3);
    ok &= HEX[c0 & 0x7f]! & HEX[c1 & 0x7f]! & HEX[c2 & 0x7f]! & HEX[c3 & 0x7f]!;
    acc |= c0 | c1 | c2 | c3;
    view.setInt32(p + i, c0 | (c1 << 8) | (c2 << 16) | (c3 << 24), true);
  }
  if (ok === 0 || acc > 0x7f) return false;
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
