import { Buffer } from 'node:buffer';
import { DecodeError } from '../errors.js';

const f32 = new Float32Array(1);
const f32Bytes = new Uint8Array(f32.buffer);
const f64 = new Float64Array(1);
const f64Bytes = new Uint8Array(f64.buffer);
const TWO_27 = 2 ** 27;
const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** Node's undocumented `Buffer#utf8Slice`/`latin1Slice` skip `toString`'s argument checks; used when present. */
type SliceBuffer = Buffer & {
  utf8Slice(start: number, end: number): string;
  latin1Slice(start: number, end: number): string;
};
const NATIVE_SLICE =
  typeof (Buffer.prototype as Partial<SliceBuffer>).utf8Slice === 'function' &&
  typeof (Buffer.prototype as Partial<SliceBuffer>).latin1Slice === 'function';
/** Inputs up to this size decode their ASCII strings from one latin1 text of the whole input. */
const SMALL_INPUT = 4096;

/** A long that does not fit a JavaScript number exactly; generate with `longs: bigint` to read it. */
export class LongRangeError extends RangeError {
  constructor() {
    super('long value outside the safe integer range (±2^53-1); generate the contract with longs: bigint');
    this.name = 'LongRangeError';
  }
}

/**
 * Avro binary decoder over a byte array. Reads past the end yield garbage rather than throwing, so the
 * codec checks `pos` against `end` after each value (and where a length would allocate).
 *
 * Strings of a small input are cut out of one latin1 text of the whole input, which is right for ASCII
 * strings only. A checked reader looks at every string's bytes first. An optimistic reader does not: it
 * counts the bytes >= 0x80 of everything it reads that is not string text (`high`), and `stringsWereAscii`
 * compares that count with the number of such bytes in the whole input, one native call per message.
 */
export class BinaryReader {
  buf: Buffer;
  pos: number;
  end: number;
  /** Bytes >= 0x80 read as anything but string text: varint continuation bytes and raw bytes. */
  high: number;
  /** Start of the value (what `text` is relative to). */
  private readonly start: number;
  /** Whether ASCII strings are cut out of `text` (inputs up to `SMALL_INPUT` bytes). */
  private readonly small: boolean;
  /** Whether strings are cut out of `text` without looking at their bytes (see the class comment). */
  readonly optimistic: boolean;
  /** The whole input as latin1 text, made on the first string of a small input (see `readString`). */
  private text: string | undefined;

  constructor(bytes: Uint8Array, pos = 0, end = bytes.length, optimistic = false) {
    this.buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.pos = pos;
    this.end = end;
    this.high = 0;
    this.start = pos;
    this.small = end - pos <= SMALL_INPUT;
    this.optimistic = optimistic;
    this.text = undefined;
  }

  truncated(): DecodeError {
    return new DecodeError(`truncated input: needed byte ${this.pos} of ${this.end}`);
  }

  /** Whether strings were cut out of the latin1 text without being looked at. */
  get usedText(): boolean {
    return this.optimistic && this.text !== undefined;
  }

  /**
   * After an optimistic read of the whole input: whether every string was ASCII, i.e. whether all the
   * input's bytes >= 0x80 were read as something else. A latin1 char >= 0x80 is two bytes of UTF-8.
   */
  stringsWereAscii(): boolean {
    const text = this.text;
    if (!this.optimistic || text === undefined) return true;
    return Buffer.byteLength(text, 'utf8') - text.length === this.high;
  }

  /** Counts the bytes >= 0x80 of raw (non-varint, non-text) bytes `buf[from..to)` into `high`. */
  private countRaw(from: number, to: number): void {
    const buf = this.buf;
    let n = 0;
    for (let i = from; i < to; i++) n += buf[i]! >>> 7;
    this.high += n;
  }

  readBoolean(): boolean {
    const b = this.buf[this.pos++];
    if (b === 1) return true;
    if (b === 0) return false;
    if (b === undefined || this.pos > this.end) throw this.truncated();
    throw new DecodeError(`invalid boolean byte ${b}`);
  }

  readInt(): number {
    const buf = this.buf;
    const start = this.pos;
    let pos = start;
    let b = buf[pos++]!;
    let z = b & 0x7f;
    let shift = 7;
    while (b & 0x80) {
      b = buf[pos++]!;
      z |= (b & 0x7f) << shift;
      shift += 7;
      if (shift > 35) throw new DecodeError('invalid int: varint longer than 5 bytes');
    }
    this.high += pos - start - 1;
    this.pos = pos;
    return (z >>> 1) ^ -(z & 1);
  }

