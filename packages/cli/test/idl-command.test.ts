import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'charter-idl-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, text: string) => {
  mkdirSync(join(dir, name, '..'), { recursive: true });
  writeFileSync(join(dir, name), text);
};

write('ok.avdl', '@namespace("n") protocol P {\n  record R { int x = 1; }\n}\n');
write('bad.avdl', 'protocol P {\n  record R { int x = "one"; }\n}\n');
write('warn.avdl', 'protocol P {\n  record /** here */ R {}\n  record S {}\n}\n');
write(
  'uses-lib.avdl',
  'protocol P {\n  import idl "lib.avdl";\n  import idl "more.avdl";\n  record R { L l; M m; }\n}\n',
);
write('libs/one/lib.avdl', 'protocol Lib { record L {} }\n');
write('libs/two/more.avdl', 'protocol More { record M {} }\n');

describe('charter idl', () => {
  it('prints the protocol as Avro pretty-prints it, exit 0', async () => {
    const r = await runCli(['idl', 'ok.avdl'], dir);
    expect(r).toEqual({
      code: 0,
      stderr: '',
      stdout:
        '{\n  "protocol" : "P",\n  "namespace" : "n",\n  "types" : [ {\n    "type" : "record",\n    "name" : "R",\n    "fields" : [ {\n      "name" : "x",\n      "type" : "int",\n      "default" : 1\n    } ]\n  } ],\n  "messages" : { }\n}\n',
    });
  });

  it('writes -o OUT instead of stdout, leaving no temporary file', async () => {
    const r = await runCli(['idl', 'ok.avdl', '-o', 'p.avpr'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(join(dir, 'p.avpr'), 'utf8')).protocol).toBe('P');
    expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('reports an error as FILE:LINE:COL with a code frame, exit 1, nothing on stdout and no output file', async () => {
    writeFileSync(join(dir, 'kept.avpr'), 'old');
    const r = await runCli(['idl', 'bad.avdl', '-o', 'kept.avpr'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      [
        'bad.avdl:2:22: error IDL007: invalid default for field x of record R: "one" is not a valid int',
        '  1 | protocol P {',
        '> 2 |   record R { int x = "one"; }',
        '    |                      ^^^^^',
        '  3 | }',
        '  4 |',
        '',
      ].join('\n'),
    );
    expect(readFileSync(join(dir, 'kept.avpr'), 'utf8')).toBe('old');
    const fresh = await runCli(['idl', 'bad.avdl', '-o', 'never.avpr'], dir);
    expect(fresh.code).toBe(1);
    expect(existsSync(join(dir, 'never.avpr'))).toBe(false);
  });

  it('prints warnings on stderr and still succeeds', async () => {
    const r = await runCli(['idl', 'warn.avdl'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      'warn.avdl:2:10: warning IDL023: Ignoring out-of-place documentation comment.',
    );
    expect(JSON.parse(r.stdout).types).toHaveLength(2);
  });

  it('searches every --import-path, repeated or joined with the path delimiter', async () => {
    expect((await runCli(['idl', 'uses-lib.avdl'], dir)).code).toBe(1);
    const repeated = await runCli(
      ['idl', 'uses-lib.avdl', '--import-path', 'libs/one', '--import-path', 'libs/two'],
      dir,
    );
    expect(repeated.code).toBe(0);
    const joined = await runCli(['idl', 'uses-lib.avdl', '--import-path', 'libs/one:libs/two'], dir);
    expect(joined.stdout).toBe(repeated.stdout);
    expect(JSON.parse(joined.stdout).types.map((t: { name: string }) => t.name)).toEqual(['L', 'M', 'R']);
  });

  it('reports a missing import at the import statement', async () => {
    const r = await runCli(['idl', 'uses-lib.avdl'], dir);
    expect(r.stderr.split('\n')[0]).toBe(
      'uses-lib.avdl:2:3: error IDL013: Error importing lib.avdl: file not found',
    );
  });

  it('reports a file it cannot read, and usage errors with exit 2', async () => {
    const missing = await runCli(['idl', 'nope.avdl'], dir);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('error IDL026: cannot read');
    expect((await runCli(['idl'], dir)).code).toBe(2);
    expect((await runCli(['idl', 'a.avdl', 'b.avdl'], dir)).code).toBe(2);
  });
});

describe('charter idl2schemata', () => {
  it('writes one pretty-printed .avsc per named type', async () => {
    write('types.avdl', '@namespace("n") protocol P { enum E { A } record R { E e; } }');
    const r = await runCli(['idl2schemata', 'types.avdl', 'schemas'], dir);
    expect(r).toMatchObject({ code: 0, stdout: '' });
    expect(readdirSync(join(dir, 'schemas')).sort()).toEqual(['E.avsc', 'R.avsc']);
    expect(readFileSync(join(dir, 'schemas', 'E.avsc'), 'utf8')).toBe(
      '{\n  "type" : "enum",\n  "name" : "E",\n  "namespace" : "n",\n  "symbols" : [ "A" ]\n}\n',
    );
    expect(JSON.parse(readFileSync(join(dir, 'schemas', 'R.avsc'), 'utf8')).fields[0].type.type).toBe('enum');
  });

  it('writes nothing when the file has an error', async () => {
    const r = await runCli(['idl2schemata', 'bad.avdl', 'bad-out'], dir);
    expect(r.code).toBe(1);
    expect(existsSync(join(dir, 'bad-out'))).toBe(false);
  });
});

const shared = resolve(import.meta.dirname, '../../../../shared/conformance/idl/tools');
describe.skipIf(!existsSync(shared))(
  `avro-tools text output (${existsSync(shared) ? shared : 'skipped: ../shared absent'})`,
  () => {
    it.each([
      ['protocol.avdl', 'protocol.avpr'],
      ['schema.avdl', 'schema.avsc'],
    ])('charter idl %s prints %s byte for byte', async (input, expected) => {
      const r = await runCli(['idl', join(shared, input)], dir);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(readFileSync(join(shared, expected), 'utf8'));
    });

    it('charter idl2schemata protocol.avdl writes the four files of avro-tools', async () => {
      const r = await runCli(['idl2schemata', join(shared, 'protocol.avdl'), 'tools-out'], dir);
      expect(r.code).toBe(0);
      expect(readdirSync(join(dir, 'tools-out')).sort()).toEqual([
        'Kind.avsc',
        'MD5.avsc',
        'TestError.avsc',
        'TestRecord.avsc',
      ]);
    });
  },
);
