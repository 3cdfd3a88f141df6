import { loadSchema, type Schema } from '@charter/schema';
import { describe, expect, it } from 'vitest';
import { schemaChanges } from '../src/commands/release/schema-changes.js';
import { changeSummary, firstReleaseSummary } from '../src/commands/release/summary.js';
import { typeWords } from '../src/commands/release/type-words.js';

const money = {
  type: 'record',
  name: 'Money',
  namespace: 'shop.common',
  fields: [
    { name: 'amount', type: { type: 'bytes', logicalType: 'decimal', precision: 12, scale: 2 } },
    { name: 'currency', type: 'string', default: 'EUR' },
  ],
};

const status = { type: 'enum', name: 'Status', symbols: ['PLACED', 'PAID'], default: 'PLACED' };

function order(fields: object[], extra: object = {}): Schema {
  return loadSchema({
    type: 'record',
    name: 'OrderPlaced',
    namespace: 'shop.orders',
    doc: 'An order was placed.',
    fields,
    ...extra,
  });
}

const base = [
  { name: 'orderId', type: { type: 'string', logicalType: 'uuid' }, doc: 'The order id.' },
  { name: 'status', type: status, default: 'PLACED' },
  { name: 'total', type: money },
  { name: 'note', type: ['null', 'string'], default: null },
];

const texts = (before: Schema, after: Schema) => schemaChanges(before, after).map((c) => c.text);

describe('typeWords', () => {
  it('names types the way a changelog reads', () => {
    const s = order([
      { name: 'a', type: ['null', 'string'] },
      { name: 'b', type: { type: 'array', items: money } },
      { name: 'c', type: { type: 'map', values: 'long' } },
      { name: 'd', type: ['int', 'string', 'null'] },
      {
        name: 'f',
        type: ['null', 'shop.common.Money', { type: 'enum', name: 'Kind', symbols: ['A'] }],
        default: null,
      },
      { name: 'g', type: ['null', { type: 'map', values: 'shop.common.Money' }], default: null },
      { name: 'e', type: { type: 'long', logicalType: 'timestamp-millis' } },
    ]);
    const fields = (s as { fields: { type: Schema }[] }).fields.map((f) => typeWords(f.type));
    expect(fields).toEqual([
      'optional string',
      'array of Money',
      'map of long',
      'optional int or string',
      'optional Money or Kind',
      'optional map of Money',
      'long (timestamp-millis)',
    ]);
  });
});

