import { describe, expect, it } from 'vitest';
import { compile, errorAt, json } from './helpers.js';

describe('identifiers (8.1 to 8.7)', () => {
  it('removes backticks from escaped keywords wherever an identifier stands', () => {
    expect(
      json('protocol `protocol` { record `record` { int `int`; } void `error`(string `string`); }'),
    ).toBe(
      '{"protocol":"protocol","types":[{"type":"record","name":"record","fields":[{"name":"int","type":"int"}]}],"messages":{"error":{"request":[{"name":"string","type":"string"}],"response":"null"}}}',
    );
  });

  it('accepts keywords unescaped as identifiers (Avro 1.12 grammar)', () => {
    expect(
      json(
        'protocol schema { record protocol { int record; string error; } void oneway(int throws); error import {} }',
      ),
    ).toBe(
      '{"protocol":"schema","types":[{"type":"record","name":"protocol","fields":[{"name":"record","type":"int"},{"name":"error","type":"string"}]},{"type":"error","name":"import","fields":[]}],"messages":{"oneway":{"request":[{"name":"throws","type":"int"}],"response":"null"}}}',
    );
  });

  it('reads a dotted declaration as namespace plus name and a dotted reference as a full name', () => {
    expect(json('@namespace("p") protocol P { record a.b.C { a.b.C next; } record D { a.b.C c; } }')).toBe(
      '{"protocol":"P","namespace":"p","types":[{"type":"record","name":"C","namespace":"a.b","fields":[{"name":"next","type":"C"}]},{"type":"record","name":"D","fields":[{"name":"c","type":"a.b.C"}]}],"messages":{}}',
    );
  });

  it('resolves simple names in the enclosing record namespace, with no fallback to the null namespace', () => {
    expect(json('protocol P { @namespace("x") record R { S s; } @namespace("x") record S {} }')).toContain(
      '"fields":[{"name":"s","type":{"type":"record","name":"S","fields":[]}}]',
    );
    expect(errorAt('protocol P {\n  record T {}\n  @namespace("x") record R { T t; }\n}')).toEqual([
      'IDL004 3:30',
    ]);
  });

  it('allows dashes in property names but not in type or field names', () => {
    expect(errorAt('protocol P { @my-prop(1) record My-Record {} }')).toEqual(['IDL006 1:33']);
  });

  it('accepts Unicode identifiers (XID_Start, XID_Continue) and a leading underscore', () => {
    const r = compile('protocol Протокол { record Запись { string 名前; int _x1; } }');
    expect(r.diagnostics).toEqual([]);
    expect([...r.types.keys()]).toEqual(['Запись']);
  });

  it('rejects characters that cannot start a token', () => {
    expect(errorAt('protocol P {\n  record R { int # x; }\n}')).toEqual(['IDL002 2:18']);
    expect(errorAt('protocol P {\n  record R { int x; } /* not closed\n}')).toEqual(['IDL002 2:23']);
  });
});
