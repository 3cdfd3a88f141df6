import { join } from 'node:path';
import { compileIdlFile } from '@charter/idl';
import { describe, expect, it } from 'vitest';
import { stripIndents } from '../src/doc-comments.js';
import { compile, json, tempTree, warnings } from './helpers.js';

const at = (text: string) => warnings(text).map((w) => `${w.range?.start.line}:${w.range?.start.column}`);

describe('comments (9.1)', () => {
  it('ignores // and /* */ comments, and /**/ is an empty comment, not a doc comment', () => {
    expect(json('// line\nprotocol P { /* block */ /**/ record R {} }')).toBe(
      '{"protocol":"P","types":[{"type":"record","name":"R","fields":[]}],"messages":{}}',
    );
    expect(warnings('/**/ protocol P { /**/ record R {} }')).toEqual([]);
  });
});

describe('doc comments (9.2 to 9.5)', () => {
  it('documents the next protocol, type, field, variable, message and parameter', () => {
    expect(
      json(
        '/** p */ protocol P { /** r */ record R { /** f */ int /** v */ a; } /** e */ enum E { A } /** x */ fixed X(1); /** m */ void m(/** q */ int q); }',
      ),
    ).toBe(
      '{"protocol":"P","doc":"p","types":[{"type":"record","name":"R","doc":"r","fields":[{"name":"a","type":"int","doc":"v"}]},{"type":"enum","name":"E","doc":"e","symbols":["A"]},{"type":"fixed","name":"X","doc":"x","size":1}],"messages":{"m":{"doc":"m","request":[{"name":"q","type":"int","doc":"q"}],"response":"null"}}}',
    );
  });

  it('must come before the annotations of what it documents', () => {
    const text = 'protocol P {\n  @p(1) /** late */ record R {}\n  /** r2 */ @p(2) record R2 {}\n}';
    expect(json(text)).toContain(
      '{"type":"record","name":"R","fields":[],"p":1},{"type":"record","name":"R2","doc":"r2"',
    );
    expect(at(text)).toEqual(['2:9']);
  });

  it('uses the nearest of several doc comments and warns about the others, with Avro 1-based columns', () => {
    const text = '/** licence */\n/** The protocol. */\nprotocol P {\n  /** dangling */\n}';
    expect(json(text)).toBe('{"protocol":"P","doc":"The protocol.","types":[],"messages":{}}');
    expect(at(text)).toEqual(['1:1']);
    const w = warnings(text)[0]!;
    expect(`${w.message}\n${w.hint}`).toBe(
      'Ignoring out-of-place documentation comment.\nDid you mean to use a multiline comment ( /* ... */ ) instead?',
    );
  });

  it('makes a lone licence header the protocol doc', () => {
    expect(json('/**\n * Licensed to you.\n */\nprotocol P {}')).toBe(
      '{"protocol":"P","doc":"Licensed to you.","types":[],"messages":{}}',
    );
  });

  it('gives the doc before the type to every variable, unless a variable has its own', () => {
    expect(json('protocol P { record R { /** both */ string a, /** own */ b, c; } }')).toContain(
      '"fields":[{"name":"a","type":"string","doc":"both"},{"name":"b","type":"string","doc":"own"},{"name":"c","type":"string","doc":"both"}]',
    );
  });

  it('warns about doc comments inside types, enum bodies and after the last declaration only when a later declaration follows', () => {
    const text =
      'protocol P {\n  enum E { /** s */ A } = A;\n  record R { array</** t */ int> a; }\n  /** end */\n}';
    expect(at(text)).toEqual(['2:12', '3:20']);
  });
});

describe('doc text cleanup (9.6)', () => {
  it('strips /** */, trims, and removes a common * or ** prefix plus one space', () => {
    expect(json('protocol P { /**\n   * Line one.\n   *   indented\n   */ record R {} }')).toContain(
      '"doc":"Line one.\\n  indented"',
    );
    expect(stripIndents('** a\n ** b')).toBe('a\nb');
    expect(stripIndents('* a\n ** b')).toBe('a\n* b');
  });

  it('removes the common indentation of lines 2..n when not every line has a star', () => {
    expect(stripIndents('First\n    second\n      third')).toBe('First\nsecond\n  third');
    expect(stripIndents('First\n    second\n  third')).toBe('First\n  second\nthird');
    expect(stripIndents('First\n    second\n\n    third')).toBe('First\n    second\n\n    third');
    expect(stripIndents('one line')).toBe('one line');
  });

  it('keeps Unicode text', () => {
    expect(json('protocol P { /** 文档 Документация */ record R {} }')).toContain(
      '"doc":"文档 Документация"',
    );
  });
});

describe('warnings from imported files (9.7)', () => {
  it('reports misplaced doc comments of an imported file at their place in that file', () => {
    const dir = tempTree({
      'main.avdl': 'protocol Main {\n  import idl "lib.avdl";\n}',
      'lib.avdl': 'protocol Lib {\n  /** one */\n  /** two */\n  record T {}\n}',
    });
    const result = compileIdlFile(join(dir, 'main.avdl'));
    expect(
      result.diagnostics.map((d) => `${d.code} ${d.file} ${d.range?.start.line}:${d.range?.start.column}`),
    ).toEqual([`IDL023 ${join(dir, 'lib.avdl')} 2:3`]);
    expect(compile('protocol P {}').diagnostics).toEqual([]);
  });
});
