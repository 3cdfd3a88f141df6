// Edge cases of the codec's fast paths (ASCII strings, safe longs, small decimals, UUID checks, the output
// slab), each checked against a slower reference: avsc's bytes, BigInt arithmetic or Buffer's UTF-8.
import { AvroCodec, EncodeError } from '@charter/serde';
import avro from 'avsc';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDecimal, parseSmallDecimal } from '../src/logical/decimal.js';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('strings', () => {
  const ours = new AvroCodec('"string"');
  const theirs = avro.Type.forSchema('string');
  const ascii = (n: number) =>
    Array.from({ length: n }, (_, i) => String.fromCharCode(32 + (i % 95))).join('');
  const edges = [
    '',
    'a',
    ascii(3),
    ascii(4),
    ascii(5),
    ascii(63),
    ascii(64),
    ascii(65),
    ascii(200),
    ascii(5000),
    'é',
    '\u0080',
    '\u00ff',
    '€uro',
    'ab😀cd',
    '😀',
    `${ascii(62)}é`,
    `${ascii(63)}é`,
    `${ascii(64)}é`,
    `${ascii(3)}\u0130`, // 0x130 & 0x7f is '0': a table look-up must not see it as ASCII
    `naïve ${'ü'.repeat(100)}`,
  ];

  it('writes the bytes avsc writes and reads them back', () => {
    for (const s of edges) {
      const bytes = ours.encode(s);
      expect(hex(bytes), JSON.stringify(s.slice(0, 20))).toBe(hex(theirs.toBuffer(s)));
      expect(ours.decode(bytes)).toBe(s);
    }
  });

  it('replaces lone surrogates as Buffer does', () => {
    for (const s of [
      '\ud800',
      'a\udc00b',
      `${ascii(10)}\ud83d`,
      '\ud800a',
      '\udc00\ud800',
      '\ud800\ud800\udc00',
      `é${'\udfff'.repeat(300)}`,
    ]) {
      const bytes = ours.encode(s);
      expect(hex(bytes)).toBe(hex(new AvroCodec('"bytes"').encode(Buffer.from(s, 'utf8'))));
      expect(ours.decode(bytes)).toBe(Buffer.from(s, 'utf8').toString('utf8'));
    }
  });

  it('agrees with avsc on random strings, alone and many in one record', () => {
    const record = {
      type: 'record',
      name: 'R',
      fields: [
        { name: 'a', type: 'string' },
        { name: 'b', type: { type: 'array', items: 'string' } },
        { name: 'c', type: { type: 'map', values: 'string' } },
      ],
    };
    const oursRecord = new AvroCodec(record);
    const theirsRecord = avro.Type.forSchema(record as avro.Schema);
    const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), fc.string({ maxLength: 80 }));
    fc.assert(
      fc.property(
        fc.record({ a: text, b: fc.array(text, { maxLength: 80 }), c: fc.dictionary(text, text) }),
        (value) => {
          const bytes = oursRecord.encode(value);
          expect(hex(bytes)).toBe(hex(theirsRecord.toBuffer(value)));
          expect(oursRecord.decode(bytes)).toEqual(value);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads strings of inputs above the small-input size, of Uint8Array views and after a frame header', () => {
    const array = new AvroCodec({ type: 'array', items: 'string' });
    const many = Array.from({ length: 400 }, (_, i) => (i % 7 === 0 ? `é${i}` : `item-number-${i}`));
    const bytes = array.encode(many);
    expect(bytes.length).toBeGreaterThan(4096);
    expect(array.decode(bytes)).toEqual(many);
    const small = ['x', 'yz', 'ü', 'abcdefghijklmnop'];
    const padded = new Uint8Array(100);
    const inner = array.encode(small);
    padded.set(inner, 7);
    expect(array.decode(padded.subarray(7, 7 + inner.length))).toEqual(small);
    const framed = array.encodeFramed(42, small);
    expect(array.decode(framed, undefined, 5)).toEqual(small);
  });

  it('reports a string that runs past the end', () => {
    const bytes = ours.encode('hello');
    expect(() => ours.decode(bytes.subarray(0, 4))).toThrow(/truncated/);
    expect(() => ours.decode(Buffer.from([0x03]))).toThrow(/negative length/);
  });
});

describe('strings read without looking at their bytes, checked once per message', () => {
  // every kind of raw byte next to strings: a miscount of bytes >= 0x80 outside strings would let a
  // non-ASCII string through as latin1
  const schema = {
    type: 'record',
    name: 'Mixed',
    fields: [
      { name: 's', type: 'string' },
      { name: 'b', type: 'bytes' },
      { name: 'f', type: { type: 'fixed', name: 'F', size: 5 } },
      { name: 'x', type: 'float' },
      { name: 'd', type: 'double' },
      { name: 'l', type: 'long' },
      { name: 'i', type: 'int' },
      { name: 'm', type: { type: 'bytes', logicalType: 'decimal', precision: 12, scale: 3 } },
      { name: 'n', type: ['null', 'string', 'long'] },
      { name: 'a', type: { type: 'array', items: 'string' } },
      { name: 'z', type: 'string' },
    ],
  };
  const codec = new AvroCodec(schema);
  const text = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.string({ unit: 'binary', maxLength: 12 }),
    fc.constantFrom('é', 'ÿ', '€', '😀', 'a\u0080'),
  );
  const bytes = (n: number) => fc.uint8Array({ minLength: n, maxLength: n });
  const value = fc.record({
    s: text,
    b: fc.uint8Array({ maxLength: 12 }),
    f: bytes(5),
    x: fc.float({ noNaN: true }).map(Math.fround),
    d: fc.double({ noNaN: true }),
    l: fc.maxSafeInteger(),
    i: fc.integer(),
    m: fc.bigInt({ min: -(10n ** 12n) + 1n, max: 10n ** 12n - 1n }).map((u) => {
      const neg = u < 0n;
      const digits = (neg ? -u : u).toString().padStart(4, '0');
      return `${neg ? '-' : ''}${digits.slice(0, -3)}.${digits.slice(-3)}`;
    }),
    n: fc.oneof(
      fc.constant(null),
      text.map((v) => ({ type: 'string', value: v })),
      fc.maxSafeInteger().map((v) => ({ type: 'long', value: v })),
    ),
    a: fc.array(text, { maxLength: 5 }),
    z: text,
  });

  it('gives every value back, whether its strings are ASCII or not', () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 4 }), (values) => {
        // decoded one after another: after a non-ASCII message the next ones are read checked
        const encoded = values.map((v) => codec.encode(v));
        encoded.forEach((bytes, k) => {
          expect(codec.decode(bytes)).toEqual(values[k]);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('skips strings a reader does not have, ASCII or not', () => {
    const reader = { ...schema, fields: schema.fields.filter((f) => f.name !== 's' && f.name !== 'a') };
    const readerCodec = new AvroCodec(reader);
    fc.assert(
      fc.property(value, (v) => {
        const { s: _s, a: _a, ...rest } = v;
        expect(readerCodec.decode(codec.encode(v), schema)).toEqual(rest);
      }),
      { numRuns: 300 },
    );
  });

  it('reports truncated input the same way', () => {
    const v = {
      s: 'héllo',
      b: new Uint8Array([0xff]),
      f: new Uint8Array(5).fill(0x80),
      x: 1.5,
      d: -2,
      l: 2 ** 40,
      i: -3,
      m: '-1.250',
      n: { type: 'string', value: 'ü' },
      a: ['é'],
      z: 'end',
    };
    const bytes = codec.encode(v);
    for (let cut = 1; cut < bytes.length; cut++) {
      expect(() => codec.decode(bytes.subarray(0, cut))).toThrow();
    }
    expect(codec.decode(bytes)).toEqual(v);
  });
});

describe('longs', () => {
  const asNumber = new AvroCodec('"long"');
  const asBigint = new AvroCodec('"long"', { longs: 'bigint' });
  const theirs = avro.Type.forSchema('long');

  /** Zig-zag varint of a signed 64-bit value, with BigInt arithmetic. */
  function reference(v: bigint): string {
    let z = BigInt.asUintN(64, (v << 1n) ^ (v >> 63n));
    const out: number[] = [];
    while (z > 0x7fn) {
      out.push(Number(z & 0x7fn) | 0x80);
      z >>= 7n;
    }
    out.push(Number(z));
    return hex(Uint8Array.from(out));
  }

  it('writes every safe integer as the 64-bit zig-zag varint, near each byte boundary', () => {
    const values: number[] = [];
    for (let bits = 0; bits <= 53; bits++) {
      for (const d of [-1, 0, 1]) {
        const v = 2 ** bits + d;
        if (Number.isSafeInteger(v)) values.push(v, -v || 0);
      }
    }
    values.push(Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 2 ** 52 - 1, -(2 ** 52), 1732650000123);
    for (const v of values) {
      const bytes = asNumber.encode(v);
      expect(hex(bytes), String(v)).toBe(reference(BigInt(v)));
      // avsc zig-zags with doubles, which is exact below 2^52 only
      if (Math.abs(v) < 2 ** 52) expect(hex(bytes), String(v)).toBe(hex(theirs.toBuffer(v)));
      expect(asNumber.decode(bytes)).toBe(v);
      expect(asBigint.decode(bytes)).toBe(BigInt(v));
    }
  });

  it('agrees with BigInt arithmetic on random safe integers', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (v) => {
        expect(hex(asNumber.encode(v))).toBe(reference(BigInt(v)));
        expect(asNumber.decode(asNumber.encode(v))).toBe(v);
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps bigints beyond 2^53 exact and refuses them as numbers', () => {
    const edges = [2n ** 53n, -(2n ** 53n), 2n ** 53n + 1n, 2n ** 62n, 2n ** 63n - 1n, -(2n ** 63n)];
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), (v) => {
        expect(hex(asBigint.encode(v))).toBe(reference(v));
        expect(asBigint.decode(asBigint.encode(v))).toBe(v);
      }),
      { numRuns: 500, examples: edges.map((v) => [v]) },
    );
    for (const v of edges) expect(() => asNumber.decode(asBigint.encode(v))).toThrow(RangeError);
    expect(() => asNumber.encode(2 ** 53)).toThrow(EncodeError);
    expect(() => asNumber.encode(-(2 ** 53))).toThrow(EncodeError);
  });

  it('writes timestamps of every era', () => {
    const millis = new AvroCodec({ type: 'long', logicalType: 'timestamp-millis' });
    for (const ms of [0, -1, 1732650000123, -62135596800000, 8.64e15, -8.64e15]) {
      const bytes = millis.encode(new Date(ms));
      expect(hex(bytes)).toBe(reference(BigInt(ms)));
      expect((millis.decode(bytes) as Date).getTime()).toBe(ms);
    }
  });
});

