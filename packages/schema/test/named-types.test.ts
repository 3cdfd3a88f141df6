import { loadSchema, namedTypesOf } from '@charter/schema';
import { describe, expect, it } from 'vitest';

describe('namedTypesOf', () => {
  it('lists every named type reachable from a schema once, depth first, in definition order', () => {
    const schema = loadSchema({
      type: 'record',
      name: 'a.Order',
      fields: [
        {
          name: 'customer',
          type: { type: 'record', name: 'Customer', fields: [{ name: 'next', type: ['null', 'Order'] }] },
        },
        {
          name: 'lines',
          type: {
            type: 'array',
            items: { type: 'record', name: 'b.Line', fields: [{ name: 'c', type: 'a.Customer' }] },
          },
        },
        { name: 'status', type: { type: 'map', values: { type: 'enum', name: 'Status', symbols: ['NEW'] } } },
        { name: 'id', type: ['null', { type: 'fixed', name: 'Id', size: 16 }] },
        { name: 'again', type: 'b.Line' },
        { name: 'n', type: 'long' },
      ],
    });
    expect(namedTypesOf(schema).map((t) => `${t.type} ${t.fullName}`)).toEqual([
      'record a.Order',
      'record a.Customer',
      'record b.Line',
      'enum a.Status',
      'fixed a.Id',
    ]);
  });

  it('is empty for a schema without named types, and the type itself for an enum or fixed', () => {
    expect(namedTypesOf(loadSchema({ type: 'array', items: ['null', 'string'] }))).toEqual([]);
    const e = loadSchema({ type: 'enum', name: 'E', symbols: ['A'] });
    expect(namedTypesOf(e)).toEqual([e]);
  });
});
