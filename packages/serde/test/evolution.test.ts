import { AvroCodec, ResolutionError } from '@charter/serde';
import { describe, expect, it } from 'vitest';

const v1 = {
  type: 'record',
  name: 'OrderPlaced',
  namespace: 'com.example.orders',
  fields: [
    { name: 'orderId', type: 'string' },
    {
      name: 'status',
      type: { type: 'enum', name: 'OrderStatus', symbols: ['PENDING', 'PAID'], default: 'PENDING' },
    },
    { name: 'total', type: { type: 'bytes', logicalType: 'decimal', precision: 10, scale: 2 } },
    { name: 'customerName', type: 'string' },
    { name: 'itemCount', type: 'int' },
    { name: 'note', type: 'string' },
    { name: 'legacyCode', type: 'string' },
  ],
};

const v2 = {
  type: 'record',
  name: 'OrderPlaced',
  namespace: 'com.example.orders',
  fields: [
    { name: 'orderId', type: 'string' },
    {
      name: 'status',
      type: {
        type: 'enum',
        name: 'OrderStatus',
        symbols: ['PENDING', 'PAID', 'SHIPPED'],
        default: 'PENDING',
      },
    },
    { name: 'total', type: { type: 'bytes', logicalType: 'decimal', precision: 10, scale: 2 } },
    { name: 'buyerName', type: 'string', aliases: ['customerName'] },
    { name: 'itemCount', type: 'long' },
    { name: 'note', type: ['null', 'string'], default: null },
    { name: 'channel', type: 'string', default: 'web' },
    {
      name: 'tags',
      type: { type: 'map', values: { type: 'array', items: 'string' } },
      default: { promo: ['black-friday'] },
    },
  ],
};

const written = {
  orderId: 'o-1',
  status: 'PAID',
  total: '19.99',
  customerName: 'Ada',
  itemCount: 3,
  note: 'ring twice',
  legacyCode: 'X1',
};

describe('events written with version 1 are read by version 2', () => {
  const writer = new AvroCodec(v1);
  const reader = new AvroCodec(v2);
  const bytes = writer.encode(written);
  const read = reader.decode(bytes, v1) as Record<string, unknown>;

  it('fills an added field from its default', () => {
    expect(read.channel).toBe('web');
    expect(read.tags).toEqual({ promo: ['black-friday'] });
  });

  it('reads a renamed field through its alias', () => {
    expect(read.buyerName).toBe('Ada');
    expect(read).not.toHaveProperty('customerName');
  });

  it('promotes int to long and a plain type into a union', () => {
    expect(read.itemCount).toBe(3);
    expect(read.note).toBe('ring twice');
  });

  it('drops a removed field and keeps the rest', () => {
    expect(read).toEqual({
      orderId: 'o-1',
      status: 'PAID',
      total: '19.99',
      buyerName: 'Ada',
      itemCount: 3,
      note: 'ring twice',
      channel: 'web',
      tags: { promo: ['black-friday'] },
    });
  });

  it('compiles one decoder per writer schema, whatever form it is given in', () => {
    const text = JSON.stringify(v1);
    expect(reader.resolver(text)).toBe(reader.resolver(text));
    expect(reader.resolver(v1)).toBe(reader.resolver(text));
    expect(reader.resolver(v2)).toBe(reader.resolver(reader.schema));
  });

  it('gives every decoded value its own default object', () => {
    const a = reader.decode(bytes, v1) as { tags: Record<string, string[]> };
    a.tags.promo!.push('mutated');
    const b = reader.decode(bytes, v1) as { tags: Record<string, string[]> };
    expect(b.tags.promo).toEqual(['black-friday']);
  });
});

