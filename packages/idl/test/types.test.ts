import { describe, expect, it } from 'vitest';
import { compile, errorAt, json, warnings } from './helpers.js';

/** The JSON of the single field of record R. */
const fieldJson = (decl: string, extra = '') => {
  const out = json(`@namespace("n") protocol P { ${extra} record R { ${decl} } }`);
  const start = out.indexOf('"fields":[') + '"fields":['.length;
  return out.slice(start, out.lastIndexOf(']}]'));
};

describe('primitive, array, map and union types (4.1 to 4.5)', () => {
  it('writes every primitive by name', () => {
    const types = ['null', 'boolean', 'int', 'long', 'float', 'double', 'bytes', 'string'];
    for (const t of types) expect(fieldJson(`${t} f;`)).toBe(`{"name":"f","type":"${t}"}`);
  });

  it('writes arrays, maps and unions of full types', () => {
    expect(fieldJson('array<map<union { null, string }>> f;')).toBe(
      '{"name":"f","type":{"type":"array","items":{"type":"map","values":["null","string"]}}}',
    );
    expect(fieldJson('union { int, array<bytes>, map<E>, @p(1) string } f;', 'enum E { A }')).toBe(
      '{"name":"f","type":["int",{"type":"array","items":"bytes"},{"type":"map","values":"E"},{"type":"string","p":1}]}',
    );
  });

  it('rejects unions with a union inside or two branches of the same type', () => {
    expect(errorAt('protocol P {\n  record R { union { int, union { string } } f; }\n}')).toEqual([
      'IDL019 2:27',
    ]);
    expect(errorAt('protocol P {\n  record R { union { int, string, int } f; }\n}')).toEqual(['IDL019 2:35']);
    expect(errorAt('protocol P {\n  record R { union { date, int } f; }\n}')).toEqual(['IDL019 2:28']);
    expect(errorAt('protocol P {\n  record R { union { null, int? } f; }\n}')).toEqual(['IDL019 2:28']);
  });

  it('writes void as a "null" response', () => {
    expect(json('protocol P { void f(); }')).toBe(
      '{"protocol":"P","types":[],"messages":{"f":{"request":[],"response":"null"}}}',
    );
  });
});

describe('nullable shorthand T? (4.6)', () => {
  it('puts null first without a default or with a null default, last with another default', () => {
    expect(fieldJson('string? f;')).toBe('{"name":"f","type":["null","string"]}');
    expect(fieldJson('string? f = null;')).toBe('{"name":"f","type":["null","string"],"default":null}');
    expect(fieldJson('string? f = "x";')).toBe('{"name":"f","type":["string","null"],"default":"x"}');
    expect(fieldJson('time_ms? f = 0;')).toBe(
      '{"name":"f","type":[{"type":"int","logicalType":"time-millis"},"null"],"default":0}',
    );
  });

  it('orders each variable of one declaration by its own default', () => {
    const out = json('protocol P { record R { int? a = 1, b, c = null; } }');
    expect(out).toContain(
      '"fields":[{"name":"a","type":["int","null"],"default":1},{"name":"b","type":["null","int"]},{"name":"c","type":["null","int"],"default":null}]',
    );
  });

  it('puts annotations before T? on T, not on the union', () => {
    expect(fieldJson('@a(1) @b("2") string? f = null;')).toBe(
      '{"name":"f","type":["null",{"type":"string","a":1,"b":"2"}],"default":null}',
    );
  });

  it('puts null first outside variables: main schema, array items, return types', () => {
    expect(json('schema int?;')).toBe('["null","int"]');
    expect(fieldJson('array<long?> f;')).toBe('{"name":"f","type":{"type":"array","items":["null","long"]}}');
    expect(json('protocol P { string? f(); }')).toBe(
      '{"protocol":"P","types":[],"messages":{"f":{"request":[],"response":["null","string"]}}}',
    );
  });
});

describe('references to named types (4.7, 4.8)', () => {
  it('resolves a simple name in the current namespace and a dotted name as a full name', () => {
    const out = json(
      '@namespace("a") protocol P { @namespace("b") enum E { X } record R { b.E full; } @namespace("b") record S { E simple; } }',
    );
    expect(out).toBe(
      '{"protocol":"P","namespace":"a","types":[{"type":"enum","name":"E","namespace":"b","symbols":["X"]},{"type":"record","name":"R","fields":[{"name":"full","type":"b.E"}]},{"type":"record","name":"S","namespace":"b","fields":[{"name":"simple","type":"E"}]}],"messages":{}}',
    );
  });

  it('rejects annotations on a reference, also on T? and in unions', () => {
    expect(errorAt('protocol P {\n  fixed MD5(16);\n  record R { @foo("bar") MD5 hash; }\n}')).toEqual([
      'IDL009 3:26',
    ]);
    expect(errorAt('protocol P {\n  fixed MD5(16);\n  record R { @foo("bar") MD5? hash; }\n}')).toEqual([
      'IDL009 3:26',
    ]);
    expect(errorAt('protocol P {\n  fixed MD5(16);\n  record R { union { null, @x(1) MD5 } h; }\n}')).toEqual(
      ['IDL009 3:34'],
    );
  });

  it("rejects an annotated message that returns a named type, as Avro's reader does", () => {
    expect(errorAt('protocol P {\n  record R {}\n  @prop("x") R get();\n}')).toEqual(['IDL009 3:14']);
    expect(errorAt('protocol P {\n  record R {}\n  @prop("x") array<R> get();\n}')).toEqual([]);
  });
});

