import { Buffer } from 'node:buffer';
import { EncodeTypeError } from '../errors.js';

const f32 = new Float32Array(1);
const f32Bytes = new Uint8Array(f32.buffer);
const f64 = new Float64Array(1);
const f64Bytes = new Uint8Array(f64.buffer);
const TWO_28 = 2 ** 28;
const TWO_32 = 2 ** 32;
const TWO_52 = 2 ** 52;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

function viewOf(buf: Buffer): DataView {
  return new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
}

/**
 * Size of a fresh slab that encoded values are written into. A value keeps its whole slab alive (as a
 * `Buffer.allocUnsafe` value keeps Node's 8 KiB pool alive); smaller slabs cost a slab allocation every
 * few values (8 KiB: 12 % slower encoding of a 311-byte event, 16 KiB: 5 %, 32 KiB and up: none).
 */
const SLAB_SIZE = 32 * 1024;
/** A value at least this long is copied into its own buffer, so that it never pins a slab (or vice versa). */
const OWN_BUFFER = 4 * 1024;

/**
 * Avro binary encoder writing values one after another into a slab, like Node's `Buffer` pool: `finish`
 * returns a view of the value's bytes, so a small value costs no copy and no allocation of its own. A
 * value that outgrows the slab moves to a larger one. Every write checks the JavaScript type of its value
 * and throws `EncodeTypeError` when it cannot be encoded; the codec then reports the paths with `validate`.
 */
export class BinaryWriter {
  buf: Buffer;
  /** `buf` as a DataView: ASCII text is stored 4 bytes at a time. */
  view: DataView;
  /** `buf`'s memory and where `buf` starts in it. */
  private arrayBuffer: ArrayBuffer;
  private base: number;
  pos = 0;
  /** Where the value being written starts in `buf` (bytes before it belong to values already returned). */
  private start = 0;

  constructor(size = SLAB_SIZE) {
    this.buf = Buffer.allocUnsafeSlow(size);
    this.view = viewOf(this.buf);
    this.arrayBuffer = this.buf.buffer as ArrayBuffer;
    this.base = this.buf.byteOffset;
  }

  /** Starts a value: `pos` moves to the first free byte of the slab. */
  begin(): void {
    this.pos = this.start;
  }

  /** Drops what was written since `begin` (after a failed write). */
  abandon(): void {
    this.pos = this.start;
  }

  /** The value written since `begin`; the bytes are never written again. */
  finish(): Buffer {
    const start = this.start;
    const end = this.pos;
    const n = end - start;
    if (n >= OWN_BUFFER) {
      const out = Buffer.allocUnsafeSlow(n);
      this.buf.copy(out, 0, start, end);
      this.pos = start;
      // after growing for a large value, small values go back to a slab of the usual size
      if (this.buf.length > SLAB_SIZE) {
        this.use(Buffer.allocUnsafeSlow(SLAB_SIZE));
        this.start = 0;
        this.pos = 0;
      }
      return out;
    }
    // Buffer.from(arrayBuffer, …) skips subarray's look-up of `buf.buffer`, a call into the runtime
    const out = Buffer.from(this.arrayBuffer, this.base + start, n);
    // the next value starts 8-aligned, like Node's pool; a fresh slab when this one is nearly used up
    const next = (end + 7) & ~7;
    if (next + OWN_BUFFER > this.buf.length) {
      this.use(Buffer.allocUnsafeSlow(SLAB_SIZE));
      this.start = 0;
    } else this.start = next;
    return out;
  }

  private use(buf: Buffer): void {
    this.buf = buf;
    this.view = viewOf(buf);
    this.arrayBuffer = buf.buffer as ArrayBuffer;
    this.base = buf.byteOffset;
  }

  /** Makes room for `n` more bytes. */
  ensure(n: number): void {
    if (this.pos + n > this.buf.length) this.grow(n);
  }

  /** Moves the value being written to a new slab with room for `n` more bytes. */
  grow(n: number): void {
    const used = this.pos - this.start;
    let size = SLAB_SIZE;
    while (size < used + n) size *= 2;
    const next = Buffer.allocUnsafeSlow(size);
    this.buf.copy(next, 0, this.start, this.pos);
    this.use(next);
    this.start = 0;
    this.pos = used;
  }

  /**
   * Reserves the item count of a block whose items are not counted yet; gives a mark for `endBlock`
   * (relative to the value's start, which stays valid when the value moves to a larger slab).
   */
  beginBlock(): number {
    if (this.pos + 1 > this.buf.length) this.grow(1);
    const mark = this.pos - this.start;
    this.pos++;
    return mark;
  }

