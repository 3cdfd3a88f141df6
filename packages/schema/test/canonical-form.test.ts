import { loadSchema, parsingCanonicalForm } from '@charter/schema';
import { describe, expect, it } from 'vitest';

const SCHEMA = loadSchema({
  type: 'error',
  name: 'a.Failure',
  doc: 'left out',
  fields: [
    { name: 'at', type: { type: 'long', logicalType: 'timestamp-millis' }, default: 0 },
    { name: 'amount', type: { type: 'bytes', logicalType: 'decimal', precision: 9, scale: 2 } },
    { name: 'kind', type: { type: 'enum', name: 'Kind', symbols: ['A', 'B'], default: 'B' }, default: 'A' },
    { name: 'id', type: { type: 'fixed', name: 'Id', size: 16, logicalType: 'uuid' } },
    { name: 'tags', type: { type: 'array', items: 'string' }, default: [] },
  ],
});

describe('parsingCanonicalForm options', () => {
  it('is Parsing Canonical Form without options (error as record, no defaults, no logical types)', () => {
    const pcf =
      '{"name":"a.Failure","type":"record","fields":[{"name":"at","type":"long"},{"name":"amount","type":"bytes"},{"name":"kind","type":{"name":"a.Kind","type":"enum","symbols":["A","B"]}},{"name":"id","type":{"name":"a.Id","type":"fixed","size":16}},{"name":"tags","type":{"type":"array","items":"string"}}]}';
    expect(parsingCanonicalForm(SCHEMA)).toBe(pcf);
    expect(parsingCanonicalForm(SCHEMA, {})).toBe(pcf);
  });

  it('keeps field and enum defaults, logical types and the error type when asked', () => {
    expect(parsingCanonicalForm(SCHEMA, { defaults: true, logicalTypes: true, errorTypes: true })).toBe(
      '{"name":"a.Failure","type":"error","fields":[' +
        '{"name":"at","type":{"type":"long","logicalType":"timestamp-millis"},"default":0},' +
        '{"name":"amount","type":{"type":"bytes","logicalType":"decimal(9,2)"}},' +
        '{"name":"kind","type":{"name":"a.Kind","type":"enum","symbols":["A","B"],"default":"B"},"default":"A"},' +
        '{"name":"id","type":{"name":"a.Id","type":"fixed","size":16,"logicalType":"uuid"}},' +
        '{"name":"tags","type":{"type":"array","items":"string"},"default":[]}]}',
    );
  });

  it('applies each option alone', () => {
    expect(parsingCanonicalForm(SCHEMA, { defaults: true })).toContain('"symbols":["A","B"],"default":"B"}');
    expect(parsingCanonicalForm(SCHEMA, { defaults: true })).not.toContain('logicalType');
    expect(parsingCanonicalForm(SCHEMA, { logicalTypes: true })).toContain('"logicalType":"decimal(9,2)"');
    expect(parsingCanonicalForm(SCHEMA, { logicalTypes: true })).not.toContain('default');
    expect(parsingCanonicalForm(SCHEMA, { errorTypes: true })).toMatch(
      /^\{"name":"a.Failure","type":"error"/,
    );
  });
});