  /** A long as a number; throws `LongRangeError` outside ±(2^53-1). */
  readLong(): number {
    const buf = this.buf;
    const start = this.pos;
    let pos = start;
    let b = buf[pos++]!;
    let lo = b & 0x7f;
    if (b & 0x80) {
      b = buf[pos++]!;
      lo |= (b & 0x7f) << 7;
      if (b & 0x80) {
        b = buf[pos++]!;
        lo |= (b & 0x7f) << 14;
        if (b & 0x80) {
          b = buf[pos++]!;
          lo |= (b & 0x7f) << 21;
          if (b & 0x80) {
            // bytes 5 to 7 (up to 48 bits: timestamps in milliseconds) without leaving this function
            b = buf[pos++]!;
            let hi = b & 0x7f;
            if (b & 0x80) {
              b = buf[pos++]!;
              hi |= (b & 0x7f) << 7;
              if (b & 0x80) {
                b = buf[pos++]!;
                hi |= (b & 0x7f) << 14;
                if (b & 0x80) {
                  this.pos = start + 4;
                  return this.readLongHigh(lo);
                }
              }
            }
            this.high += pos - start - 1;
            this.pos = pos;
            const mag = hi * TWO_27 + (lo >>> 1);
            return lo & 1 ? -mag - 1 : mag;
          }
        }
      }
      this.high += pos - start - 1;
    }
    this.pos = pos;
    return (lo >>> 1) ^ -(lo & 1);
  }

  /** Continues a long whose low 28 bits are `lo` (bytes 5 to 10 of the varint). */
  private readLongHigh(lo: number): number {
    const hi = this.readHigh();
    const mag = hi * TWO_27 + (lo >>> 1);
    if (lo & 1) {
      if (mag >= MAX_SAFE) throw new LongRangeError();
      return -mag - 1;
    }
    if (mag > MAX_SAFE) throw new LongRangeError();
    return mag;
  }

  /** Bytes 5 to 10 of a varint whose first four bytes were continuation bytes (counted here). */
  private readHigh(): number {
    const buf = this.buf;
    const start = this.pos;
    let pos = start;
    let hi = 0;
    let mul = 1;
    for (let i = 0; i < 6; i++) {
      const b = buf[pos++]!;
      hi += (b & 0x7f) * mul;
      if (!(b & 0x80)) {
        this.high += 4 + (pos - start - 1);
        this.pos = pos;
        return hi;
      }
      mul *= 128;
    }
    throw new DecodeError('invalid long: varint longer than 10 bytes');
  }

  /** A long as a bigint (any signed 64-bit value). */
  readBigLong(): bigint {
    const buf = this.buf;
    const start = this.pos;
    let pos = start;
    let lo = 0;
    for (let shift = 0; shift < 28; shift += 7) {
      const b = buf[pos++]!;
      lo |= (b & 0x7f) << shift;
      if (!(b & 0x80)) {
        this.high += pos - start - 1;
        this.pos = pos;
        return BigInt((lo >>> 1) ^ -(lo & 1));
      }
    }
    this.pos = pos;
    const z = (BigInt(this.readHigh()) << 28n) | BigInt(lo);
    return BigInt.asIntN(64, (z >> 1n) ^ -(z & 1n));
  }

  readFloat(): number {
    const buf = this.buf;
    const pos = this.pos;
    f32Bytes[0] = buf[pos]!;
    f32Bytes[1] = buf[pos + 1]!;
    f32Bytes[2] = buf[pos + 2]!;
    f32Bytes[3] = buf[pos + 3]!;
    this.high += (f32Bytes[0]! >>> 7) + (f32Bytes[1]! >>> 7) + (f32Bytes[2]! >>> 7) + (f32Bytes[3]! >>> 7);
    this.pos = pos + 4;
    return f32[0]!;
  }

  readDouble(): number {
    const buf = this.buf;
    const pos = this.pos;
    let high = 0;
    for (let i = 0; i < 8; i++) {
      const b = buf[pos + i]!;
      f64Bytes[i] = b;
      high += b >>> 7;
    }
    this.high += high;
    this.pos = pos + 8;
    return f64[0]!;
  }

  /** A byte length or block size: a long that must be non-negative and fit what is left. */
  readLength(): number {
    const n = this.readLong();
    if (n < 0) throw new DecodeError(`invalid negative length ${n}`);
    if (this.pos + n > this.end) throw this.truncated();
    return n;
  }

