import { compileIdlFile, IDL_CODE_MESSAGES, IdlCode } from '@charter/idl';
import { describe, expect, it } from 'vitest';
import { compile } from './helpers.js';

/** Virtual files for the import errors. */
const files: Record<string, string> = {
  '/virtual/a.avdl': 'protocol A {\n  import idl "b.avdl";\n}',
  '/virtual/b.avdl': 'protocol B {\n  import idl "a.avdl";\n}',
  '/virtual/bad.avsc': '{"type": "record", "name": "R",\n "fields": 3}',
};
const readFile = (path: string) => files[path];

/** One input per code: [code, IDL text, expected "severity line:column"]. */
const CASES: [string, string, string][] = [
  [IdlCode.SyntaxError, 'protocol P {\n  record R { int; }\n}', 'error 2:17'],
  [IdlCode.LexicalError, 'protocol P {\n  record R { int ~x; }\n}', 'error 2:18'],
  [IdlCode.InvalidNumber, 'protocol P {\n  @size(0x10000000000000000) record R {}\n}', 'error 2:9'],
  [IdlCode.UndefinedName, 'protocol P {\n  record R { Nope n; }\n}', 'error 2:14'],
  [IdlCode.RedefinedName, 'protocol P {\n  record R {}\n  record R { int x; }\n}', 'error 3:10'],
  [
    IdlCode.InvalidName,
    'protocol P {\n  record R { int `int-x`; }\n}'.replace('`int-x`', 'x-y'),
    'error 2:18',
  ],
  [IdlCode.InvalidDefault, 'protocol P {\n  record R { boolean b = 1; }\n}', 'error 2:26'],
  [IdlCode.InvalidDecimal, 'protocol P {\n  record R { decimal(4, 5) d; }\n}', 'error 2:25'],
  [IdlCode.AnnotatedReference, 'protocol P {\n  enum E { A }\n  record R { @x(1) E e; }\n}', 'error 3:20'],
  [IdlCode.InvalidNamespaceAnnotation, 'protocol P {\n  @namespace(true) record R {}\n}', 'error 2:14'],
  [IdlCode.InvalidAliasesAnnotation, 'protocol P {\n  @aliases([1]) record R {}\n}', 'error 2:12'],
  [IdlCode.InvalidOrderAnnotation, 'protocol P {\n  record R { int @order("sideways") x; }\n}', 'error 2:25'],
  [IdlCode.ImportNotFound, 'protocol P {\n  import schema "missing.avsc";\n}', 'error 2:3'],
  [IdlCode.ImportCycle, 'protocol P {\n  import idl "a.avdl";\n}', 'error 2:3 b.avdl'],
  [IdlCode.InvalidImport, 'protocol P {\n  import schema "bad.avsc";\n}', 'error 2:12 bad.avsc'],
  [IdlCode.OneWayNotVoid, 'protocol P {\n  string send() oneway;\n}', 'error 2:3'],
  [IdlCode.DuplicateField, 'protocol P {\n  record R { int a; long a; }\n}', 'error 2:26'],
  [IdlCode.DuplicateSymbol, 'protocol P {\n  enum E { A, B, A }\n}', 'error 2:18'],
  [IdlCode.InvalidUnion, 'protocol P {\n  record R { union { null, null } n; }\n}', 'error 2:28'],
  [IdlCode.InvalidEnumDefault, 'protocol P {\n  enum E { A, B } = C;\n}', 'error 2:21'],
  [IdlCode.ReservedProperty, 'protocol P {\n  @fields([]) record R {}\n}', 'error 2:4'],
  [IdlCode.PropertyOverwrite, 'protocol P {\n  record R { @logicalType("uuid") date d; }\n}', 'error 2:15'],
  [IdlCode.MisplacedDocComment, 'protocol P {\n  record /** here */ R {}\n  record S {}\n}', 'warning 2:10'],
  [IdlCode.InvalidFixedSize, 'protocol P {\n  fixed F(-16);\n}', 'error 2:11'],
  [
    IdlCode.IgnoredLogicalType,
    'protocol P {\n  record R { @logicalType("date") long d; }\n}',
    'warning 2:15',
  ],
];

describe('every diagnostic code, with its line and column', () => {
  it.each(CASES)('%s', (code, text, expected) => {
    const result = compile(text, { readFile });
    const found = result.diagnostics.filter((d) => d.code === code);
    expect(found.length, JSON.stringify(result.diagnostics)).toBeGreaterThan(0);
    const d = found[0]!;
    const file = d.file === '/virtual/test.avdl' ? '' : ` ${d.file?.split('/').pop()}`;
    expect(`${d.severity} ${d.range?.start.line}:${d.range?.start.column}${file}`).toBe(expected);
    expect(d.message.length).toBeGreaterThan(0);
    if (d.severity === 'error') expect(result.json).toBeUndefined();
    else expect(result.json).toBeDefined();
  });

  it(`${IdlCode.UnreadableFile} (no position: the file itself cannot be read)`, () => {
    const result = compileIdlFile('/virtual/nowhere.avdl', { readFile });
    expect(result.diagnostics).toEqual([
      {
        code: 'IDL026',
        severity: 'error',
        message: 'cannot read /virtual/nowhere.avdl',
        file: '/virtual/nowhere.avdl',
      },
    ]);
  });

  it('has a test and a description for every code', () => {
    const tested = new Set([...CASES.map((c) => c[0]), IdlCode.UnreadableFile]);
    expect([...tested].sort()).toEqual(Object.values(IdlCode).sort());
    expect(Object.keys(IDL_CODE_MESSAGES).sort()).toEqual(Object.values(IdlCode).sort());
  });
});
