import { describe, expect, it } from 'vitest';
import { compile, errorAt, json } from './helpers.js';

const fields = (body: string, extra = '') => {
  const out = json(`protocol P { ${extra} record R { ${body} } }`);
  const start = out.indexOf('"fields":[') + '"fields":['.length;
  return out.slice(start, out.lastIndexOf(']}]'));
};

describe('field declarations (6.1)', () => {
  it('declares several variables with one type, each with its own annotations and default', () => {
    expect(fields('long @order("descending") a = 1, @aliases(["bb"]) b, c = 3;')).toBe(
      '{"name":"a","type":"long","default":1,"order":"descending"},{"name":"b","type":"long","aliases":["bb"]},{"name":"c","type":"long","default":3}',
    );
  });

  it('rejects two fields with the same name', () => {
    expect(errorAt('protocol P {\n  record R { int a; string a; }\n}')).toEqual(['IDL017 2:28']);
  });
});

describe('default values (6.2 to 6.7)', () => {
  it('writes JSON defaults unchanged: objects, arrays, nested values', () => {
    expect(fields('map<array<int>> m = {"a": [1, 2], "b": []};')).toBe(
      '{"name":"m","type":{"type":"map","values":{"type":"array","items":"int"}},"default":{"a":[1,2],"b":[]}}',
    );
    expect(fields('array<string> a = []; map<string> m = {};')).toBe(
      '{"name":"a","type":{"type":"array","items":"string"},"default":[]},{"name":"m","type":{"type":"map","values":"string"},"default":{}}',
    );
  });

  it('takes strings for enum, fixed and bytes defaults, objects for records', () => {
    expect(
      json(
        'protocol P { enum E { A, B } fixed F(2); record Inner { int x; string y = "z"; } record R { E e = "B"; F f = "\\u0000\\u00ff"; bytes b = "abc"; Inner i = {"x": 1}; } }',
      ),
    ).toContain(
      '"fields":[{"name":"e","type":"E","default":"B"},{"name":"f","type":"F","default":"\\u0000ÿ"},{"name":"b","type":"bytes","default":"abc"},{"name":"i","type":"Inner","default":{"x":1}}]',
    );
  });

  it('accepts a union default matching any branch (Avro 1.12)', () => {
    expect(fields('union { null, string } a = "x"; union { int, string } b = "y";')).toBe(
      '{"name":"a","type":["null","string"],"default":"x"},{"name":"b","type":["int","string"],"default":"y"}',
    );
  });

  it('rejects defaults that do not match the type, also through forward references', () => {
    expect(errorAt('protocol P {\n  record R {\n    int a = "x";\n  }\n}')).toEqual(['IDL007 3:13']);
    expect(errorAt('protocol P {\n  record R { Later l = 5; }\n  enum Later { A }\n}')).toEqual([
      'IDL007 2:24',
    ]);
    expect(errorAt('protocol P {\n  record R { Inner i = {}; }\n  record Inner { int x; }\n}')).toEqual([
      'IDL007 2:24',
    ]);
    expect(errorAt('protocol P {\n  record R { int i = 2147483648; }\n}')).toEqual(['IDL007 2:22']);
    expect(errorAt('protocol P {\n  record R { union { null, int } u = [1]; }\n}')).toEqual(['IDL007 2:38']);
    const d = compile('protocol P {\n  record R {\n    int a = "x";\n  }\n}').diagnostics[0]!;
    expect(d.message).toBe('invalid default for field a of record R: "x" is not a valid int');
  });
});

describe('number literals (6.8 to 6.10)', () => {
  it('reads decimal, hex, octal and L-suffixed integers, signed', () => {
    expect(
      fields(
        'long a = 10; long b = 0x1F; long c = -0X10; long d = 017; long e = 5L; long f = -9223372036854775808; long g = 0;',
      ),
    ).toBe(
      '{"name":"a","type":"long","default":10},{"name":"b","type":"long","default":31},{"name":"c","type":"long","default":-16},{"name":"d","type":"long","default":15},{"name":"e","type":"long","default":5},{"name":"f","type":"long","default":-9223372036854775808},{"name":"g","type":"long","default":0}',
    );
  });

  it('rejects integers beyond a Java long', () => {
    expect(errorAt('protocol P {\n  record R { long a = 9223372036854775808; }\n}')).toEqual(['IDL003 2:23']);
  });

  it('reads floating point forms: exponents, suffixes, hex floats, leading dot, signs, NaN and Infinity', () => {
    expect(
      fields(
        'double a = 1.5; double b = -1.0e12; double c = 2e3; double d = 1f; double e = 2.5D; double f = .5; double g = 1.; double h = 0x1.8p1; double i = +3.0; double j = 0.0;',
      ),
    ).toBe(
      '{"name":"a","type":"double","default":1.5},{"name":"b","type":"double","default":-1.0E12},{"name":"c","type":"double","default":2000.0},{"name":"d","type":"double","default":1.0},{"name":"e","type":"double","default":2.5},{"name":"f","type":"double","default":0.5},{"name":"g","type":"double","default":1.0},{"name":"h","type":"double","default":3.0},{"name":"i","type":"double","default":3.0},{"name":"j","type":"double","default":0.0}',
    );
  });

  it('writes NaN and infinities as JSON strings, as Jackson does', () => {
    expect(fields('double a = NaN; float b = -Infinity; double c = +Infinity;')).toBe(
      '{"name":"a","type":"double","default":"NaN"},{"name":"b","type":"float","default":"-Infinity"},{"name":"c","type":"double","default":"Infinity"}',
    );
  });

  it('keeps integers and floats apart (int default 0 stays 0, double default 0.0 stays 0.0)', () => {
    expect(fields('float a = 0; float b = 0.0;')).toBe(
      '{"name":"a","type":"float","default":0},{"name":"b","type":"float","default":0.0}',
    );
  });
});

