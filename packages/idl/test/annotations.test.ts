import { describe, expect, it } from 'vitest';
import { compile, errorAt, json } from './helpers.js';

describe('annotation syntax and placement (7.1, 7.5, 7.6)', () => {
  it('takes dotted and dashed names and strips backticks', () => {
    expect(
      json('protocol P { record R { @avro.java.`string`("String") @my-prop.x(1) string s; } }'),
    ).toContain('{"name":"s","type":{"type":"string","avro.java.string":"String","my-prop.x":1}}');
  });

  it('puts each annotation where it stands: protocol, type, field type, field variable, message', () => {
    expect(
      json(
        '@p1(1) protocol P { @p2(2) record R { @p3(3) string @p4(4) f; } @p5(5) @java-class("X") string m(); }',
      ),
    ).toBe(
      '{"protocol":"P","p1":1,"types":[{"type":"record","name":"R","fields":[{"name":"f","type":{"type":"string","p3":3},"p4":4}],"p2":2}],"messages":{"m":{"p5":5,"java-class":"X","request":[],"response":"string"}}}',
    );
  });

  it('lets a later annotation with the same name replace the value in place', () => {
    expect(json('protocol P { @a(1) @b(2) @a(3) record R {} }')).toContain('"fields":[],"a":3,"b":2}');
  });
});

describe('@namespace, @aliases and @order (7.2 to 7.4, 7.8)', () => {
  it('sets the namespace of a protocol and of named types; any other target keeps it as a property', () => {
    expect(
      json(
        '@namespace("p") protocol P { @namespace("q") fixed F(1); record R { string @namespace("x") f; } }',
      ),
    ).toBe(
      '{"protocol":"P","namespace":"p","types":[{"type":"fixed","name":"F","namespace":"q","size":1},{"type":"record","name":"R","fields":[{"name":"f","type":"string","namespace":"x"}]}],"messages":{}}',
    );
  });

  it('sets aliases of named types (qualified in their namespace) and of fields (as written), without duplicates', () => {
    expect(
      json(
        '@namespace("n") protocol P { @aliases(["Old", "other.Older", "Old"]) record R { int @aliases(["x", "y"]) a; } }',
      ),
    ).toBe(
      '{"protocol":"P","namespace":"n","types":[{"type":"record","name":"R","fields":[{"name":"a","type":"int","aliases":["x","y"]}],"aliases":["Old","other.Older"]}],"messages":{}}',
    );
    const r = compile('@namespace("n") protocol P { @aliases(["Old"]) record R {} }').types.get('n.R');
    expect(r?.aliases).toEqual(['n.Old']);
  });

  it('writes @order only when not ascending, and accepts any case', () => {
    expect(
      json(
        'protocol P { record R { int @order("ASCENDING") a; int @order("Descending") b; int @order("ignore") c; } }',
      ),
    ).toContain(
      '"fields":[{"name":"a","type":"int"},{"name":"b","type":"int","order":"descending"},{"name":"c","type":"int","order":"ignore"}]',
    );
  });

  it('rejects values of the wrong type, at the value', () => {
    expect(errorAt('@namespace(1)\nprotocol P {}')).toEqual(['IDL010 1:12']);
    expect(errorAt('protocol P {\n  @namespace(["a"]) enum E { A }\n}')).toEqual(['IDL010 2:14']);
    expect(errorAt('protocol P {\n  @aliases("Old") record R {}\n}')).toEqual(['IDL011 2:12']);
    expect(errorAt('protocol P {\n  record R { int @aliases(["a", 1]) x; }\n}')).toEqual(['IDL011 2:27']);
    expect(errorAt('protocol P {\n  record R { int @order("up") x; }\n}')).toEqual(['IDL012 2:25']);
    expect(errorAt('protocol P {\n  record R { int @order(1) x; }\n}')).toEqual(['IDL012 2:25']);
  });
});

describe('property values (7.7)', () => {
  it('keeps any JSON value, big integers exact and doubles as doubles', () => {
    expect(
      json(
        'protocol P { @obj({"key": 3, "list": [true, null, 1.5]}) @big(3000000000) @huge(9007199254740993) @neg(-2.0) record R {} }',
      ),
    ).toContain('"obj":{"key":3,"list":[true,null,1.5]},"big":3000000000,"huge":9007199254740993,"neg":-2.0');
  });

  it('keeps a "__proto__" key as data', () => {
    const r = compile('protocol P { @p({"__proto__": {"x": 1}}) record R {} }');
    expect(Object.keys(r.types.get('R')!.props.get('p') as object)).toEqual(['__proto__']);
  });
});