describe('decimals', () => {
  /** Two's complement of the unscaled value, as few bytes as hold it (Avro Java's BigInteger.toByteArray). */
  function reference(unscaled: bigint): string {
    let k = 1;
    while (unscaled < -(2n ** BigInt(8 * k - 1)) || unscaled >= 2n ** BigInt(8 * k - 1)) k++;
    return BigInt.asUintN(8 * k, unscaled)
      .toString(16)
      .padStart(2 * k, '0');
  }

  function text(unscaled: bigint, scale: number): string {
    const neg = unscaled < 0n;
    const digits = (neg ? -unscaled : unscaled).toString().padStart(scale + 1, '0');
    const body = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
    return neg ? `-${body}` : body;
  }

  for (const [precision, scale] of [
    [10, 2],
    [4, 4],
    [15, 3],
    [15, 0],
    [9, 7],
    [16, 2],
    [38, 9],
  ] as const) {
    it(`agree with BigInt arithmetic for decimal(${precision},${scale})`, () => {
      const codec = new AvroCodec({ type: 'bytes', logicalType: 'decimal', precision, scale });
      const limit = 10n ** BigInt(precision) - 1n;
      const edges = [0n, 1n, -1n, limit, -limit, 127n, 128n, -128n, -129n, 2n ** 31n, -(2n ** 31n) - 1n];
      fc.assert(
        fc.property(fc.bigInt({ min: -limit, max: limit }), (u) => {
          const s = text(u, scale);
          const bytes = codec.encode(s);
          expect(hex(bytes.subarray(1))).toBe(reference(u));
          expect(codec.decode(bytes)).toBe(s);
        }),
        { numRuns: 400, examples: edges.filter((u) => u <= limit && u >= -limit).map((u) => [u]) },
      );
    });
  }

  it('accept the same spellings on the fast path as on the exact one', () => {
    const spelling = fc
      .array(fc.constantFrom('0', '1', '5', '9', '.', '-', '+', 'e', ' '), { maxLength: 14 })
      .map((cs) => cs.join(''));
    fc.assert(
      fc.property(spelling, fc.integer({ min: 1, max: 15 }), fc.integer({ min: 0, max: 6 }), (s, p, sc) => {
        const scale = Math.min(sc, p);
        const exact = parseDecimal(s, p, scale);
        const fast = parseSmallDecimal(s, p, scale);
        // the fast path may leave a valid spelling to the exact one, never accept an invalid one
        if (typeof exact === 'string') expect(fast).toBeNaN();
        else if (!Number.isNaN(fast)) expect(fast).toBe(Number(exact));
        // plain spellings within the scale always take it
        if (/^-?\d+(\.\d+)?$/.test(s) && typeof exact !== 'string' && (s.split('.')[1] ?? '').length <= scale)
          expect(fast).toBe(Number(exact));
      }),
      { numRuns: 3000 },
    );
    const codec = new AvroCodec({ type: 'bytes', logicalType: 'decimal', precision: 6, scale: 2 });
    for (const bad of ['', '-', '.5', '5.', '1..2', '--1', '+1', '1.234', '12345.6', '1e3', ' 1']) {
      expect(() => codec.encode(bad), bad).toThrow(EncodeError);
    }
    expect(codec.decode(codec.encode('-0'))).toBe('0.00');
    expect(codec.decode(codec.encode('0007.5000'))).toBe('7.50');
    expect(codec.decode(codec.encode('-0.05'))).toBe('-0.05');
  });
});

