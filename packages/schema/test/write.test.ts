import {
  crc64Avro,
  fingerprints,
  formatJavaDouble,
  loadSchema,
  parseSchemaText,
  parsingCanonicalForm,
  schemaToString,
  stringifyJsonPretty,
} from '@charter/schema';
import { describe, expect, it } from 'vitest';

// Expected strings and fingerprints below were produced by Apache Avro Java (SchemaNormalization,
// Schema.toString) on the same input.
const RECORD =
  '{"type":"record","name":"R","namespace":"a.b","doc":"d","fields":[{"name":"x","type":{"type":"long","logicalType":"timestamp-millis"},"default":1},{"name":"y","type":{"type":"enum","name":"E","symbols":["A","B"]}},{"name":"z","type":["null","E",{"type":"fixed","name":"F","namespace":"c","size":4}],"default":null},{"name":"d","type":"double","default":1.0}]}';

describe('schemaToString', () => {
  it("writes Avro Java's layout: key order, names once, namespace only where it differs, doubles kept", () => {
    const { schema } = parseSchemaText(RECORD);
    expect(schemaToString(schema!)).toBe(RECORD);
  });

  it('writes the null namespace inside a namespaced type as ""', () => {
    const s = loadSchema({
      type: 'record',
      name: 'a.R',
      fields: [{ name: 'x', type: { type: 'fixed', name: 'F', namespace: '', size: 1 } }],
    });
    expect(schemaToString(s)).toBe(
      '{"type":"record","name":"R","namespace":"a","fields":[{"name":"x","type":{"type":"fixed","name":"F","namespace":"","size":1}}]}',
    );
  });

  it('writes field order, aliases and properties after the default', () => {
    const s = loadSchema({
      type: 'record',
      name: 'R',
      aliases: ['Old'],
      fields: [
        { name: 'x', type: 'int', custom: 1, aliases: ['y'], order: 'descending', default: 0, doc: 'x' },
      ],
      extra: 'p',
    });
    expect(schemaToString(s)).toBe(
      '{"type":"record","name":"R","fields":[{"name":"x","type":"int","doc":"x","default":0,"order":"descending","aliases":["y"],"custom":1}],"extra":"p","aliases":["Old"]}',
    );
  });

  it("pretty-prints as Jackson's default printer", () => {
    const s = loadSchema({ type: 'enum', name: 'E', symbols: ['A', 'B'] });
    expect(schemaToString(s, true)).toBe(
      '{\n  "type" : "enum",\n  "name" : "E",\n  "symbols" : [ "A", "B" ]\n}',
    );
    expect(stringifyJsonPretty({ a: [] })).toBe('{\n  "a" : [ ]\n}');
  });
});

describe('formatJavaDouble', () => {
  it.each([
    [1, '1.0'],
    [0.001, '0.001'],
    [1e7, '1.0E7'],
    [-1e12, '-1.0E12'],
    [1.5e-5, '1.5E-5'],
    [123456.789, '123456.789'],
    [Number.NaN, 'NaN'],
  ])('%d → %s', (value, text) => expect(formatJavaDouble(value)).toBe(text));
});

describe('Parsing Canonical Form and fingerprints', () => {
  it('matches Avro Java', () => {
    const { schema } = parseSchemaText(RECORD);
    expect(parsingCanonicalForm(schema!)).toBe(
      '{"name":"a.b.R","type":"record","fields":[{"name":"x","type":"long"},{"name":"y","type":{"name":"a.b.E","type":"enum","symbols":["A","B"]}},{"name":"z","type":["null","a.b.E",{"name":"c.F","type":"fixed","size":4}]},{"name":"d","type":"double"}]}',
    );
    expect(BigInt.asIntN(64, fingerprints(schema!).crc64)).toBe(2870404632375654072n);
    expect(BigInt.asIntN(64, crc64Avro(new TextEncoder().encode('"int"')))).toBe(8247732601305521295n);
  });

  it('gives MD5 and SHA-256 of the canonical form', () => {
    const f = fingerprints(loadSchema('int'));
    expect(f.md5).toBe('ef524ea1b91e73173d938ade36c1db32');
    expect(f.sha256).toBe('3f2b87a9fe7cc9b13835598c3981cd45e3e355309e5090aa0933d7becb6fba45');
  });
});
