import { join } from 'node:path';
import { compileIdlFile } from '@charter/idl';
import { describe, expect, it } from 'vitest';
import { compile, tempTree } from './helpers.js';

describe('source map', () => {
  const text =
    '@namespace("n")\nprotocol P {\n  record R {\n    int a;\n    string b, c;\n  }\n  enum E {\n    X, Y\n  }\n}';

  it('locates a type, a field and an enum symbol by full name', () => {
    const { sourceMap } = compile(text);
    const at = (t: { type: string; field?: string; symbol?: string }) => {
      const loc = sourceMap.locate(t);
      return loc && `${loc.file}:${loc.range.start.line}:${loc.range.start.column}-${loc.range.end.column}`;
    };
    expect(at({ type: 'n.R' })).toBe('/virtual/test.avdl:3:10-11');
    expect(at({ type: 'n.R', field: 'a' })).toBe('/virtual/test.avdl:4:9-10');
    expect(at({ type: 'n.R', field: 'c' })).toBe('/virtual/test.avdl:5:15-16');
    expect(at({ type: 'n.E', symbol: 'Y' })).toBe('/virtual/test.avdl:8:8-9');
    expect(at({ type: 'n.R', field: 'missing' })).toBeUndefined();
    expect(at({ type: 'R' })).toBeUndefined();
  });

  it('locates imported declarations in their own files, JSON ones included', () => {
    const dir = tempTree({
      'main.avdl': 'protocol Main {\n  import schema "t.avsc";\n  import idl "lib.avdl";\n}',
      't.avsc': '{"type": "record", "name": "T",\n "fields": [\n  {"name": "x", "type": "int"}]}',
      'lib.avdl': 'protocol Lib {\n  record L { int y; }\n}',
    });
    const { sourceMap } = compileIdlFile(join(dir, 'main.avdl'));
    expect(sourceMap.locate({ type: 'T', field: 'x' })).toMatchObject({
      file: join(dir, 't.avsc'),
      range: { start: { line: 3, column: 12 } },
    });
    expect(sourceMap.locate({ type: 'L', field: 'y' })).toMatchObject({
      file: join(dir, 'lib.avdl'),
      range: { start: { line: 2, column: 18 } },
    });
  });
});
