import type { BinaryReader } from '../binary/reader.js';
import type { BinaryWriter } from '../binary/writer.js';
import { EncodeTypeError } from '../errors.js';

/**
 * Decimals are exact decimal strings (`"19.99"`, `"-0.05"`), never floats. Decoding gives exactly `scale`
 * fraction digits; encoding accepts fewer, or more only when the extra digits are zeros.
 */
export type Decimal = string;

const POW10 = Array.from({ length: 16 }, (_, i) => 10 ** i);
const INVERSE = POW10.map((p) => 1 / p);
/** Two's-complement range of k bytes, k = 1..7 (enough for any safe integer). */
const LIMITS = Array.from({ length: 8 }, (_, k) => 2 ** (8 * k - 1));

/** The unscaled value of a decimal string, or an error message. Numbers are used up to 15 digits. */
export function parseDecimal(v: unknown, precision: number, scale: number): number | bigint | string {
  if (typeof v !== 'string') return `expected a decimal string, got ${typeof v}`;
  const n = v.length;
  let i = 0;
  let neg = false;
  if (v.charCodeAt(0) === 45 /* - */) {
    neg = true;
    i = 1;
  }
  let value = 0;
  let digits = 0; // significant digits accumulated (leading zeros skipped)
  let fraction = -1; // fraction digits seen, -1 before the point
  let big: string | undefined;
  const start = i;
  for (; i < n; i++) {
    const c = v.charCodeAt(i);
    if (c === 46 /* . */) {
      if (fraction >= 0 || i === start || i === n - 1) return `invalid decimal ${JSON.stringify(v)}`;
      fraction = 0;
      continue;
    }
    const d = c - 48;
    if (d < 0 || d > 9) return `invalid decimal ${JSON.stringify(v)}`;
    if (fraction >= 0) {
      if (fraction === scale) {
        if (d !== 0) return `${JSON.stringify(v)} has more than ${scale} fraction digits`;
        continue; // a trailing zero beyond the scale loses nothing
      }
      fraction++;
    }
    if (digits === 0 && d === 0) continue;
    digits++;
    if (digits <= 15) value = value * 10 + d;
    else big = (big ?? String(value)) + String(d);
  }
  if (i === start) return `invalid decimal ${JSON.stringify(v)}`;
  const pad = scale - Math.max(fraction, 0);
  const total = digits === 0 ? 0 : digits + pad;
  if (total > precision) return `${JSON.stringify(v)} does not fit decimal(${precision},${scale})`;
  if (big === undefined && total <= 15) {
    const u = value * POW10[pad]!;
    return neg ? -u : u;
  }
  const u = BigInt(big ?? String(value)) * 10n ** BigInt(pad);
  return neg ? -u : u;
}

/**
 * The unscaled value of a plain decimal string (`-?digits[.digits]`, at most 15 digits and `scale`
 * fraction digits) when `precision` <= 15, where every value is an exact double; NaN for anything else,
 * valid or not, which `parseDecimal` then handles.
 */
export function parseSmallDecimal(v: string, precision: number, scale: number): number {
  const n = v.length;
  let i = 0;
  let neg = false;
  if (n > 0 && v.charCodeAt(0) === 45 /* - */) {
    neg = true;
    i = 1;
  }
  const start = i;
  let value = 0;
  let dot = -1;
  for (; i < n; i++) {
    const d = v.charCodeAt(i) - 48;
    if (d >= 0 && d <= 9) value = value * 10 + d;
    else if (d === -2 /* . */ && dot < 0) dot = i;
    else return Number.NaN;
  }
  const whole = (dot < 0 ? n : dot) - start;
  const fraction = dot < 0 ? 0 : n - dot - 1;
  if (whole === 0 || (dot >= 0 && fraction === 0) || whole + fraction > 15 || fraction > scale)
    return Number.NaN;
  const u = fraction === scale ? value : value * POW10[scale - fraction]!;
  if (u >= POW10[precision]!) return Number.NaN;
  return neg ? -u : u;
}