describe('UUID strings', () => {
  const uuid = new AvroCodec({ type: 'string', logicalType: 'uuid' });
  const id = '3f2b8c1e-9a4d-4e7b-8f61-2c5d9e0a7b13';

  it('are written as their 36 ASCII bytes, in either case', () => {
    expect(uuid.encode(id).toString('latin1')).toBe(`\u0048${id}`);
    expect(uuid.decode(uuid.encode(id.toUpperCase()))).toBe(id.toUpperCase());
  });

  it('refuses a wrong char at every position', () => {
    for (let i = 0; i < 36; i++) {
      const dash = i === 8 || i === 13 || i === 18 || i === 23;
      for (const c of dash ? ['0', 'a', '\u012d'] : ['-', 'g', 'G', ' ', '\u0130', '\u0161', 'é']) {
        const bad = id.slice(0, i) + c + id.slice(i + 1);
        expect(() => uuid.encode(bad), `${i} ${c}`).toThrow(EncodeError);
      }
    }
    for (const bad of [id.slice(1), `${id}0`, 42, null]) expect(() => uuid.encode(bad)).toThrow(EncodeError);
  });
});

describe('union branch indexes', () => {
  it('are checked for unions of two branches (read inline) and of more', () => {
    for (const schema of [
      ['null', 'string'],
      ['null', 'string', 'long'],
    ]) {
      const codec = new AvroCodec(schema);
      expect(codec.decode(Buffer.from([0x00]))).toBeNull();
      expect(codec.decode(Buffer.from([0x02, 0x02, 0x61]))).toEqual(
        schema.length === 2 ? 'a' : { type: 'string', value: 'a' },
      );
      const past = schema.length * 2; // zig-zag of the first index past the end
      expect(() => codec.decode(Buffer.from([past]))).toThrow(`invalid union branch index ${schema.length}`);
      expect(() => codec.decode(Buffer.from([0x01]))).toThrow('invalid union branch index -1');
    }
  });
});

