import { join } from 'node:path';
import { compileIdl, compileIdlFile } from '@charter/idl';
import { stringifyJson } from '@charter/schema';
import { describe, expect, it } from 'vitest';
import { tempTree } from './helpers.js';

function compileAt(dir: string, file: string, importPaths: string[] = []) {
  const result = compileIdlFile(join(dir, file), { importPaths: importPaths.map((p) => join(dir, p)) });
  return { result, text: result.json === undefined ? undefined : stringifyJson(result.json) };
}

const errorsOf = (result: ReturnType<typeof compileIdlFile>) =>
  result.diagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => `${d.code} ${d.file?.split('/').pop()}:${d.range?.start.line}:${d.range?.start.column}`);

describe('import idl (2.1) with messages merged (2.8)', () => {
  const dir = tempTree({
    'main.avdl': `@namespace("m")
protocol Main {
  record First { int a; }
  import idl "lib/types.avdl";
  record Use { lib.T t; }
  void own();
  void shared();
}`,
    'lib/types.avdl': `@namespace("lib")
protocol Lib {
  record T { int x; }
  void hello();
  string shared();
}`,
    'schema-mode.avdl': `namespace s;
schema lib.T;
import idl "lib/types.avdl";`,
  });

  it('puts imported types where the import stands and merges the imported messages first', () => {
    const { result, text } = compileAt(dir, 'main.avdl');
    expect(result.diagnostics).toEqual([]);
    expect(text).toBe(
      '{"protocol":"Main","namespace":"m","types":[{"type":"record","name":"First","fields":[{"name":"a","type":"int"}]},{"type":"record","name":"T","namespace":"lib","fields":[{"name":"x","type":"int"}]},{"type":"record","name":"Use","fields":[{"name":"t","type":"lib.T"}]}],"messages":{"hello":{"request":[],"response":"null"},"shared":{"request":[],"response":"null"},"own":{"request":[],"response":"null"}}}',
    );
    expect([...result.types.keys()]).toEqual(['m.First', 'lib.T', 'm.Use']);
    expect(result.files).toEqual([join(dir, 'main.avdl'), join(dir, 'lib/types.avdl')]);
  });

  it('drops the messages of an imported protocol in a schema-mode file', () => {
    const { result, text } = compileAt(dir, 'schema-mode.avdl');
    expect(result.kind).toBe('schema');
    expect(text).toBe('{"type":"record","name":"T","namespace":"lib","fields":[{"name":"x","type":"int"}]}');
  });
});

describe('import protocol (2.2) and import schema (2.3)', () => {
  const dir = tempTree({
    'main.avdl': `protocol Main {
  import protocol "api.avpr";
  import schema "position.avsc";
  import schema "player.avsc";
  record Team { array<Player> players; }
}`,
    'api.avpr': JSON.stringify({
      protocol: 'Api',
      namespace: 'api',
      types: [{ type: 'error', name: 'Oops', fields: [{ name: 'why', type: 'string' }] }],
      messages: {
        get: { doc: 'Gets.', request: [{ name: 'id', type: 'long' }], response: 'string', errors: ['Oops'] },
        fire: { request: [], response: 'null', 'one-way': true },
      },
    }),
    'position.avsc': '{"type":"enum","name":"Position","symbols":["GOALIE","FORWARD"]}',
    'player.avsc':
      '{"type":"record","name":"Player","fields":[{"name":"name","type":"string"},{"name":"position","type":"Position"},{"name":"rating","type":"float","default":"1.5"}]}',
    'schema-mode.avdl': 'namespace s;\nimport protocol "api.avpr";',
  });

  it('imports the types and messages of a protocol and the types of schemas that refer to each other', () => {
    const { result, text } = compileAt(dir, 'main.avdl');
    expect(result.diagnostics).toEqual([]);
    expect(text).toBe(
      '{"protocol":"Main","types":[{"type":"error","name":"Oops","namespace":"api","fields":[{"name":"why","type":"string"}]},{"type":"enum","name":"Position","symbols":["GOALIE","FORWARD"]},{"type":"record","name":"Player","fields":[{"name":"name","type":"string"},{"name":"position","type":"Position"},{"name":"rating","type":"float","default":1.5}]},{"type":"record","name":"Team","fields":[{"name":"players","type":{"type":"array","items":"Player"}}]}],"messages":{"get":{"doc":"Gets.","request":[{"name":"id","type":"long"}],"response":"string","errors":["api.Oops"]},"fire":{"request":[],"response":"null","one-way":true}}}',
    );
  });

  it('imports only the types of a protocol into a schema-mode file', () => {
    const { text } = compileAt(dir, 'schema-mode.avdl');
    expect(text).toBe(
      '[{"type":"error","name":"Oops","namespace":"api","fields":[{"name":"why","type":"string"}]}]',
    );
  });
});

