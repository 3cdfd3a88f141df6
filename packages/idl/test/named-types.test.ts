import { describe, expect, it } from 'vitest';
import { compile, errorAt, json, warnings } from './helpers.js';

describe('records, errors, enums and fixed (3.1 to 3.6)', () => {
  it('writes an enum with its symbols, and an empty symbol list', () => {
    expect(json('protocol P { enum E { A, B } enum Empty {} }')).toBe(
      '{"protocol":"P","types":[{"type":"enum","name":"E","symbols":["A","B"]},{"type":"enum","name":"Empty","symbols":[]}],"messages":{}}',
    );
  });

  it('writes an enum default after the symbols', () => {
    expect(json('protocol P { /** d */ @aliases(["Old"]) @p(1) enum E { A, B } = B; }')).toBe(
      '{"protocol":"P","types":[{"type":"enum","name":"E","doc":"d","symbols":["A","B"],"default":"B","p":1,"aliases":["Old"]}],"messages":{}}',
    );
  });

  it('ignores annotations on enum symbols and warns about their doc comments', () => {
    const text = 'protocol P {\n  enum E {\n    /** a */ @deprecated(true) A,\n    B\n  }\n  record R {}\n}';
    expect(json(text)).toBe(
      '{"protocol":"P","types":[{"type":"enum","name":"E","symbols":["A","B"]},{"type":"record","name":"R","fields":[]}],"messages":{}}',
    );
    expect(warnings(text).map((w) => `${w.code} ${w.range?.start.line}:${w.range?.start.column}`)).toEqual([
      'IDL023 3:5',
    ]);
  });

  it('reads fixed sizes written in decimal, hex and octal', () => {
    expect(json('protocol P { fixed A(16); fixed B(0x10); fixed C(020); fixed D(0); }')).toBe(
      '{"protocol":"P","types":[{"type":"fixed","name":"A","size":16},{"type":"fixed","name":"B","size":16},{"type":"fixed","name":"C","size":16},{"type":"fixed","name":"D","size":0}],"messages":{}}',
    );
  });

  it('rejects negative and oversized fixed sizes', () => {
    expect(errorAt('protocol P {\n  fixed A(-1);\n}')).toEqual(['IDL024 2:11']);
    expect(errorAt('protocol P {\n  fixed A(4294967296);\n}')).toEqual(['IDL003 2:11']);
    expect(errorAt('protocol P {\n  fixed A(16L);\n}')).toEqual(['IDL003 2:11']);
  });
});

describe('forward and recursive references (3.7, 3.8)', () => {
  it('writes a type declared later in full at its first use, and not again in types', () => {
    expect(json('protocol P { record A { B b; B again; } enum B { X } }')).toBe(
      '{"protocol":"P","types":[{"type":"record","name":"A","fields":[{"name":"b","type":{"type":"enum","name":"B","symbols":["X"]}},{"name":"again","type":"B"}]}],"messages":{}}',
    );
  });

  it('resolves self and mutual recursion', () => {
    expect(
      json(
        'protocol P { record Node { array<Node> children; union { null, Pair } pair = null; } record Pair { Node left; Node right; } }',
      ),
    ).toBe(
      '{"protocol":"P","types":[{"type":"record","name":"Node","fields":[{"name":"children","type":{"type":"array","items":"Node"}},{"name":"pair","type":["null",{"type":"record","name":"Pair","fields":[{"name":"left","type":"Node"},{"name":"right","type":"Node"}]}],"default":null}]}],"messages":{}}',
    );
  });
});

describe('names defined twice or never (3.9, 3.10)', () => {
  it('rejects a second, different definition of a name', () => {
    expect(errorAt('namespace n;\nenum Foo { A }\nenum Foo { B }')).toEqual(['IDL005 3:6']);
    const d = compile('namespace n;\nenum Foo { A }\nenum Foo { B }').diagnostics[0]!;
    expect(d.message).toBe("can't redefine n.Foo: it is already defined differently");
    expect(d.hint).toBe('first defined at /virtual/test.avdl:2:6');
  });

  it('accepts a second definition equal to the first, as Avro does', () => {
    expect(json('namespace n;\nenum Foo { A }\n/** other doc */ enum Foo { A }')).toBe(
      '[{"type":"enum","name":"Foo","namespace":"n","symbols":["A"]}]',
    );
  });

  it('rejects a name that is never defined, with a hint when the simple name exists elsewhere', () => {
    expect(errorAt('protocol P {\n  record R { Missing m; }\n}')).toEqual(['IDL004 2:14']);
    const d = compile('@namespace("a") protocol P {\n  @namespace("b") record T {}\n  record R { T t; }\n}')
      .diagnostics[0]!;
    expect(d.code).toBe('IDL004');
    expect(d.message).toBe('undefined name: a.T');
    expect(d.hint).toMatch(/did you mean b\.T\?/);
  });
});

describe('name validation (3.11)', () => {
  it('rejects names that are not [_\\p{L}][_\\p{L}\\p{Nd}]*', () => {
    expect(errorAt('protocol P {\n  record a-b {}\n}')).toEqual(['IDL006 2:10']);
    expect(errorAt('protocol P {\n  record `a-b` {}\n}')).toEqual(['IDL002 2:10']);
    expect(errorAt('protocol P {\n  record R { int x-y; }\n}')).toEqual(['IDL006 2:18']);
    expect(errorAt('protocol P {\n  enum E { A, B-C }\n}')).toEqual(['IDL006 2:15']);
    expect(errorAt('protocol P {\n  @namespace("1a.b") record R {}\n}')).toEqual(['IDL006 2:29']);
  });

  it('rejects primitive and logical type keywords as type names', () => {
    expect(errorAt('protocol P {\n  record int {}\n}')).toEqual(['IDL006 2:10']);
    expect(errorAt('protocol P {\n  fixed uuid(16);\n}')).toEqual(['IDL006 2:9']);
    expect(errorAt('protocol P {\n  enum `date` { A }\n}')).toEqual(['IDL006 2:8']);
  });

  it("follows Avro's list exactly, typo included: localtimestamp_ms is refused, local_timestamp_ms is not", () => {
    expect(errorAt('protocol P { record localtimestamp_ms {} }')).toEqual(['IDL006 1:21']);
    expect(errorAt('protocol P { record `local_timestamp_ms` {} }')).toEqual([]);
  });

  it('accepts Unicode letters and a leading underscore', () => {
    expect(json('protocol П { record _Запись { string 名前; } }')).toBe(
      '{"protocol":"П","types":[{"type":"record","name":"_Запись","fields":[{"name":"名前","type":"string"}]}],"messages":{}}',
    );
  });
});

describe('names outside the Basic Multilingual Plane', () => {
  it('refuses letters Java does not see as letters per UTF-16 unit', () => {
    expect(errorAt('protocol P {\n  record 𝒜 {}\n}')).toEqual(['IDL006 2:10']);
    expect(errorAt('protocol P {\n  record R { int x𝒜; }\n}')).toEqual(['IDL006 2:18']);
  });
});