describe('maps', () => {
  const ours = new AvroCodec({ type: 'map', values: 'long' });
  const theirs = avro.Type.forSchema({ type: 'map', values: 'long' });
  const mapOf = (n: number, key = (i: number) => `k${i}`) =>
    Object.fromEntries(Array.from({ length: n }, (_, i) => [key(i), i * 1000]));

  it('count their entries in one or more bytes, as avsc does', () => {
    for (const n of [0, 1, 63, 64, 65, 127, 8191, 8192, 70_000]) {
      const value = mapOf(n);
      const bytes = ours.encode(value);
      expect(hex(bytes), String(n)).toBe(hex(theirs.toBuffer(value)));
      expect(ours.decode(bytes)).toEqual(value);
    }
  });

  it('move their entries when the count needs more bytes after the value outgrew the slab', () => {
    const strings = new AvroCodec({ type: 'map', values: 'string' });
    const value = mapOf(100);
    const big = Object.fromEntries(Object.keys(value).map((k) => [k, 'v'.repeat(1500)]));
    const bytes = strings.encode(big);
    expect(hex(bytes)).toBe(hex(avro.Type.forSchema({ type: 'map', values: 'string' }).toBuffer(big)));
    expect(strings.decode(bytes)).toEqual(big);
  });

  it('write own keys only, in insertion order, with integer-like keys first', () => {
    const value: Record<string, number> = Object.create(null);
    value.b = 1;
    value['2'] = 2;
    value.a = 3;
    value['1'] = 4;
    Object.defineProperty(value, '__proto__', { value: 5, enumerable: true });
    Object.defineProperty(value, 'hidden', { value: 6, enumerable: false });
    expect(Object.keys(ours.decode(ours.encode(value)) as object)).toEqual(['1', '2', 'b', 'a', '__proto__']);
    const inherited = Object.assign(Object.create({ up: 1 }), { own: 2 });
    expect(() => ours.encode(inherited)).toThrow(EncodeError);
    expect(() => ours.encode(new Map([['a', 1]]) as never)).toThrow(EncodeError);
    expect(() => ours.encode({ a: 1, b: 'x' } as never)).toThrow(
      'cannot encode map at b: expected a safe integer (long), got "x"',
    );
  });
});