describe('annotations on types (4.9)', () => {
  it('writes a primitive with properties as an object, arrays and maps with their properties last', () => {
    expect(fieldJson('@java-class("java.math.BigInteger") string f;')).toBe(
      '{"name":"f","type":{"type":"string","java-class":"java.math.BigInteger"}}',
    );
    expect(fieldJson('@foo.bar("x") array<string> f;')).toBe(
      '{"name":"f","type":{"type":"array","items":"string","foo.bar":"x"}}',
    );
    expect(fieldJson('map<@java-class("X") string> f;')).toBe(
      '{"name":"f","type":{"type":"map","values":{"type":"string","java-class":"X"}}}',
    );
  });

  it('rejects reserved attributes set by annotations', () => {
    expect(errorAt('protocol P {\n  record R { @namespace("x") string f; }\n}')).toEqual(['IDL021 2:15']);
    expect(errorAt('protocol P {\n  record R { string @default(1) f; }\n}')).toEqual(['IDL021 2:22']);
    expect(errorAt('protocol P {\n  @doc("x") record R {}\n}')).toEqual(['IDL021 2:4']);
    expect(errorAt('@types([]) protocol P {}')).toEqual(['IDL021 1:2']);
    expect(errorAt('protocol P {\n  @response("x") void f();\n}')).toEqual(['IDL021 2:4']);
  });
});

describe('logical types (5.1 to 5.8)', () => {
  it('maps the keywords to their underlying types', () => {
    expect(fieldJson('date f;')).toBe('{"name":"f","type":{"type":"int","logicalType":"date"}}');
    expect(fieldJson('time_ms f;')).toBe('{"name":"f","type":{"type":"int","logicalType":"time-millis"}}');
    expect(fieldJson('timestamp_ms f;')).toBe(
      '{"name":"f","type":{"type":"long","logicalType":"timestamp-millis"}}',
    );
    expect(fieldJson('local_timestamp_ms f;')).toBe(
      '{"name":"f","type":{"type":"long","logicalType":"local-timestamp-millis"}}',
    );
    expect(fieldJson('uuid f;')).toBe('{"name":"f","type":{"type":"string","logicalType":"uuid"}}');
  });

  it('writes decimal(p,s) and decimal(p), whose scale is 0', () => {
    expect(fieldJson('decimal(9,2) f;')).toBe(
      '{"name":"f","type":{"type":"bytes","logicalType":"decimal","precision":9,"scale":2}}',
    );
    expect(fieldJson('decimal(5) f;')).toBe(
      '{"name":"f","type":{"type":"bytes","logicalType":"decimal","precision":5,"scale":0}}',
    );
    expect(compile('protocol P { record R { decimal(9,2) f; } }').types.get('R')).toMatchObject({
      fields: [{ type: { type: 'bytes', logicalType: { name: 'decimal', precision: 9, scale: 2 } } }],
    });
  });

  it('rejects a decimal whose scale exceeds its precision, or a precision that is not positive', () => {
    expect(errorAt('protocol P {\n  record R { decimal(2, 3) f; }\n}')).toEqual(['IDL008 2:25']);
    expect(errorAt('protocol P {\n  record R { decimal(0) f; }\n}')).toEqual(['IDL008 2:22']);
  });

  it('keeps a field named after a logical type when escaped', () => {
    expect(fieldJson('uuid `uuid`;')).toBe('{"name":"uuid","type":{"type":"string","logicalType":"uuid"}}');
  });

  it('normalises valid @logicalType annotations: a decimal without scale gets "scale":0', () => {
    expect(fieldJson('@logicalType("timestamp-micros") long f;')).toBe(
      '{"name":"f","type":{"type":"long","logicalType":"timestamp-micros"}}',
    );
    expect(fieldJson('@logicalType("decimal") @precision(6) bytes f;')).toBe(
      '{"name":"f","type":{"type":"bytes","logicalType":"decimal","precision":6,"scale":0}}',
    );
    expect(fieldJson('@logicalType("timestamp-nanos") long f;')).toBe(
      '{"name":"f","type":{"type":"long","logicalType":"timestamp-nanos"}}',
    );
    const r = compile('protocol P { @logicalType("duration") fixed D(12); }');
    expect(r.types.get('D')?.logicalType).toEqual({ name: 'duration' });
  });

  it('keeps an invalid logical type as plain properties, with a warning', () => {
    const text =
      'protocol P {\n  record R { @logicalType("decimal") @precision(3000000000) @scale(0) bytes f; }\n}';
    expect(fieldJson('@logicalType("decimal") @precision(3000000000) @scale(0) bytes f;')).toBe(
      '{"name":"f","type":{"type":"bytes","logicalType":"decimal","precision":3000000000,"scale":0}}',
    );
    expect(compile(text).types.get('R')).toMatchObject({ fields: [{ type: { type: 'bytes' } }] });
    expect(
      (compile(text).types.get('R') as { fields: { type: object }[] }).fields[0]!.type,
    ).not.toHaveProperty('logicalType');
    expect(warnings(text).map((w) => `${w.code} ${w.range?.start.line}:${w.range?.start.column}`)).toEqual([
      'IDL025 2:15',
    ]);
  });

  it('keeps custom logical types without a warning', () => {
    const text = 'protocol P { record R { @logicalType("fixed-size-string") @minLength(1) bytes f; } }';
    expect(warnings(text)).toEqual([]);
    expect(fieldJson('@logicalType("fixed-size-string") @minLength(1) bytes f;')).toBe(
      '{"name":"f","type":{"type":"bytes","logicalType":"fixed-size-string","minLength":1}}',
    );
  });

  it('rejects an annotation that changes what a logical keyword set', () => {
    expect(errorAt('protocol P {\n  record R { @logicalType("x") date f; }\n}')).toEqual(['IDL022 2:15']);
    expect(errorAt('protocol P {\n  record R { @logicalType("date") date f; }\n}')).toEqual([]);
  });
});
