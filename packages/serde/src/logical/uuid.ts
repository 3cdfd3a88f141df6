/** 1 for hex digits, by char code (a table is faster than a regular expression on this hot path). */
const HEX = new Uint8Array(128);
for (const c of '0123456789abcdefABCDEF') HEX[c.charCodeAt(0)] = 1;

/** Writes a UUID string (length byte + 36 ASCII bytes) while checking it; false when it is not a UUID. */
export function writeUuidString(buf: Uint8Array, pos: number, v: string): boolean {
  buf[pos] = 72; // zig-zag of length 36
  for (let i = 0; i < 36; i++) {
    const c = v.charCodeAt(i);
    if (i === 8 || i === 13 || i === 18 || i === 23) {
      if (c !== 45) return false;
    } else if (c > 127 || HEX[c] === 0) return false;
    buf[pos + 1 + i] = c;
  }
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
