import { EncodeTypeError } from '../errors.js';

const f32 = new Float32Array(1);
const f32Bytes = new Uint8Array(f32.buffer);
const f64 = new Float64Array(1);
const f64Bytes = new Uint8Array(f64.buffer);
const TWO_32 = 2 ** 32;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

/**
 * Avro binary encoder into a growable scratch buffer. Every write checks the JavaScript type of its value
 * and throws `EncodeTypeError` when it cannot be encoded; the codec then reports the paths with `validate`.
 */
export class BinaryWriter {
  buf: Buffer;
  pos = 0;

  constructor(size = 16 * 1024) {
    this.buf = Buffer.allocUnsafeSlow(size);
  }

  /** Makes room for `n` more bytes. */
  ensure(n: number): void {
    if (this.pos + n > this.buf.length) this.grow(n);
  }

  private grow(n: number): void {
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const next = Buffer.allocUnsafeSlow(size);
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  /** A copy of the bytes written so far (pooled allocation; the scratch buffer is reused). */
  take(): Buffer {
    const out = Buffer.allocUnsafe(this.pos);
    out.set(this.buf.subarray(0, this.pos));
    return out;
  }

  writeNull(v: unknown): void {
    if (v !== null) throw new EncodeTypeError();
  }

  writeBoolean(v: unknown): void {
    if (typeof v !== 'boolean') throw new EncodeTypeError();
    if (this.pos + 1 > this.buf.length) this.grow(1);
    this.buf[this.pos++] = v ? 1 : 0;
  }

  /** A 32-bit signed int, zig-zag varint. */
  writeInt(v: unknown): void {
    if (typeof v !== 'number' || (v | 0) !== v) throw new EncodeTypeError();
    this.writeVarint32(((v << 1) ^ (v >> 31)) >>> 0);
  }

  /** An unsigned 32-bit value as a varint (the zig-zag transform already applied). */
  writeVarint32(z: number): void {
    if (this.pos + 5 > this.buf.length) this.grow(5);
    const buf = this.buf;
    let pos = this.pos;
    while (z > 0x7f) {
      buf[pos++] = (z & 0x7f) | 0x80;
      z >>>= 7;
    }
    buf[pos++] = z;
    this.pos = pos;
  }

  /** A long given as a JavaScript number: must be a safe integer, so no precision is ever lost. */
  writeLong(v: unknown): void {
    if (typeof v !== 'number') throw new EncodeTypeError();
    if ((v | 0) === v) {
      this.writeVarint32(((v << 1) ^ (v >> 31)) >>> 0);
      return;
    }
    if (!Number.isSafeInteger(v)) throw new EncodeTypeError();
    this.writeLongSlow(v);
  }

  private writeLongSlow(v: number): void {
    if (this.pos + 10 > this.buf.length) this.grow(10);
    const buf = this.buf;
    // zig-zag without leaving exact float arithmetic: m = |v| or |v|-1, low bit = sign.
    const neg = v < 0;
    const m = neg ? -v - 1 : v;
    let rest = Math.floor(m / 64);
    let pos = this.pos;
    buf[pos++] = (m % 64) * 2 + (neg ? 1 : 0) + 0x80;
    while (rest >= TWO_32) {
      buf[pos++] = (rest % 128) | 0x80;
      rest = Math.floor(rest / 128);
    }
    let r = rest >>> 0;
    while (r > 0x7f) {
      buf[pos++] = (r & 0x7f) | 0x80;
      r >>>= 7;
    }
    buf[pos++] = r;
    this.pos = pos;
  }

  /** A long given as a bigint, within the signed 64-bit range. */
  writeBigLong(v: unknown): void {
    if (typeof v !== 'bigint' || v < LONG_MIN || v > LONG_MAX) throw new EncodeTypeError();
    let z = v < 0n ? ((-v - 1n) << 1n) | 1n : v << 1n;
    if (this.pos + 10 > this.buf.length) this.grow(10);
    const buf = this.buf;
    let pos = this.pos;
    while (z > 0x7fn) {
      buf[pos++] = Number(z & 0x7fn) | 0x80;
      z >>= 7n;
    }
    buf[pos++] = Number(z);
    this.pos = pos;
  }

  writeFloat(v: unknown): void {
    if (typeof v !== 'number') throw new EncodeTypeError();
    if (this.pos + 4 > this.buf.length) this.grow(4);
    f32[0] = v;
    const buf = this.buf;
    const pos = this.pos;
    buf[pos] = f32Bytes[0]!;
    buf[pos + 1] = f32Bytes[1]!;
    buf[pos + 2] = f32Bytes[2]!;
    buf[pos + 3] = f32Bytes[3]!;
    this.pos = pos + 4;
  }

  writeDouble(v: unknown): void {
    if (typeof v !== 'number') throw new EncodeTypeError();
    if (this.pos + 8 > this.buf.length) this.grow(8);
    f64[0] = v;
    const buf = this.buf;
    const pos = this.pos;
    for (let i = 0; i < 8; i++) buf[pos + i] = f64Bytes[i]!;
    this.pos = pos + 8;
  }

  writeBytes(v: unknown): void {
    if (!(v instanceof Uint8Array)) throw new EncodeTypeError();
    const n = v.length;
    this.writeVarint32Long(n);
    if (this.pos + n > this.buf.length) this.grow(n);
    this.buf.set(v, this.pos);
    this.pos += n;
  }

  writeFixed(v: unknown, size: number): void {
    if (!(v instanceof Uint8Array) || v.length !== size) throw new EncodeTypeError();
    if (this.pos + size > this.buf.length) this.grow(size);
    this.buf.set(v, this.pos);
    this.pos += size;
  }

  /** A non-negative length or count (fits in 31 bits here) as a zig-zag varint. */
  writeVarint32Long(n: number): void {
    if (n < 0x40000000) this.writeVarint32(n * 2);
    else this.writeLongSlow(n);
  }

  writeString(v: unknown): void {
    if (typeof v !== 'string') throw new EncodeTypeError();
    const n = v.length;
    if (n < 64) {
      // ASCII fast path: one length byte (2n < 128), then one byte per char.
      if (this.pos + n + 1 > this.buf.length) this.grow(n + 1);
      const buf = this.buf;
      const start = this.pos + 1;
      let i = 0;
      for (; i < n; i++) {
        const c = v.charCodeAt(i);
        if (c > 0x7f) break;
        buf[start + i] = c;
      }
      if (i === n) {
        buf[this.pos] = n * 2;
        this.pos = start + n;
        return;
      }
    }
    const size = Buffer.byteLength(v, 'utf8');
    this.writeVarint32Long(size);
    if (this.pos + size > this.buf.length) this.grow(size);
    this.buf.write(v, this.pos, size, 'utf8');
    this.pos += size;
  }

  /** Writes raw bytes with no length prefix. */
  writeRaw(bytes: Uint8Array): void {
    if (this.pos + bytes.length > this.buf.length) this.grow(bytes.length);
    this.buf.set(bytes, this.pos);
    this.pos += bytes.length;
  }
}