function byteLength(u: number | bigint): number {
  if (typeof u === 'number') {
    let k = 1;
    while (u < -LIMITS[k]! || u >= LIMITS[k]!) k++;
    return k;
  }
  // bits needed for two's complement: bitLength(u >= 0 ? u : ~u) + 1 sign bit
  const m = u < 0n ? -u - 1n : u;
  return Math.floor(m.toString(2).length / 8) + 1;
}

/** Writes the k-byte big-endian two's complement of `u` at `pos`. */
function putTwosComplement(buf: Uint8Array, pos: number, u: number | bigint, k: number): void {
  if (typeof u === 'number') {
    if (u >= -0x80000000 && u <= 0x7fffffff) {
      let x = u | 0;
      for (let i = k - 1; i >= 0; i--) {
        buf[pos + i] = x & 0xff;
        x >>= 8; // arithmetic shift: sign-extends past the fourth byte
      }
      return;
    }
    const hi = Math.floor(u / 0x100000000);
    let lo = u - hi * 0x100000000;
    let x = hi | 0;
    for (let i = k - 1; i >= 0; i--) {
      if (i >= k - 4) {
        buf[pos + i] = lo & 0xff;
        lo >>>= 8;
      } else {
        buf[pos + i] = x & 0xff;
        x >>= 8;
      }
    }
    return;
  }
  let x = BigInt.asUintN(8 * k, u);
  for (let i = k - 1; i >= 0; i--) {
    buf[pos + i] = Number(x & 0xffn);
    x >>= 8n;
  }
}

function unscaled(v: unknown, precision: number, scale: number): number | bigint {
  const u = parseDecimal(v, precision, scale);
  if (typeof u === 'string') throw new EncodeTypeError(u);
  return u;
}

export function writeDecimalBytes(w: BinaryWriter, v: unknown, precision: number, scale: number): void {
  if (precision <= 15 && typeof v === 'string') {
    const u = parseSmallDecimal(v, precision, scale);
    if (!Number.isNaN(u)) {
      writeSmallTwosComplement(w, u);
      return;
    }
  }
  const u = unscaled(v, precision, scale);
  const k = byteLength(u);
  w.writeVarint32(k * 2);
  w.ensure(k);
  putTwosComplement(w.buf, w.pos, u, k);
  w.pos += k;
}

/** Length byte and the shortest big-endian two's complement of an integer |u| < 2^53. */
function writeSmallTwosComplement(w: BinaryWriter, u: number): void {
  if (w.pos + 9 > w.buf.length) w.grow(9);
  const buf = w.buf;
  const pos = w.pos;
  if (u >= -0x800000 && u < 0x800000) {
    const x = u | 0;
    if (x >= -0x80 && x < 0x80) {
      buf[pos] = 2;
      buf[pos + 1] = x & 0xff;
      w.pos = pos + 2;
    } else if (x >= -0x8000 && x < 0x8000) {
      buf[pos] = 4;
      buf[pos + 1] = (x >> 8) & 0xff;
      buf[pos + 2] = x & 0xff;
      w.pos = pos + 3;
    } else {
      buf[pos] = 6;
      buf[pos + 1] = (x >> 16) & 0xff;
      buf[pos + 2] = (x >> 8) & 0xff;
      buf[pos + 3] = x & 0xff;
      w.pos = pos + 4;
    }
    return;
  }
  const k = byteLength(u);
  buf[pos] = k * 2;
  putTwosComplement(buf, pos + 1, u, k);
  w.pos = pos + 1 + k;
}

export function writeDecimalFixed(
  w: BinaryWriter,
  v: unknown,
  precision: number,
  scale: number,
  size: number,
): void {
  const u = unscaled(v, precision, scale);
  if (byteLength(u) > size) throw new EncodeTypeError(`${String(v)} does not fit fixed(${size})`);
  w.ensure(size);
  putTwosComplement(w.buf, w.pos, u, size);
  w.pos += size;
}

/** The two's-complement bytes of a decimal (for defaults and conversions); `size` pads for a fixed. */
export function decimalToBytes(v: Decimal, precision: number, scale: number, size?: number): Uint8Array {
  const u = unscaled(v, precision, scale);
  const k = size ?? byteLength(u);
  const out = new Uint8Array(k);
  putTwosComplement(out, 0, u, k);
  return out;
}

