import { fieldToAvroJson, loadSchema, newWriteContext, schemaToString } from '@charter/schema';
import { describe, expect, it } from 'vitest';

// Expected strings follow Avro Java's Schema.toString (Name.getQualified).
describe('names written by reference', () => {
  it('keeps the namespace of a type named like an Avro type (record, map, ...) in its own namespace', () => {
    const s = loadSchema({
      type: 'record',
      name: 'a.R',
      fields: [
        { name: 'x', type: { type: 'record', name: 'map', fields: [] } },
        { name: 'y', type: 'map' },
      ],
    });
    expect(schemaToString(s)).toBe(
      '{"type":"record","name":"R","namespace":"a","fields":[{"name":"x","type":{"type":"record","name":"map","fields":[]}},{"name":"y","type":"a.map"}]}',
    );
  });

  it('writes a field with a shared context, so a type already written is written by name', () => {
    const s = loadSchema({
      type: 'record',
      name: 'n.R',
      fields: [{ name: 'e', type: { type: 'enum', name: 'E', symbols: ['A'] }, default: 'A' }],
    });
    if (s.type !== 'record') throw new Error('record expected');
    const ctx = newWriteContext('n');
    expect(fieldToAvroJson(s.fields[0]!, ctx)).toEqual({
      name: 'e',
      type: { type: 'enum', name: 'E', symbols: ['A'] },
      default: 'A',
    });
    expect(fieldToAvroJson(s.fields[0]!, ctx)).toEqual({ name: 'e', type: 'E', default: 'A' });
  });
});
