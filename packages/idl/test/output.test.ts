import { idlToSchemata } from '@charter/idl';
import { stringifyJsonPretty } from '@charter/schema';
import { describe, expect, it } from 'vitest';
import { compile, json } from './helpers.js';

describe('output layout (10.1 to 10.5)', () => {
  it("writes keys in Avro Java's order for types, fields and enums", () => {
    expect(
      json(
        '@namespace("n") protocol P { /** d */ @aliases(["A1"]) @x(1) record R { /** fd */ int @order("descending") @aliases(["o"]) @y(2) f = 1; } /** e */ @z(3) enum E { A } = A; }',
      ),
    ).toBe(
      '{"protocol":"P","namespace":"n","types":[{"type":"record","name":"R","doc":"d","fields":[{"name":"f","type":"int","doc":"fd","default":1,"order":"descending","aliases":["o"],"y":2}],"x":1,"aliases":["A1"]},{"type":"enum","name":"E","doc":"e","symbols":["A"],"default":"A","z":3}],"messages":{}}',
    );
  });

  it('writes namespace only where it differs from the enclosing one', () => {
    expect(
      json(
        '@namespace("a") protocol P { record R { b.S s; c.T t; } @namespace("b") record S { c.T t; } @namespace("c") record T {} }',
      ),
    ).toBe(
      '{"protocol":"P","namespace":"a","types":[{"type":"record","name":"R","fields":[{"name":"s","type":{"type":"record","name":"S","namespace":"b","fields":[{"name":"t","type":{"type":"record","name":"T","namespace":"c","fields":[]}}]}},{"name":"t","type":"c.T"}]}],"messages":{}}',
    );
  });

  it('writes "" for a null-namespace type inside a namespaced one (reachable from imported JSON)', () => {
    const readFile = (p: string) =>
      p.endsWith('x.avsc')
        ? '{"type":"record","name":"c.T","fields":[{"name":"x","type":{"type":"record","name":"X","namespace":"","fields":[]}}]}'
        : undefined;
    expect(json('protocol P { import schema "x.avsc"; }', { readFile })).toBe(
      '{"protocol":"P","types":[{"type":"record","name":"X","fields":[]},{"type":"record","name":"T","namespace":"c","fields":[{"name":"x","type":"X"}]}],"messages":{}}',
    );
    expect(json('@namespace("n") protocol P { import schema "x.avsc"; }', { readFile })).toContain(
      '{"type":"record","name":"X","namespace":"","fields":[]}',
    );
  });

  it('writes a reference to a type named like an Avro type with its namespace', () => {
    expect(json('@namespace("n") protocol P { record `map` {} record R { `map` m; } }')).toContain(
      '"fields":[{"name":"m","type":"n.map"}]',
    );
  });

  it('pretty-prints as Jackson: two spaces, " : ", [ ] and { } when empty', () => {
    const r = compile('protocol P { record R { array<int> a = []; map<int> m = {}; } }');
    expect(stringifyJsonPretty(r.json!)).toBe(
      [
        '{',
        '  "protocol" : "P",',
        '  "types" : [ {',
        '    "type" : "record",',
        '    "name" : "R",',
        '    "fields" : [ {',
        '      "name" : "a",',
        '      "type" : {',
        '        "type" : "array",',
        '        "items" : "int"',
        '      },',
        '      "default" : [ ]',
        '    }, {',
        '      "name" : "m",',
        '      "type" : {',
        '        "type" : "map",',
        '        "values" : "int"',
        '      },',
        '      "default" : { }',
        '    } ]',
        '  } ],',
        '  "messages" : { }',
        '}',
      ].join('\n'),
    );
  });
});

describe('idl2schemata (10.7)', () => {
  it('writes one standalone, pretty-printed schema per named type, named by its simple name', () => {
    const r = compile('@namespace("n") protocol P { enum Kind { A } record R { Kind k; } error Oops {} }');
    const files = idlToSchemata(r);
    expect(files.map((f) => [f.fileName, f.fullName])).toEqual([
      ['Kind.avsc', 'n.Kind'],
      ['R.avsc', 'n.R'],
      ['Oops.avsc', 'n.Oops'],
    ]);
    expect(files[1]!.json).toEqual({
      type: 'record',
      name: 'R',
      namespace: 'n',
      fields: [{ name: 'k', type: { type: 'enum', name: 'Kind', symbols: ['A'] } }],
    });
    expect(files[0]!.text).toBe(
      '{\n  "type" : "enum",\n  "name" : "Kind",\n  "namespace" : "n",\n  "symbols" : [ "A" ]\n}\n',
    );
  });
});