/** `ZEROS[n]` is n zeros (padding of a fraction). */
const ZEROS = Array.from({ length: 16 }, (_, i) => '0'.repeat(i));

export function formatDecimal(u: number | bigint, scale: number): Decimal {
  if (typeof u === 'number' && scale <= 15) return formatSmallDecimal(u, scale);
  const neg = u < 0;
  let digits = String(neg ? -u : u);
  if (scale > 0) {
    if (digits.length <= scale) digits = '0'.repeat(scale - digits.length + 1) + digits;
    digits = `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
  }
  return neg ? `-${digits}` : digits;
}

/** `.f…f` for every fraction of a small scale (`FRACTIONS[2][5]` is `.05`), made on first use. */
const FRACTIONS: (string[] | undefined)[] = [];

function fractions(scale: number): string[] {
  let table = FRACTIONS[scale];
  if (table === undefined) {
    table = Array.from({ length: POW10[scale]! }, (_, f) => `.${String(f).padStart(scale, '0')}`);
    FRACTIONS[scale] = table;
  }
  return table;
}

/** The decimal string of a safe-integer unscaled value: integer part, point, `scale` fraction digits. */
function formatSmallDecimal(u: number, scale: number): Decimal {
  if (scale === 0) return `${u}`;
  const neg = u < 0;
  const a = neg ? -u : u;
  const unit = POW10[scale]!;
  let text: string;
  if (a < 0x80000000 && scale <= 3) {
    // a multiplication and a correction instead of a (slow) division
    let whole = (a * INVERSE[scale]!) | 0;
    let fraction = a - whole * unit;
    if (fraction < 0) {
      whole--;
      fraction += unit;
    } else if (fraction >= unit) {
      whole++;
      fraction -= unit;
    }
    text = `${whole}${(FRACTIONS[scale] ?? fractions(scale))[fraction]!}`;
  } else {
    const whole = Math.floor(a / unit);
    const fraction = `${a - whole * unit}`;
    text = `${whole}.${ZEROS[scale - fraction.length]}${fraction}`;
  }
  return neg ? `-${text}` : text;
}

function unscaledFrom(buf: Uint8Array, pos: number, k: number): number | bigint {
  if (k === 0) return 0;
  if (k <= 6) {
    const first = buf[pos]!;
    let u = first >= 128 ? first - 256 : first;
    for (let i = 1; i < k; i++) u = u * 256 + buf[pos + i]!;
    return u;
  }
  let x = 0n;
  for (let i = 0; i < k; i++) x = (x << 8n) | BigInt(buf[pos + i]!);
  return BigInt.asIntN(8 * k, x);
}

/** The decimal string of two's-complement bytes. */
export function decimalFromBytes(bytes: Uint8Array, scale: number): Decimal {
  return formatDecimal(unscaledFrom(bytes, 0, bytes.length), scale);
}

export function readDecimalBytes(r: BinaryReader, scale: number): Decimal {
  const buf = r.buf;
  const pos = r.pos;
  const z = buf[pos]!;
  // the common case: a one-byte length of at most 6 bytes (48 bits, exact in a double)
  if (z <= 12 && (z & 1) === 0 && scale <= 15) {
    const start = pos + 1;
    const end = start + (z >>> 1);
    if (end > r.end) throw r.truncated();
    let u = 0;
    if (end > start) {
      const first = buf[start]!;
      let high = first >>> 7;
      u = first - (high << 8);
      for (let i = start + 1; i < end; i++) {
        const b = buf[i]!;
        u = u * 256 + b;
        high += b >>> 7;
      }
      r.high += high;
    }
    r.pos = end;
    return formatSmallDecimal(u, scale);
  }
  const k = r.readLength();
  return formatDecimal(unscaledFrom(r.buf, r.readRaw(k), k), scale);
}

export function readDecimalFixed(r: BinaryReader, size: number, scale: number): Decimal {
  const pos = r.readRaw(size);
  return formatDecimal(unscaledFrom(r.buf, pos, size), scale);
}
