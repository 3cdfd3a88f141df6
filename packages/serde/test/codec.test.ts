import { AvroCodec, DecodeError, EncodeError, InvalidValueError, LongRangeError } from '@charter/serde';
import { arbitraryFor } from '@charter/serde/testing';
import avro from 'avsc';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixture } from './support/fixtures.js';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('binary encoding of primitives', () => {
  it('writes ints and longs as zig-zag varints', () => {
    const int = new AvroCodec('"int"');
    expect([0, -1, 1, -64, 64, 2 ** 31 - 1, -(2 ** 31)].map((n) => hex(int.encode(n)))).toEqual([
      '00',
      '01',
      '02',
      '7f',
      '8001',
      'feffffff0f',
      'ffffffff0f',
    ]);
  });

  it('agrees with bigint longs on the edges of the safe range', () => {
    const asNumber = new AvroCodec('"long"');
    const asBigint = new AvroCodec('"long"', { longs: 'bigint' });
    for (const n of [
      Number.MAX_SAFE_INTEGER,
      -Number.MAX_SAFE_INTEGER,
      2 ** 31,
      -(2 ** 31) - 1,
      2 ** 40 + 3,
    ]) {
      const bytes = asNumber.encode(n);
      expect(hex(bytes)).toBe(hex(asBigint.encode(BigInt(n))));
      expect(asNumber.decode(bytes)).toBe(n);
    }
  });

  it('never rounds a long: beyond ±(2^53-1) numbers are refused and bigints are exact', () => {
    const asNumber = new AvroCodec('"long"');
    const asBigint = new AvroCodec('"long"', { longs: 'bigint' });
    expect(() => asNumber.encode(2 ** 53)).toThrow(EncodeError);
    expect(() => asNumber.encode(1.5)).toThrow(EncodeError);
    for (const big of [2n ** 53n, -(2n ** 63n), 2n ** 63n - 1n]) {
      const bytes = asBigint.encode(big);
      expect(asBigint.decode(bytes)).toBe(big);
      expect(() => asNumber.decode(bytes)).toThrow(LongRangeError);
    }
  });

  it('writes the same bytes as avsc for schemas without logical types', () => {
    const schema = JSON.parse(fixture('tree'));
    const ours = new AvroCodec(schema);
    const theirs = avro.Type.forSchema(schema, { wrapUnions: true });
    fc.assert(
      fc.property(arbitraryFor(ours.schema), (value) => {
        const bytes = ours.encode(value);
        expect(theirs.isValid(theirs.fromBuffer(bytes))).toBe(true);
        expect(hex(theirs.toBuffer(theirs.fromBuffer(bytes)))).toBe(hex(bytes));
      }),
      { numRuns: 100 },
    );
  });
});