describe('schemaChanges', () => {
  it('is empty for the same schema', () => {
    expect(schemaChanges(order(base), order(base))).toEqual([]);
  });

  it('lists added fields with type, default and doc, and required ones as such', () => {
    const after = order([
      ...base,
      { name: 'couponCode', type: ['null', 'string'], default: null, doc: 'A promotion code.' },
      { name: 'region', type: 'string' },
    ]);
    expect(texts(order(base), after)).toEqual([
      'Added field `OrderPlaced.couponCode`: optional string, default `null`. A promotion code.',
      'Added required field `OrderPlaced.region`: string, no default.',
    ]);
    expect(schemaChanges(order(base), after).map((c) => [c.kind, c.path])).toEqual([
      ['field-added', 'OrderPlaced.couponCode'],
      ['field-added', 'OrderPlaced.region'],
    ]);
  });

  it('lists removed fields with what they were', () => {
    const after = order(base.filter((f) => f.name !== 'note'));
    expect(texts(order(base), after)).toEqual([
      'Removed field `OrderPlaced.note` (optional string, default `null`).',
    ]);
  });

  it('reports type, default, doc, order and alias changes of a field', () => {
    const after = order([
      { name: 'orderId', type: 'string', doc: 'The id of the order.', aliases: ['id'] },
      { name: 'status', type: status, default: 'PAID', order: 'descending' },
      { name: 'total', type: money },
      { name: 'note', type: ['null', 'string'] },
    ]);
    expect(texts(order(base), after)).toEqual([
      'Changed the type of `OrderPlaced.orderId` from string (uuid) to string.',
      'Changed the doc of `OrderPlaced.orderId`: The id of the order.',
      'Added alias `id` to `OrderPlaced.orderId`.',
      'Changed the default of `OrderPlaced.status` from `"PLACED"` to `"PAID"`.',
      'Changed the sort order of `OrderPlaced.status` from ascending to descending.',
      '`OrderPlaced.note` no longer has a default (it was `null`).',
    ]);
  });

  it('reports a field renamed through an alias once, not as a removal and an addition', () => {
    const after = order([
      ...base.filter((f) => f.name !== 'note'),
      { name: 'packingNote', type: ['null', 'string'], default: null, aliases: ['note'] },
    ]);
    expect(texts(order(base), after)).toEqual([
      'Renamed field `OrderPlaced.note` to `packingNote` (the old name is kept as an alias).',
    ]);
  });

  it('reports changes inside nested named types and enum symbols', () => {
    const after = order([
      base[0]!,
      {
        name: 'status',
        type: { type: 'enum', name: 'Status', symbols: ['PLACED', 'PAID', 'SHIPPED'], default: 'PAID' },
        default: 'PLACED',
      },
      {
        name: 'total',
        type: {
          ...money,
          doc: 'An amount.',
          fields: [...money.fields, { name: 'rate', type: 'double', default: 1 }],
        },
      },
      base[3]!,
    ]);
    expect(texts(order(base), after)).toEqual([
      'Added symbol `SHIPPED` to enum `Status`.',
      'Changed the default symbol of enum `Status` from `PLACED` to `PAID`.',
      'Documented record `Money`: An amount.',
      'Added field `Money.rate`: double, default `1`.',
    ]);
  });

  it('reports removed symbols, new types and renamed types', () => {
    const before = order([
      { name: 'status', type: status, default: 'PLACED' },
      { name: 'card', type: { type: 'fixed', name: 'Fp', size: 16 } },
    ]);
    const after = order([
      { name: 'status', type: { type: 'enum', name: 'Status', symbols: ['PLACED'] }, default: 'PLACED' },
      { name: 'card', type: { type: 'fixed', name: 'Fingerprint', aliases: ['shop.orders.Fp'], size: 32 } },
      {
        name: 'coupon',
        type: ['null', { type: 'record', name: 'Coupon', fields: [{ name: 'code', type: 'string' }] }],
        default: null,
      },
    ]);
    expect(texts(before, after)).toEqual([
      'Added field `OrderPlaced.coupon`: optional record Coupon, default `null`.',
      'Removed symbol `PAID` from enum `Status`.',
      'Enum `Status` no longer has a default symbol (it was `PLACED`).',
      'Renamed fixed `shop.orders.Fp` to `shop.orders.Fingerprint` (the old name is kept as an alias).',
      'Changed the size of fixed `Fingerprint` from 16 to 32 bytes.',
      'New record `shop.orders.Coupon` with field `code` (string).',
    ]);
  });

  it('reports a record doc change', () => {
    const after = order(base, { doc: 'A customer placed an order.' });
    expect(texts(order(base), after)).toEqual([
      'Changed the doc of record `OrderPlaced`: A customer placed an order.',
    ]);
  });
});

describe('summaries', () => {
  const about = {
    schema: 'shop.orders.OrderPlaced',
    topic: 'orders',
    subject: 'orders-value',
    level: 'BACKWARD',
  };

  it('lists the fields of a first release', () => {
    expect(firstReleaseSummary(about, order(base))).toBe(
      [
        'First release of `shop.orders.OrderPlaced` (topic `orders`, subject `orders-value`, BACKWARD).',
        '- `orderId`: string (uuid). The order id.',
        '- `status`: enum Status, default `"PLACED"`.',
        '- `total`: record Money.',
        '- `note`: optional string, default `null`.',
      ].join('\n'),
    );
  });

  it('heads a change with the bump and the version it is compared with', () => {
    const after = order([...base, { name: 'extra', type: 'int', default: 0 }]);
    expect(changeSummary(about, 'minor', 'v1.0.0', order(base), after, [])).toBe(
      [
        '`shop.orders.OrderPlaced` since v1.0.0: a compatible change under BACKWARD (minor).',
        '- Added field `OrderPlaced.extra`: int, default `0`.',
      ].join('\n'),
    );
  });
});
