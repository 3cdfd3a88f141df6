import { loadSchema, newWriteContext, stringifyJson, toAvroJson } from '@charter/schema';
import { describe, expect, it } from 'vitest';

function normalized(json: unknown, known: string[] = []): string {
  const ctx = newWriteContext(undefined, { normalize: true });
  for (const name of known) ctx.written.add(name);
  return stringifyJson(toAvroJson(loadSchema(json), ctx));
}

const SPELLED_ONE_WAY = {
  type: 'record',
  name: 'R',
  namespace: 'a.b',
  aliases: ['Old', 'x.Older'],
  zeta: 1,
  alpha: 2,
  fields: [
    {
      name: 'f',
      type: { type: 'fixed', name: 'F', size: 4, logicalType: 'decimal', precision: 4, scale: 0 },
    },
    { name: 'g', type: ['null', 'F'], aliases: ['h', 'b'], z: true, a: false, default: null },
    { name: 'e', type: { type: 'enum', name: 'c.E', symbols: ['A'], default: 'A' } },
  ],
};

const SPELLED_ANOTHER_WAY = {
  name: 'a.b.R',
  type: 'record',
  alpha: 2,
  zeta: 1,
  aliases: ['x.Older', 'a.b.Old'],
  fields: [
    { name: 'f', type: { name: 'a.b.F', type: 'fixed', size: 4, logicalType: 'decimal', precision: 4 } },
    { name: 'g', type: ['null', 'a.b.F'], aliases: ['b', 'h'], a: false, z: true, default: null },
    { name: 'e', type: { type: 'enum', name: 'E', namespace: 'c', symbols: ['A'], default: 'A' } },
  ],
};

describe("toAvroJson with { normalize: true } (Confluent's normalize=true)", () => {
  it('writes full names without namespace keys, sorted aliases before sorted properties, no decimal scale 0', () => {
    expect(normalized(SPELLED_ONE_WAY)).toBe(
      '{"type":"record","name":"a.b.R","fields":[' +
        '{"name":"f","type":{"type":"fixed","name":"a.b.F","size":4,"logicalType":"decimal","precision":4}},' +
        '{"name":"g","type":["null","a.b.F"],"default":null,"aliases":["b","h"],"a":false,"z":true},' +
        '{"name":"e","type":{"type":"enum","name":"c.E","symbols":["A"],"default":"A"}}' +
        '],"aliases":["a.b.Old","x.Older"],"alpha":2,"zeta":1}',
    );
  });

  it('gives equivalent spellings one text', () => {
    expect(normalized(SPELLED_ANOTHER_WAY)).toBe(normalized(SPELLED_ONE_WAY));
  });

  it('keeps a decimal scale other than 0, and writes types already known by full name', () => {
    const schema = {
      type: 'record',
      name: 'n.R',
      fields: [
        { name: 'd', type: { type: 'bytes', logicalType: 'decimal', precision: 6, scale: 2 } },
        { name: 'z', type: { type: 'bytes', logicalType: 'decimal', precision: 6, scale: 0 } },
      ],
    };
    expect(normalized(schema)).toBe(
      '{"type":"record","name":"n.R","fields":[{"name":"d","type":{"type":"bytes","logicalType":"decimal","precision":6,"scale":2}},{"name":"z","type":{"type":"bytes","logicalType":"decimal","precision":6}}]}',
    );
    expect(normalized(schema, ['n.R'])).toBe('"n.R"');
  });

  it('leaves the default layout alone', () => {
    expect(stringifyJson(toAvroJson(loadSchema(SPELLED_ONE_WAY)))).toBe(
      '{"type":"record","name":"R","namespace":"a.b","fields":[' +
        '{"name":"f","type":{"type":"fixed","name":"F","size":4,"logicalType":"decimal","precision":4,"scale":0}},' +
        '{"name":"g","type":["null","F"],"default":null,"aliases":["h","b"],"z":true,"a":false},' +
        '{"name":"e","type":{"type":"enum","name":"E","namespace":"c","symbols":["A"],"default":"A"}}' +
        '],"zeta":1,"alpha":2,"aliases":["Old","x.Older"]}',
    );
  });
});