describe('logical types', () => {
  const decimal = new AvroCodec({ type: 'bytes', logicalType: 'decimal', precision: 6, scale: 2 });

  it('encodes decimals as two’s-complement unscaled bytes', () => {
    expect(hex(decimal.encode('19.99'))).toBe('0407cf');
    expect(hex(decimal.encode('-0.01'))).toBe('02ff');
    expect(hex(decimal.encode('1.5'))).toBe('0400' + '96');
    expect(hex(decimal.encode('0'))).toBe('0200');
    expect(decimal.decode(decimal.encode('1.5'))).toBe('1.50');
    expect(decimal.decode(decimal.encode('-0.01'))).toBe('-0.01');
    expect(decimal.decode(decimal.encode('1.500'))).toBe('1.50');
  });

  it('refuses decimals that would lose digits or do not fit', () => {
    expect(decimal.validate('1.234')).toEqual([
      { path: '', message: '"1.234" has more than 2 fraction digits' },
    ]);
    expect(decimal.validate('12345.6')[0]?.message).toMatch(/does not fit decimal\(6,2\)/);
    expect(decimal.validate(19.99)[0]?.message).toMatch(/expected a decimal string, got number/);
    expect(decimal.validate('1e3')[0]?.message).toMatch(/invalid decimal/);
  });

  it('sign-extends decimals in a fixed', () => {
    const fixed = new AvroCodec({
      type: 'fixed',
      name: 'D',
      size: 4,
      logicalType: 'decimal',
      precision: 9,
      scale: 3,
    });
    expect(hex(fixed.encode('-1.000'))).toBe('fffffc18');
    expect(fixed.decode(fixed.encode('-1'))).toBe('-1.000');
  });

  it('converts dates, times and timestamps exactly', () => {
    const date = new AvroCodec({ type: 'int', logicalType: 'date' });
    expect(hex(date.encode('1970-01-02'))).toBe('02');
    expect(date.decode(date.encode('1969-12-31'))).toBe('1969-12-31');
    expect(date.validate('2023-02-29')[0]?.message).toMatch(/expected a date/);

    const millis = new AvroCodec({ type: 'long', logicalType: 'timestamp-millis' });
    const at = new Date('2024-05-01T12:30:00.123Z');
    expect(millis.decode(millis.encode(at))).toEqual(at);
    expect(millis.validate(new Date(Number.NaN))[0]?.message).toBe('expected a valid Date');

    const micros = new AvroCodec({ type: 'long', logicalType: 'timestamp-micros' });
    expect(micros.decode(micros.encode(1_714_566_600_123_456n))).toBe(1_714_566_600_123_456n);

    const time = new AvroCodec({ type: 'long', logicalType: 'time-micros' });
    expect(time.decode(time.encode('23:59:59.999999'))).toBe('23:59:59.999999');
    expect(time.validate('24:00:00')[0]?.message).toMatch(/time of day/);

    const local = new AvroCodec({ type: 'long', logicalType: 'local-timestamp-micros' });
    expect(local.decode(local.encode('1969-12-31T23:59:59.999999'))).toBe('1969-12-31T23:59:59.999999');
    expect(hex(local.encode('1970-01-01T00:00:00.000001'))).toBe('02');
  });

  it('reports values outside what the representation can hold as DecodeError', () => {
    const long = new AvroCodec('"long"');
    const int = new AvroCodec('"int"');
    const millis = new AvroCodec({ type: 'long', logicalType: 'timestamp-millis' });
    const date = new AvroCodec({ type: 'int', logicalType: 'date' });
    const time = new AvroCodec({ type: 'int', logicalType: 'time-millis' });
    expect(() => millis.decode(long.encode(9e15))).toThrow(DecodeError);
    expect(() => date.decode(int.encode(2 ** 31 - 1))).toThrow(/out of range/);
    expect(() => time.decode(int.encode(-1))).toThrow(DecodeError);
    expect(() => time.decode(int.encode(86_400_000))).toThrow(DecodeError);
  });

  it('checks UUIDs and keeps them as strings (or 16 bytes in a fixed)', () => {
    const uuid = new AvroCodec({ type: 'string', logicalType: 'uuid' });
    expect(uuid.validate('not-a-uuid')[0]?.message).toBe('expected a UUID string');
    const fixed = new AvroCodec({ type: 'fixed', name: 'U', size: 16, logicalType: 'uuid' });
    const id = '123e4567-e89b-12d3-a456-426614174000';
    expect(hex(fixed.encode(id))).toBe('123e4567e89b12d3a456426614174000');
    expect(fixed.decode(fixed.encode(id.toUpperCase()))).toBe(id);
  });
});