describe('string literals (6.11)', () => {
  it('decodes Java escapes: \\n \\t \\b \\f \\r \\" \\\' \\\\, octal and \\uXXXX', () => {
    const out = compile(
      String.raw`protocol P { record R { string s = "a\nb\tc\bd\fe\rf\"g\'h\\i\0j\101k\377l\u00e9m\7"; } }`,
    );
    expect(out.diagnostics).toEqual([]);
    const field = (out.types.get('R') as { fields: { default: string }[] }).fields[0]!;
    expect(field.default).toBe('a\nb\tc\bd\fe\rf"g\'h\\i\0jAk\u00fflém\u0007');
  });

  it('rejects \\/ and other escapes JSON has but Java does not, and raw line breaks', () => {
    expect(errorAt('protocol P {\n  record R { string s = "a\\/b"; }\n}')).toEqual(['IDL002 2:27']);
    expect(errorAt('protocol P {\n  record R { string s = "a\nb"; }\n}')).toEqual(['IDL002 2:25']);
    expect(errorAt('protocol P {\n  record R { string s = "\\u12"; }\n}')).toEqual(['IDL002 2:26']);
  });
});

describe('messages (6.12 to 6.16)', () => {
  it('writes doc, properties, request, response and errors; parameters are fields', () => {
    expect(
      json(
        'protocol P { error E1 {} error E2 {} /** Adds. */ @p("x") int add(/** First. */ int a, int b = 0, @order("ignore") string @q(1) c) throws E1, E2; }',
      ),
    ).toBe(
      '{"protocol":"P","types":[{"type":"error","name":"E1","fields":[]},{"type":"error","name":"E2","fields":[]}],"messages":{"add":{"doc":"Adds.","p":"x","request":[{"name":"a","type":"int","doc":"First."},{"name":"b","type":"int","default":0},{"name":"c","type":{"type":"string","order":"ignore"},"q":1}],"response":"int","errors":["E1","E2"]}}}',
    );
  });

  it('writes one-way messages with "one-way": true; a plain void message is two-way', () => {
    expect(json('protocol P { void a() oneway; null b() oneway; void c(); }')).toBe(
      '{"protocol":"P","types":[],"messages":{"a":{"request":[],"response":"null","one-way":true},"b":{"request":[],"response":"null","one-way":true},"c":{"request":[],"response":"null"}}}',
    );
  });

  it('rejects a one-way message that returns something', () => {
    expect(errorAt('protocol P {\n  int ping() oneway;\n}')).toEqual(['IDL016 2:3']);
  });

  it('resolves an error type declared after the message; types are written before messages', () => {
    expect(json('protocol P { void f() throws Later; error Later { string why; } }')).toBe(
      '{"protocol":"P","types":[{"type":"error","name":"Later","fields":[{"name":"why","type":"string"}]}],"messages":{"f":{"request":[],"response":"null","errors":["Later"]}}}',
    );
  });

  it('takes a record default on a parameter and checks it', () => {
    expect(json('protocol P { record R { int x = 1; } R echo(R r = {}); }')).toContain(
      '"request":[{"name":"r","type":"R","default":{}}]',
    );
    expect(errorAt('protocol P {\n  record R { int x; }\n  R echo(R r = {});\n}')).toEqual(['IDL007 3:16']);
  });

  it('rejects duplicate parameters and duplicate error types', () => {
    expect(errorAt('protocol P {\n  void f(int a, long a);\n}')).toEqual(['IDL017 2:22']);
    expect(errorAt('protocol P {\n  error E {}\n  void f() throws E, E;\n}')).toEqual(['IDL019 3:22']);
  });

  it('keeps the last of two messages with the same name, in the place of the first', () => {
    expect(json('protocol P { void a(); int b(); string a(); }')).toBe(
      '{"protocol":"P","types":[],"messages":{"a":{"request":[],"response":"string"},"b":{"request":[],"response":"int"}}}',
    );
  });
});