describe('import resolution (2.4 to 2.7)', () => {
  const dir = tempTree({
    'app/main.avdl': `protocol Main {
  import idl "../shared/a.avdl";
  import idl "../shared/b.avdl";
  import idl "onpath.avdl";
  import idl "../shared/a.avdl";
  record Uses { A a; B b; C c; D d; }
}`,
    'shared/a.avdl': 'protocol A { import idl "nested/d.avdl"; record A { int a; } }',
    'shared/b.avdl': 'protocol B { import idl "nested/d.avdl"; record B { int b; } }',
    'shared/nested/d.avdl': 'protocol D { record D { int d; } }',
    'lib/onpath.avdl': 'protocol OnPath { import idl "sub/c.avdl"; }',
    'lib/sub/c.avdl': 'protocol C { record C { int c; } }',
    'app/tail.avdl': 'record Uses { A a; }\nimport idl "../shared/a.avdl";',
  });

  it('resolves relative to the importing file, then on the import path, and reads each file once', () => {
    const { result } = compileAt(dir, 'app/main.avdl', ['lib']);
    expect(result.diagnostics).toEqual([]);
    expect([...result.types.keys()]).toEqual(['D', 'A', 'B', 'C', 'Uses']);
    expect(result.files.map((f) => f.slice(dir.length + 1))).toEqual([
      'app/main.avdl',
      'shared/a.avdl',
      'shared/nested/d.avdl',
      'shared/b.avdl',
      'lib/onpath.avdl',
      'lib/sub/c.avdl',
    ]);
  });

  it('reports an import that is neither next to the file nor on the import path', () => {
    const { result } = compileAt(dir, 'app/main.avdl');
    expect(errorsOf(result)).toEqual(['IDL013 main.avdl:4:3']);
    expect(result.diagnostics[0]!.message).toBe('Error importing onpath.avdl: file not found');
    expect(result.json).toBeUndefined();
  });

  it('accepts imports after the declarations of a schema-mode file', () => {
    const { result, text } = compileAt(dir, 'app/tail.avdl');
    expect(result.diagnostics).toEqual([]);
    expect(text).toBe(
      '[{"type":"record","name":"Uses","fields":[{"name":"a","type":{"type":"record","name":"A","fields":[{"name":"a","type":"int"}]}}]},{"type":"record","name":"D","fields":[{"name":"d","type":"int"}]},{"type":"record","name":"A","fields":[{"name":"a","type":"int"}]}]',
    );
  });
});

describe('import errors (2.9)', () => {
  const dir = tempTree({
    'cycle-a.avdl': 'protocol A {\n  import idl "cycle-b.avdl";\n}',
    'cycle-b.avdl': 'protocol B {\n  import idl "cycle-a.avdl";\n}',
    'bad-json.avdl': 'protocol P {\n  import schema "bad.avsc";\n}',
    'bad.avsc': '{"type": "record",\n "name": "R", "fields": [ }',
    'bad-schema.avdl': 'protocol P {\n  import schema "bad-type.avsc";\n}',
    'bad-type.avsc': '{"type": "record", "name": "R",\n  "fields": [{"name": "x", "type": {"type": 12}}]}',
    'type-ref.avdl': 'protocol P {\n  import schema "type-ref.avsc";\n}',
    'type-ref.avsc':
      '[{"type": "enum", "name": "E", "symbols": ["A"]}, {"type": "record", "name": "R", "fields": [{"name": "x", "type": {"type": "E"}}]}]',
    'bad-default.avdl': 'protocol P {\n  import schema "bad-default.avsc";\n}',
    'bad-default.avsc':
      '{"type": "record", "name": "R",\n  "fields": [{"name": "x", "type": "int", "default": "one"}]}',
  });

  it('rejects an import cycle at the import that closes it', () => {
    const { result } = compileAt(dir, 'cycle-a.avdl');
    expect(errorsOf(result)).toEqual(['IDL014 cycle-b.avdl:2:3']);
    expect(result.diagnostics[0]!.message).toMatch(
      /^import cycle: .*cycle-a\.avdl -> .*cycle-b\.avdl -> .*cycle-a\.avdl$/,
    );
  });

  it('reports invalid JSON at its position in the imported file', () => {
    expect(errorsOf(compileAt(dir, 'bad-json.avdl').result)).toEqual(['IDL015 bad.avsc:2:27']);
  });

  it('reports an invalid schema in the imported file', () => {
    const { result } = compileAt(dir, 'bad-schema.avdl');
    expect(errorsOf(result)).toEqual(['IDL015 bad-type.avsc:2:45']);
  });

  it('reads {"type": "Name"} as a reference, as Avro 1.12.0 and 1.12.1 do', () => {
    const { result, text } = compileAt(dir, 'type-ref.avdl');
    expect(result.diagnostics).toEqual([]);
    expect(text).toContain('"fields":[{"name":"x","type":"E"}]');
  });

  it('checks the defaults of imported schemas', () => {
    expect(errorsOf(compileAt(dir, 'bad-default.avdl').result)).toEqual(['IDL007 bad-default.avsc:2:54']);
  });
});

describe('byte order marks', () => {
  it('ignores a BOM at the start of the compiled text and of imported JSON', () => {
    const readFile = (p: string) =>
      p.endsWith('t.avsc') ? '\ufeff{"type":"fixed","name":"T","size":2}' : undefined;
    const result = compileIdl('\ufeffprotocol P { import schema "t.avsc"; }', '/virtual/p.avdl', {
      readFile,
    });
    expect(result.diagnostics).toEqual([]);
    expect(result.json).toEqual({
      protocol: 'P',
      types: [{ type: 'fixed', name: 'T', size: 2 }],
      messages: {},
    });
  });
});