  readBytes(): Uint8Array {
    const n = this.readLength();
    return this.readFixed(n);
  }

  readFixed(size: number): Uint8Array {
    const pos = this.pos;
    if (pos + size > this.end) throw this.truncated();
    const out = new Uint8Array(size);
    const buf = this.buf;
    if (size < 32) for (let i = 0; i < size; i++) out[i] = buf[pos + i]!;
    else out.set(buf.subarray(pos, pos + size));
    this.countRaw(pos, pos + size);
    this.pos = pos + size;
    return out;
  }

  /** Skips `size` raw bytes and gives where they start (for readers of their own, like decimals). */
  readRaw(size: number): number {
    const pos = this.pos;
    if (pos + size > this.end) throw this.truncated();
    this.countRaw(pos, pos + size);
    this.pos = pos + size;
    return pos;
  }

  /**
   * A UTF-8 string. An ASCII string of a small input is cut out of one latin1 text of the whole input
   * (one call into the runtime per message instead of one per string, about twice as fast for typical
   * events); other strings are decoded as UTF-8. Large inputs never build the whole text, so a decoded
   * value never keeps a big message alive through a substring.
   */
  readString(): string {
    const buf = this.buf;
    let pos = this.pos;
    let n = buf[pos]!;
    // one length byte (strings under 64 bytes) is the common case; undefined (past the end) is not < 0x80
    if (n < 0x80 && (n & 1) === 0) {
      n >>>= 1;
      pos++;
      if (pos + n > this.end) {
        this.pos = pos;
        throw this.truncated();
      }
    } else {
      n = this.readLength();
      pos = this.pos;
    }
    const end = pos + n;
    this.pos = end;
    if (this.small && (this.optimistic || isAscii(buf, pos, end))) {
      const start = this.start;
      this.text ??= NATIVE_SLICE
        ? (buf as SliceBuffer).latin1Slice(start, this.end)
        : buf.toString('latin1', start, this.end);
      return this.text.substring(pos - start, end - start);
    }
    return NATIVE_SLICE ? (buf as SliceBuffer).utf8Slice(pos, end) : buf.toString('utf8', pos, end);
  }

  /** The branch index of a union of `n` branches. */
  readUnionIndex(n: number): number {
    const i = this.readLong();
    if (i >= 0 && i < n) return i;
    throw new DecodeError(`invalid union branch index ${i}`);
  }

  /**
   * The item count of the next array or map block (0 ends the value). A negative count is followed by
   * the block's size in bytes, which is skipped here.
   */
  readBlockCount(): number {
    let n = this.readLong();
    if (n < 0) {
      n = -n;
      this.readLong();
    }
    return n;
  }

  skipVarint(): void {
    const buf = this.buf;
    const start = this.pos;
    let pos = start;
    for (let i = 0; i < 10; i++) {
      if (!(buf[pos++]! & 0x80)) {
        this.high += pos - start - 1;
        this.pos = pos;
        return;
      }
    }
    throw new DecodeError('invalid varint: longer than 10 bytes');
  }

  /** Skips `n` raw bytes (a boolean, float, double or fixed). */
  skip(n: number): void {
    this.countRaw(this.pos, Math.min(this.pos + n, this.end));
    this.pos += n;
  }

  /** Skips bytes or a string (counted as raw bytes: its text is never looked at). */
  skipBytes(): void {
    const n = this.readLength(); // not `this.pos += this.readLength()`: that adds to the old position
    this.countRaw(this.pos, this.pos + n);
    this.pos += n;
  }

  /** Skips an array or map whose items are skipped by `skipItem`, using block sizes when present. */
  skipBlocks(skipItem: (r: BinaryReader) => void): void {
    for (;;) {
      let n = this.readLong();
      if (n === 0) return;
      if (n < 0) {
        const size = this.readLength();
        this.countRaw(this.pos, this.pos + size);
        this.pos += size;
        continue;
      }
      for (; n > 0; n--) skipItem(this);
      if (this.pos > this.end) throw this.truncated();
    }
  }
}

/** Whether `buf[pos..end)` holds only ASCII bytes. */
function isAscii(buf: Buffer, pos: number, end: number): boolean {
  let acc = 0;
  let i = pos;
  for (; i + 4 <= end; i += 4) acc |= buf[i]! | buf[i + 1]! | buf[i + 2]! | buf[i + 3]!;
  for (; i < end; i++) acc |= buf[i]!;
  return acc < 0x80;
}
