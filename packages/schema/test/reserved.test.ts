import { ENUM_RESERVED, FIELD_RESERVED, loadSchema, SCHEMA_RESERVED } from '@charter/schema';
import { describe, expect, it } from 'vitest';

describe('reserved attributes', () => {
  it("are Avro Java's SCHEMA_RESERVED, ENUM_RESERVED and FIELD_RESERVED", () => {
    expect([...SCHEMA_RESERVED].sort()).toEqual([
      'aliases',
      'doc',
      'fields',
      'items',
      'name',
      'namespace',
      'size',
      'symbols',
      'type',
      'values',
    ]);
    expect([...ENUM_RESERVED].sort()).toEqual([...SCHEMA_RESERVED, 'default'].sort());
    expect([...FIELD_RESERVED].sort()).toEqual(['aliases', 'default', 'doc', 'name', 'order', 'type']);
  });

  it('are what the parser keeps out of the custom properties', () => {
    const schema = loadSchema({
      type: 'enum',
      name: 'E',
      symbols: ['A'],
      default: 'A',
      doc: 'd',
      custom: 1,
    });
    expect([...(schema.type === 'enum' ? schema.props.keys() : [])]).toEqual(['custom']);
    const record = loadSchema({
      type: 'record',
      name: 'R',
      fields: [{ name: 'f', type: 'int', order: 'ignore', default: 1, custom: 2, symbols: 3 }],
    });
    expect(record.type === 'record' && [...record.fields[0]!.props.keys()]).toEqual(['custom', 'symbols']);
  });
});