  /** Writes the count of the block begun at `mark` (moving its items when it needs more than a byte), then the end. */
  endBlock(mark: number, n: number): void {
    const at = this.start + mark;
    if (n === 0) {
      this.buf[at] = 0;
      return;
    }
    if (n < 64) this.buf[at] = n * 2;
    else {
      let size = 1;
      for (let z = n * 2; z > 0x7f; z = Math.floor(z / 128)) size++;
      if (this.pos + size > this.buf.length) this.grow(size);
      const start = this.start + mark; // grow may have moved the value
      this.buf.copyWithin(start + size, start + 1, this.pos);
      this.pos += size - 1;
      const end = this.pos;
      this.pos = start;
      this.writeVarint32Long(n);
      this.pos = end;
    }
    if (this.pos + 1 > this.buf.length) this.grow(1);
    this.buf[this.pos++] = 0;
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
    if (v > -TWO_52 && v < TWO_52) {
      this.writeLongWide(v);
      return;
    }
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

  /** A long with 2^31 <= |v| < 2^52: its zig-zag value is an exact double of 33 to 53 bits. */
  private writeLongWide(v: number): void {
    if (this.pos + 8 > this.buf.length) this.grow(8);
    const buf = this.buf;
    let pos = this.pos;
    const z = v < 0 ? -2 * v - 1 : 2 * v;
    let hi = Math.floor(z / TWO_28);
    const lo = z - hi * TWO_28;
    buf[pos] = (lo & 0x7f) | 0x80;
    buf[pos + 1] = ((lo >>> 7) & 0x7f) | 0x80;
    buf[pos + 2] = ((lo >>> 14) & 0x7f) | 0x80;
    buf[pos + 3] = (lo >>> 21) | 0x80;
    pos += 4;
    while (hi > 0x7f) {
      buf[pos++] = (hi & 0x7f) | 0x80;
      hi >>>= 7;
    }
    buf[pos++] = hi;
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
      // ASCII fast path: one length byte (2n < 128), then one byte per char, stored 4 at a time.
      if (this.pos + n + 1 > this.buf.length) this.grow(n + 1);
      const start = this.pos + 1;
      if (this.asciiAt(v, n, start)) {
        this.buf[this.pos] = n * 2;
        this.pos = start + n;
        return;
      }
    } else if (n < 256) {
      // two length bytes (64 <= n < 8192)
      if (this.pos + n + 2 > this.buf.length) this.grow(n + 2);
      const pos = this.pos;
      if (this.asciiAt(v, n, pos + 2)) {
        this.buf[pos] = ((n * 2) & 0x7f) | 0x80;
        this.buf[pos + 1] = n >>> 6;
        this.pos = pos + 2 + n;
        return;
      }
    }
    if (n < 256) {
      this.writeUtf8(v, n);
      return;
    }
    const size = Buffer.byteLength(v, 'utf8');
    this.writeVarint32Long(size);
    if (this.pos + size > this.buf.length) this.grow(size);
    this.buf.write(v, this.pos, size, 'utf8');
    this.pos += size;
  }

  /**
   * A short non-ASCII string as UTF-8, in JavaScript (two native calls cost more at this length). Like
   * Buffer, a lone surrogate becomes U+FFFD.
   */
  private writeUtf8(v: string, n: number): void {
    let size = 0;
    for (let i = 0; i < n; i++) {
      const c = v.charCodeAt(i);
      if (c < 0x80) size += 1;
      else if (c < 0x800) size += 2;
      else if (c >= 0xd800 && c < 0xdc00 && i + 1 < n && (v.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
        size += 4;
        i++;
      } else size += 3;
    }
    this.writeVarint32(size * 2); // size < 4 * 256: a small non-negative length
    if (this.pos + size > this.buf.length) this.grow(size);
    const buf = this.buf;
    let pos = this.pos;
    for (let i = 0; i < n; i++) {
      let c = v.charCodeAt(i);
      if (c < 0x80) buf[pos++] = c;
      else if (c < 0x800) {
        buf[pos++] = 0xc0 | (c >> 6);
        buf[pos++] = 0x80 | (c & 0x3f);
      } else {
        if (c >= 0xd800 && c < 0xe000) {
          const d = i + 1 < n ? v.charCodeAt(i + 1) : 0;
          if (c < 0xdc00 && (d & 0xfc00) === 0xdc00) {
            c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
            buf[pos++] = 0xf0 | (c >> 18);
            buf[pos++] = 0x80 | ((c >> 12) & 0x3f);
            buf[pos++] = 0x80 | ((c >> 6) & 0x3f);
            buf[pos++] = 0x80 | (c & 0x3f);
            i++;
            continue;
          }
          c = 0xfffd;
        }
        buf[pos++] = 0xe0 | (c >> 12);
        buf[pos++] = 0x80 | ((c >> 6) & 0x3f);
        buf[pos++] = 0x80 | (c & 0x3f);
      }
    }
    this.pos = pos;
  }

  /**
   * Stores the `n` chars of `v` at `at` as bytes; true when they are all ASCII (otherwise the bytes are
   * garbage to overwrite). The caller made room for `n` bytes.
   */
  private asciiAt(v: string, n: number, at: number): boolean {
    const view = this.view;
    let acc = 0;
    let i = 0;
    for (; i + 4 <= n; i += 4) {
      const c0 = v.charCodeAt(i);
      const c1 = v.charCodeAt(i + 1);
      const c2 = v.charCodeAt(i + 2);
      const c3 = v.charCodeAt(i + 3);
      acc |= c0 | c1 | c2 | c3;
      view.setInt32(at + i, c0 | (c1 << 8) | (c2 << 16) | (c3 << 24), true);
    }
    const buf = this.buf;
    for (; i < n; i++) {
      const c = v.charCodeAt(i);
      acc |= c;
      buf[at + i] = c;
    }
    return acc < 0x80;
  }

  /** Writes raw bytes with no length prefix. */
  writeRaw(bytes: Uint8Array): void {
    if (this.pos + bytes.length > this.buf.length) this.grow(bytes.length);
    this.buf.set(bytes, this.pos);
    this.pos += bytes.length;
  }
}
