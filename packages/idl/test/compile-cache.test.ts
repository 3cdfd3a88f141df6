import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileIdl, compileIdlFile, IdlCompileCache, type IdlCompileOptions } from '@charter/idl';
import { stringifyJson } from '@charter/schema';
import { describe, expect, it } from 'vitest';
import { tempTree } from './helpers.js';

const dir = tempTree({
  // A dangling doc comment: a warning the parser gives, which every compilation importing it must show.
  'common/money.avdl':
    'namespace com.acme.common;\n/** stray */\n/** Money. */\nrecord Money { decimal(9, 2) amount; string currency = "EUR"; }\n',
  'common/currency.avsc':
    '{"type": "enum", "name": "Currency", "namespace": "com.acme.common", "symbols": ["EUR"]}',
  'orders/order-placed.avdl':
    'namespace com.acme.orders;\nschema OrderPlaced;\nimport idl "../common/money.avdl";\nimport schema "../common/currency.avsc";\nrecord OrderPlaced { com.acme.common.Money total; com.acme.common.Currency c; }\n',
  'orders/order-paid.avdl':
    'namespace com.acme.orders;\nschema OrderPaid;\nimport idl "../common/money.avdl";\nimport schema "../common/currency.avsc";\nrecord OrderPaid { com.acme.common.Money paid; }\n',
  'broken/lib.avdl': 'namespace b;\nrecord Lib { int x }\n',
  'broken/a.avdl': 'namespace b;\nschema A;\nimport idl "lib.avdl";\nrecord A { b.Lib lib; }\n',
  'broken/b.avdl': 'namespace b;\nschema B;\nimport idl "lib.avdl";\nrecord B { b.Lib lib; }\n',
});

/** A cache whose files are read through a counter, to see what is read how often. */
function counted(): { options: IdlCompileOptions & { cache: IdlCompileCache }; reads: Map<string, number> } {
  const reads = new Map<string, number>();
  const readFile = (path: string) => {
    reads.set(path, (reads.get(path) ?? 0) + 1);
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  };
  return { options: { readFile, cache: new IdlCompileCache() }, reads };
}

const files = ['common/money.avdl', 'orders/order-placed.avdl', 'orders/order-paid.avdl'];

describe('IdlCompileCache', () => {
  it('reads and parses a shared import once, with the same output and diagnostics as without it', () => {
    const { options, reads } = counted();
    for (const file of files) {
      const cached = compileIdlFile(join(dir, file), options);
      const fresh = compileIdlFile(join(dir, file));
      expect(stringifyJson(cached.json!)).toBe(stringifyJson(fresh.json!));
      expect(cached.diagnostics).toEqual(fresh.diagnostics);
      expect(cached.files).toEqual(fresh.files);
    }
    expect(reads.get(join(dir, 'common/money.avdl'))).toBe(1);
    expect(reads.get(join(dir, 'common/currency.avsc'))).toBe(1);
    // money, currency, and the two event files: each read and parsed once.
    expect(options.cache.stats).toEqual({ reads: 4, parses: 4 });
  });

  it('repeats the warnings of a cached parse in every compilation that reads the file', () => {
    const { options } = counted();
    const at = (file: string) =>
      compileIdlFile(join(dir, file), options).diagnostics.map(
        (d) => `${d.severity} ${d.code} ${d.file}:${d.range?.start.line}:${d.range?.start.column}`,
      );
    const money = join(dir, 'common/money.avdl');
    expect(at('orders/order-placed.avdl')).toEqual([`warning IDL023 ${money}:2:1`]);
    expect(at('orders/order-paid.avdl')).toEqual([`warning IDL023 ${money}:2:1`]);
  });

  it('repeats the errors of a cached parse: both importers fail', () => {
    const { options } = counted();
    const a = compileIdlFile(join(dir, 'broken/a.avdl'), options);
    const b = compileIdlFile(join(dir, 'broken/b.avdl'), options);
    expect(a.json).toBeUndefined();
    expect(b.json).toBeUndefined();
    const errors = (r: typeof a) => r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);
    expect(errors(a).length).toBeGreaterThan(0);
    expect(errors(b)).toEqual(errors(a));
    expect(options.cache.stats.parses).toBe(3);
  });

  it('parses again when the text given for a path differs from the cached one', () => {
    const { options } = counted();
    const path = join(dir, 'orders/order-paid.avdl');
    const first = compileIdl(readFileSync(path, 'utf8'), path, options);
    expect(first.mainSchema).toMatchObject({ name: 'OrderPaid' });
    const edited = compileIdl(
      'namespace com.acme.orders;\nschema OrderPaid;\nrecord OrderPaid { string id; }\n',
      path,
      options,
    );
    expect(edited.json).toEqual({
      type: 'record',
      name: 'OrderPaid',
      namespace: 'com.acme.orders',
      fields: [{ name: 'id', type: 'string' }],
    });
  });

  it('keeps a file compiled under a relative name out of the parse cache (its locations name it so)', () => {
    const { options } = counted();
    const path = join(dir, 'common/money.avdl');
    const relative = compileIdl(readFileSync(path, 'utf8'), 'money.avdl', options);
    expect(relative.diagnostics[0]?.file).toBe('money.avdl');
    const imported = compileIdlFile(join(dir, 'orders/order-paid.avdl'), options);
    expect(imported.diagnostics[0]?.file).toBe(path);
  });
});