describe('validation and errors', () => {
  const codec = new AvroCodec(fixture('order-placed'));
  const good = {
    orderId: '3f2b8c1e-9a4d-4e7b-8f61-2c5d9e0a7b13',
    placedAt: new Date(0),
    status: 'PAID',
    customer: {
      customerId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
      fullName: 'Ada',
      email: 'ada@example.com',
      shippingAddress: { line1: '1 Way', town: 'Bath', postcode: 'BA1', countryCode: 'GB' },
    },
    items: [{ sku: 'A', quantity: 1, unitPrice: '2.50' }],
    metadata: { channel: 'web' },
    giftNote: null,
  };

  it('lists every bad value with its path', () => {
    const bad = {
      ...good,
      status: 'LOST',
      items: [...good.items, { sku: 7, quantity: 1.5, unitPrice: 2.5 }],
      metadata: { 'a key': 1 },
    };
    expect(codec.validate(good)).toEqual([]);
    expect(codec.validate(bad)).toEqual([
      {
        path: 'status',
        message:
          'expected one of PENDING, PAID, SHIPPED, DELIVERED, CANCELLED (com.example.orders.OrderStatus), got "LOST"',
      },
      { path: 'items[1].sku', message: 'expected a string, got 7' },
      { path: 'items[1].quantity', message: 'expected a 32-bit integer, got 1.5' },
      { path: 'items[1].unitPrice', message: 'expected a decimal string, got number' },
      { path: 'metadata["a key"]', message: 'expected a string, got 1' },
    ]);
    expect(() => codec.encode(bad as never)).toThrow(
      /cannot encode com\.example\.orders\.OrderPlaced at status: expected one of .* \(and 4 more\)/,
    );
  });

  it('treats undefined as missing, never as null', () => {
    expect(codec.validate({ ...good, giftNote: undefined })).toEqual([
      { path: 'giftNote', message: 'expected a string, got undefined' },
    ]);
  });

  it('reports truncated input and trailing bytes', () => {
    const bytes = codec.encode(good as never);
    expect(() => codec.decode(bytes.subarray(0, bytes.length - 3))).toThrow(DecodeError);
    expect(() => codec.decode(Buffer.concat([bytes, Buffer.from([0])]))).toThrow(/1 trailing bytes/);
  });

  it('tags multi-branch unions with the branch name', () => {
    const union = new AvroCodec('["null", "string", {"type": "record", "name": "a.P", "fields": []}]');
    expect(union.decode(union.encode({ type: 'a.P', value: {} } as never))).toEqual({
      type: 'a.P',
      value: {},
    });
    expect(union.validate({ type: 'P', value: {} })[0]?.message).toMatch(
      /expected null or \{ type: "string" \| "a.P", value \}/,
    );
    expect(union.validate('plain')).toHaveLength(1);
  });

  it('keeps __proto__ as an ordinary map key', () => {
    const map = new AvroCodec('{"type": "map", "values": "int"}');
    const value = JSON.parse('{"__proto__": 1, "b": 2}');
    const back = map.decode(map.encode(value)) as Record<string, number>;
    expect(Object.keys(back)).toEqual(['__proto__', 'b']);
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
  });
});

describe('create()', () => {
  const codec = new AvroCodec(fixture('kitchen-sink'));

  it('fills defaults at every depth and converts them to the value representation', () => {
    const value = codec.create({
      hash: new Uint8Array(16),
      bigAmount: '1.000000000',
      id: '123e4567-e89b-12d3-a456-426614174000',
      fixedId: '123e4567-e89b-12d3-a456-426614174000',
      timeMs: '00:00:00.000',
      timeUs: '00:00:00.000000',
      atMicros: 0n,
      atNanos: 0n,
      localAt: '2024-01-01T00:00:00.000',
      localAtMicros: '2024-01-01T00:00:00.000000',
      localAtNanos: '2024-01-01T00:00:00.000000000',
      span: { months: 1, days: 2, milliseconds: 3 },
      nested: { point: { x: 1, y: 2 } },
    }) as Record<string, unknown>;
    expect(value).toMatchObject({
      nothing: null,
      flag: true,
      big: -1,
      ratio: 1.5,
      raw: new Uint8Array([0, 255]),
      text: 'hé',
      status: 'SUSPENDED',
      tags: ['a', 'b'],
      counters: { x: 1 },
      textOrNull: 'none',
      single: 7,
      choice: null,
      amount: '19.99',
      day: '2022-01-08',
      at: new Date(0),
      nested: { point: { x: 1, y: 2 }, note: null },
    });
    expect(codec.decode(codec.encode(value))).toEqual(value);
  });

  it('throws with the paths of missing fields', () => {
    expect(() => codec.create({} as never)).toThrow(InvalidValueError);
    expect(() => codec.create({} as never)).toThrow(/cannot create com\.example\.sink\.KitchenSink at hash/);
  });
});
