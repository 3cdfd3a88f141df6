import { AvroCodec } from '@charter/serde';
import { arbitraryFor } from '@charter/serde/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sampleSchemas } from './support/fixtures.js';

describe.each(sampleSchemas())('$name', ({ schema }) => {
  for (const longs of ['number', 'bigint'] as const) {
    it(`random values round-trip through encode and decode (longs: ${longs})`, () => {
      const codec = new AvroCodec(schema, { longs });
      fc.assert(
        fc.property(arbitraryFor(schema, { longs }), (value) => {
          expect(codec.validate(value)).toEqual([]);
          expect(codec.decode(codec.encode(value))).toEqual(value);
        }),
        { numRuns: 200 },
      );
    });
  }
});

describe.each(sampleSchemas())('$name read by a reader without every other field', ({ schema }) => {
  it('skips the writer fields the reader lacks, whatever their type', () => {
    if (schema.type !== 'record') throw new Error('samples are records');
    const reader = { ...schema, fields: schema.fields.filter((_, i) => i % 2 === 0) };
    const skipped = schema.fields.filter((_, i) => i % 2 === 1).map((f) => f.name);
    const writerCodec = new AvroCodec(schema);
    const readerCodec = new AvroCodec(reader);
    fc.assert(
      fc.property(arbitraryFor(schema), (value) => {
        const expected = { ...(value as Record<string, unknown>) };
        for (const name of skipped) delete expected[name];
        expect(readerCodec.decode(writerCodec.encode(value), schema)).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });
});