describe('events written with version 2 are read by version 1 (forward)', () => {
  const writer = new AvroCodec(v2);
  const reader = new AvroCodec({
    ...v1,
    fields: v1.fields.slice(0, 3),
  });

  it('reads a new enum symbol as the enum default', () => {
    const bytes = writer.encode({
      orderId: 'o-2',
      status: 'SHIPPED',
      total: '5.00',
      buyerName: 'Bo',
      itemCount: 1,
      note: null,
      channel: 'app',
      tags: {},
    });
    const read = reader.decode(bytes, v2) as Record<string, unknown>;
    expect(read.status).toBe('PENDING');
  });

  it('fails on a new enum symbol when the reader has no enum default', () => {
    const strict = new AvroCodec({
      ...v1,
      fields: [{ name: 'status', type: { type: 'enum', name: 'OrderStatus', symbols: ['PENDING', 'PAID'] } }],
    });
    const w = new AvroCodec({ ...v2, fields: [v2.fields[1]] });
    expect(strict.decode(w.encode({ status: 'PAID' }), w.schema)).toEqual({ status: 'PAID' });
    expect(() => strict.decode(w.encode({ status: 'SHIPPED' }), w.schema)).toThrow(ResolutionError);
  });
});

describe('resolution errors', () => {
  it('names the reader field that has no default', () => {
    const reader = new AvroCodec({
      type: 'record',
      name: 'R',
      fields: [
        { name: 'a', type: 'string' },
        { name: 'b', type: 'int' },
      ],
    });
    const writer = { type: 'record', name: 'R', fields: [{ name: 'a', type: 'string' }] };
    expect(() => reader.resolver(writer)).toThrow(/field b has no default.*\(at R\.b\)/);
  });

  it('rejects types that do not promote', () => {
    const reader = new AvroCodec({ type: 'record', name: 'R', fields: [{ name: 'a', type: 'int' }] });
    const writer = { type: 'record', name: 'R', fields: [{ name: 'a', type: 'long' }] };
    expect(() => reader.resolver(writer)).toThrow(/cannot read a long as int \(at R\.a\)/);
  });

  it('fails only when a writer union branch the reader lacks is actually read', () => {
    const writer = new AvroCodec({
      type: 'record',
      name: 'R',
      fields: [{ name: 'v', type: ['null', 'string', 'boolean'] }],
    });
    const reader = new AvroCodec({
      type: 'record',
      name: 'R',
      fields: [{ name: 'v', type: ['null', 'string'] }],
    });
    const ok = writer.encode({ v: { type: 'string', value: 'x' } });
    expect(reader.decode(ok, writer.schema)).toEqual({ v: 'x' });
    const bad = writer.encode({ v: { type: 'boolean', value: true } });
    expect(() => reader.decode(bad, writer.schema)).toThrow(ResolutionError);
  });
});

describe('union resolution picks branches as Avro Java does', () => {
  const point = { type: 'record', name: 'Point', namespace: 'a', fields: [{ name: 'x', type: 'int' }] };

  it('matches a renamed record through the reader alias', () => {
    const writer = new AvroCodec({
      type: 'record',
      name: 'R',
      fields: [{ name: 'p', type: ['null', point] }],
    });
    const reader = new AvroCodec({
      type: 'record',
      name: 'R',
      fields: [
        {
          name: 'p',
          type: [
            'null',
            'string',
            {
              type: 'record',
              name: 'Coord',
              namespace: 'b',
              aliases: ['a.Point'],
              fields: [{ name: 'x', type: 'long' }],
            },
          ],
        },
      ],
    });
    const bytes = writer.encode({ p: { x: 4 } });
    expect(reader.decode(bytes, writer.schema)).toEqual({ p: { type: 'b.Coord', value: { x: 4 } } });
  });

  it('promotes a writer int into the first numeric branch it widens to', () => {
    const writer = new AvroCodec('"int"');
    const reader = new AvroCodec('["null", "string", "double", "long"]');
    expect(reader.decode(writer.encode(7), writer.schema)).toEqual({ type: 'double', value: 7 });
  });

  it('reads string as bytes and bytes as string', () => {
    const s = new AvroCodec('"string"');
    const b = new AvroCodec('"bytes"');
    expect(b.decode(s.encode('hé'), s.schema)).toEqual(new Uint8Array([0x68, 0xc3, 0xa9]));
    expect(s.decode(b.encode(new Uint8Array([0x68, 0x69])), b.schema)).toBe('hi');
  });

  it('reads a writer union into a plain reader type', () => {
    const writer = new AvroCodec('["null", "int"]');
    const reader = new AvroCodec('"long"');
    expect(reader.decode(writer.encode(5), writer.schema)).toBe(5);
    expect(() => reader.decode(writer.encode(null), writer.schema)).toThrow(ResolutionError);
  });
});
