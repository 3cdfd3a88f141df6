import { join } from 'node:path';
import { compileIdlFile, decodeUtfText } from '@charter/idl';
import { describe, expect, it } from 'vitest';
import { compile, errorAt, json, tempTree } from './helpers.js';

describe('protocol files (1.1, 1.6, 1.7, 1.8)', () => {
  it('always writes types and messages, even empty', () => {
    expect(json('protocol P {}')).toBe('{"protocol":"P","types":[],"messages":{}}');
    expect(compile('protocol P {}').kind).toBe('protocol');
  });

  it('takes the namespace from @namespace, leaves it out without one', () => {
    expect(json('@namespace("a.b") protocol P {}')).toBe(
      '{"protocol":"P","namespace":"a.b","types":[],"messages":{}}',
    );
  });

  it('lets a dotted protocol name override @namespace', () => {
    expect(json('@namespace("x") protocol a.b.P {}')).toBe(
      '{"protocol":"P","namespace":"a.b","types":[],"messages":{}}',
    );
  });

  it('writes protocol, namespace, doc, then other annotations as properties', () => {
    expect(json('/** The doc. */ @version("1.0.5") @namespace("n") @level(3) protocol P {}')).toBe(
      '{"protocol":"P","namespace":"n","doc":"The doc.","version":"1.0.5","level":3,"types":[],"messages":{}}',
    );
  });

  it('allows empty records and errors', () => {
    expect(json('protocol P { record R {} error E {} }')).toBe(
      '{"protocol":"P","types":[{"type":"record","name":"R","fields":[]},{"type":"error","name":"E","fields":[]}],"messages":{}}',
    );
  });
});

describe('schema-mode files (1.2 to 1.5)', () => {
  it('outputs the main schema, in the file namespace', () => {
    const result = compile('namespace a.b; schema R; record R { int x; }');
    expect(result.kind).toBe('schema');
    expect(result.mainSchema?.type).toBe('record');
    expect(json('namespace a.b; schema R; record R { int x; }')).toBe(
      '{"type":"record","name":"R","namespace":"a.b","fields":[{"name":"x","type":"int"}]}',
    );
  });

  it('uses the null namespace without a namespace declaration', () => {
    expect(json('schema R; record R { int x; }')).toBe(
      '{"type":"record","name":"R","fields":[{"name":"x","type":"int"}]}',
    );
  });

  it('accepts any type as the main schema: a primitive, an array of a later type, a nullable', () => {
    expect(json('schema int;')).toBe('"int"');
    expect(json('schema array<M>; record M { string s; }')).toBe(
      '{"type":"array","items":{"type":"record","name":"M","fields":[{"name":"s","type":"string"}]}}',
    );
    expect(json('namespace n; schema M?; enum M { A }')).toBe(
      '["null",{"type":"enum","name":"M","namespace":"n","symbols":["A"]}]',
    );
  });

  it('outputs every named schema in full, in definition order, without a schema declaration', () => {
    const result = compile('namespace n; record A {} record B { A a; }');
    expect(result.kind).toBe('schemata');
    expect(json('namespace n; record A {} record B { A a; }')).toBe(
      '[{"type":"record","name":"A","namespace":"n","fields":[]},{"type":"record","name":"B","namespace":"n","fields":[{"name":"a","type":{"type":"record","name":"A","fields":[]}}]}]',
    );
  });

  it('outputs [] for a file with no declarations', () => {
    expect(json('')).toBe('[]');
    expect(json('namespace only.a.namespace;')).toBe('[]');
  });

  it('rejects messages outside a protocol', () => {
    expect(errorAt('namespace n;\nvoid ping();')).toEqual(['IDL001 2:1']);
  });

  it('requires the namespace and schema declarations before the types', () => {
    expect(errorAt('record A {}\nnamespace n;')).toEqual(['IDL001 2:1']);
  });
});

describe('end of input (1.9)', () => {
  it('ignores everything after a \\u001a character', () => {
    expect(json('protocol P {}\u001a this is not IDL @@@ "')).toBe(
      '{"protocol":"P","types":[],"messages":{}}',
    );
  });

  it('rejects a \\u001a inside a declaration', () => {
    expect(errorAt('protocol P {\u001a}')).toEqual(['IDL001 1:13']);
  });
});

describe('input encodings (1.10)', () => {
  const text = 'protocol Größe { record Ä { string ü; } }';
  const utf16le = Buffer.from(text, 'utf16le');
  const utf16be = Buffer.from(utf16le).swap16();
  const utf32be = Buffer.alloc(text.length * 4);
  [...text].forEach((c, i) => {
    utf32be.writeUInt32BE(c.codePointAt(0)!, i * 4);
  });
  const bom = (b: number[], body: Uint8Array) => Buffer.concat([Buffer.from(b), body]);

  it.each([
    ['UTF-8', Buffer.from(text)],
    ['UTF-8 with BOM', bom([0xef, 0xbb, 0xbf], Buffer.from(text))],
    ['UTF-16LE with BOM', bom([0xff, 0xfe], utf16le)],
    ['UTF-16BE with BOM', bom([0xfe, 0xff], utf16be)],
    ['UTF-16LE without BOM', utf16le],
    ['UTF-16BE without BOM', utf16be],
    ['UTF-32BE with BOM', bom([0, 0, 0xfe, 0xff], utf32be)],
    ['UTF-32BE without BOM', utf32be],
  ])('decodes %s', (_name, bytes) => {
    expect(decodeUtfText(bytes)).toBe(text);
  });

  it('compiles a UTF-16 file from disk', () => {
    const dir = tempTree({ 'u16.avdl': bom([0xff, 0xfe], utf16le) });
    const result = compileIdlFile(join(dir, 'u16.avdl'));
    expect(result.diagnostics).toEqual([]);
    expect(result.json).toEqual({
      protocol: 'Größe',
      types: [{ type: 'record', name: 'Ä', fields: [{ name: 'ü', type: 'string' }] }],
      messages: {},
    });
  });
});