describe('encoded buffers', () => {
  const codec = new AvroCodec({ type: 'array', items: 'string' });

  it('stay intact while later values are written, whatever their sizes', () => {
    const sizes = [1, 3000, 20, 4095, 4096, 70_000, 5, 65_536, 200_000, 2, 3000, 3000, 3000, 10];
    const values = Array.from({ length: 60 }, (_, i) => {
      const n = sizes[i % sizes.length]!;
      return [`v${i}`, 'x'.repeat(n), i % 3 === 0 ? 'é'.repeat(n % 100) : ''];
    });
    const out = values.map((v, i) => (i % 4 === 1 ? codec.encodeFramed(i, v) : codec.encode(v)));
    values.forEach((v, i) => {
      if (i % 4 === 1) {
        expect(out[i]!.readUInt32BE(1)).toBe(i);
        expect(codec.decode(out[i]!, undefined, 5)).toEqual(v);
      } else expect(codec.decode(out[i]!)).toEqual(v);
    });
  });

  it('are not disturbed by a value that fails half-way', () => {
    const first = codec.encode(['a', 'b']);
    expect(() => codec.encode(['c', 'x'.repeat(10_000), 7 as never])).toThrow(EncodeError);
    const second = codec.encode(['d']);
    expect(codec.decode(first)).toEqual(['a', 'b']);
    expect(codec.decode(second)).toEqual(['d']);
  });

  it('never share a large buffer with the small values after a large one', () => {
    const large = codec.encode(['x'.repeat(200_000)]);
    const small = codec.encode(['y']);
    expect(large.buffer.byteLength).toBe(large.length);
    expect(small.buffer.byteLength).toBeLessThanOrEqual(64 * 1024);
    expect(codec.decode(small)).toEqual(['y']);
  });

  it('grow across the slab size many times in one value', () => {
    const bytes = new AvroCodec({ type: 'array', items: 'bytes' });
    const value = Array.from({ length: 40 }, (_, i) => new Uint8Array(10_000).fill(i));
    expect(bytes.decode(bytes.encode(value))).toEqual(value);
  });
});
